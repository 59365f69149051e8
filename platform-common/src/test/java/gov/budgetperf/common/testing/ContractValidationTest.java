package gov.budgetperf.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The validating proxy of the tests fires on each kind of drift, and lets conforming responses through. */
class ContractValidationTest {

    private static final String DOC = """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},
             "paths":{
              "/items/{id}":{"get":{"responses":{
                "200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},
                "404":{"description":"no","content":{"application/problem+json":{"schema":{"type":"object"}}}}}}},
              "/items/batch":{"get":{"responses":{"200":{"description":"ok","content":{"text/csv":{}}}}}},
              "/files/{id}":{"get":{"responses":{"200":{"description":"ok",
                "content":{"application/pdf":{"schema":{"type":"string","format":"binary"}}}}}}}},
             "components":{"schemas":{"Item":{"type":"object","required":["id"],"properties":{
               "id":{"type":"integer"},"name":{"type":["string","null"]},"at":{"type":"string","format":"date"},
               "amount":{"type":"number","multipleOf":0.01}}}}}}
            """;

    private final ContractValidation validation = ContractValidation.INSTANCE;

    private List<String> check(String method, String path, int status, String type, String body) throws Exception {
        return validation.check(new ContractValidation.Document(DOC), method, path, status, type,
                () -> body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aConformingResponsePasses() throws Exception {
        assertThat(check("GET", "/items/7", 200, "application/json;charset=UTF-8",
                "{\"id\":7,\"name\":null,\"at\":\"2022-12-31\",\"amount\":12.34}")).isEmpty();
        assertThat(check("GET", "/files/7", 200, "application/pdf", "%PDF-1.7")).isEmpty();
        assertThat(check("GET", "/items/batch", 200, "text/csv", "a,b")).as("a literal segment wins").isEmpty();
    }

    @Test
    void eachKindOfDriftIsAViolation() throws Exception {
        assertThat(check("GET", "/items/7", 200, "application/json", "{\"name\":3}"))
                .anySatisfy(v -> assertThat(v).contains("id"))
                .anySatisfy(v -> assertThat(v).contains("/name"));
        assertThat(check("GET", "/items/7", 200, "application/json", "{\"id\":1,\"at\":\"31.12.2022\"}"))
                .singleElement().asString().contains("/at");
        assertThat(check("GET", "/items/7", 200, "application/json", "{\"id\":1,\"amount\":0.001}"))
                .singleElement().asString().contains("/amount");
        assertThat(check("GET", "/items/7", 409, "application/problem+json", "{}")).singleElement().asString()
                .contains("status 409 is not documented");
        assertThat(check("GET", "/files/7", 200, "application/vnd.ms-excel", "x")).singleElement().asString()
                .contains("media type 'application/vnd.ms-excel' is not documented");
        assertThat(check("GET", "/items/7", 200, "application/json", "not json")).singleElement().asString()
                .contains("not JSON");
    }

    @Test
    void whatNoDocumentDescribesIsLeftAlone() throws Exception {
        assertThat(check("GET", "/q/health", 200, "application/json", "{}")).isEmpty();
        assertThat(check("DELETE", "/items/7", 405, "application/problem+json", "{}")).isEmpty();
    }

    @Test
    void matchersForStatusAndMediaType() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(ContractValidation.responseKey(json.readTree("{\"4XX\":{}}"), 404)).isEqualTo("4XX");
        assertThat(ContractValidation.responseKey(json.readTree("{\"default\":{}}"), 503)).isEqualTo("default");
        assertThat(ContractValidation.mediaKey(json.readTree("{\"*/*\":{}}"), "text/html")).isEqualTo("*/*");
        assertThat(ContractValidation.mediaKey(json.readTree("{\"text/*\":{}}"), "text/html")).isEqualTo("text/*");
    }
}

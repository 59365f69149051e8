package gov.budgetperf.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

class ContractFilterTest {

    @Test
    void aDateReferenceBecomesAStringWithItsFormat() {
        Schema s = OASFactory.createSchema().ref("#/components/schemas/LocalDate").description("as of");
        ContractFilter.inlineTime(s);
        assertThat(s.getRef()).isNull();
        assertThat(s.getType()).containsExactly(Schema.SchemaType.STRING);
        assertThat(s.getFormat()).isEqualTo("date");
        assertThat(s.getDescription()).isEqualTo("as of");

        Schema other = OASFactory.createSchema().ref("#/components/schemas/Budget");
        ContractFilter.inlineTime(other);
        assertThat(other.getRef()).isEqualTo("#/components/schemas/Budget");
    }

    @Test
    void digitsOnANumberBecomeMultipleOfInsteadOfAPattern() {
        Schema amount = OASFactory.createSchema().type(List.of(Schema.SchemaType.NUMBER, Schema.SchemaType.NULL))
                .pattern("^\\d{1,16}([.]\\d{1,2})?$");
        ContractFilter.digitsAsMultipleOf(amount);
        assertThat(amount.getPattern()).isNull();
        assertThat(amount.getMultipleOf()).isEqualByComparingTo(new BigDecimal("0.01"));

        Schema text = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).pattern("\\S");
        ContractFilter.digitsAsMultipleOf(text);
        assertThat(text.getPattern()).as("a string keeps its pattern").isEqualTo("\\S");
    }

    @Test
    void componentsNoOperationReachesAreDropped() {
        Schema ref = OASFactory.createSchema().ref("#/components/schemas/PageItem");
        var openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema("PageItem", OASFactory.createSchema().addProperty("items",
                                OASFactory.createSchema().items(OASFactory.createSchema().ref("#/components/schemas/Item"))))
                        .addSchema("Item", OASFactory.createSchema().addProperty("problem",
                                OASFactory.createSchema()
                                        .addAnyOf(OASFactory.createSchema().ref("#/components/schemas/Problem"))))
                        .addSchema("Problem", OASFactory.createSchema())
                        .addSchema("Page", OASFactory.createSchema()))
                .paths(OASFactory.createPaths().addPathItem("/items", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("200",
                                OASFactory.createAPIResponse().content(OASFactory.createContent().addMediaType(
                                        "application/json", OASFactory.createMediaType().schema(ref))))))));
        assertThat(ContractFilter.unreachable(openAPI)).containsExactly("Page");
    }
}

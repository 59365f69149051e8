package gov.budgetperf.budget.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.OpenApiFuzz;
import gov.budgetperf.common.testing.Tokens;

/**
 * Every operation of budget-service's own OpenAPI document with hostile path, query and body values: never a 5xx,
 * every error problem+json (issue 11 §4, §5).
 */
@QuarkusTest
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void hostileInputNeverAnswers5xxAndEveryErrorIsProblemJson() throws Exception {
        String code = Fixtures.uniqueCode("FUZZ");
        Fixtures.department(code, "模糊测试部门", "测试区");
        Fixtures.budget(code, 2022, List.of(Fixtures.alloc("PERSONNEL", "GENERAL_PUBLIC", "1000.00")));

        OpenApiFuzz fuzz = OpenApiFuzz.against(base.toURI(), Tokens.finance()).sample("code", code)
                .sample("year", "2022").sample("fiscalYear", "2022").run();

        System.out.println(fuzz.summary("budget-service"));
        assertThat(fuzz.failures()).as(String.join("\n", fuzz.failures())).isEmpty();
    }
}

package gov.budgetperf.budget.openapi;

import static gov.budgetperf.common.testing.GeneratedClient.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.GeneratedClient;
import gov.budgetperf.common.testing.Tokens;

/**
 * What a department's developers do: generate a Java client from the OpenAPI document the service serves, with
 * openapi-generator and no hand edits, compile it, and drive the running service through it: create, list, get, and
 * an error.
 */
@QuarkusTest
class GeneratedClientTest {

    @Test
    void aClientGeneratedFromTheServedDocumentWorks() throws Exception {
        String code = Fixtures.uniqueCode("GEN");
        try (GeneratedClient client = GeneratedClient.generate("budget").bearer(Tokens.finance())) {
            // create a department through the client's own model and API classes
            Object input = client.model("DepartmentInput");
            call(input, "setCode", code);
            call(input, "setName", "生成客户端测试部门");
            call(input, "setRegion", "测试区" + code);
            Object departments = client.api("DepartmentsApi");
            Object created = call(departments, "createDepartment", input);
            assertThat(call(created, "getCode")).isEqualTo(code);

            // get it back, and find it in the list of its region
            assertThat(call(call(departments, "getDepartment", code), "getName")).isEqualTo("生成客户端测试部门");
            List<?> inRegion = (List<?>) call(call(departments, "listDepartments", null, "测试区" + code, null),
                    "getItems");
            assertThat(inRegion).extracting(d -> call(d, "getCode")).containsExactly(code);

            // a budget and a ledger entry, then the metrics, all through the client
            Object allocation = client.model("Allocation");
            call(allocation, "setExpenditureType", client.enumValue("ExpenditureType", "PERSONNEL"));
            call(allocation, "setFundingSource", client.enumValue("FundingSource", "GENERAL_PUBLIC"));
            call(allocation, "setAmount", new BigDecimal("1000.00"));
            Object budgetInput = client.model("BudgetInput");
            call(budgetInput, "setAllocations", List.of(allocation));
            Object budgets = client.api("BudgetsApi");
            call(budgets, "createBudget", code, 2022, budgetInput);

            Object expenditure = client.model("ExpenditureInput");
            call(expenditure, "setDate", LocalDate.of(2022, 5, 1));
            call(expenditure, "setAmount", new BigDecimal("250.00"));
            call(expenditure, "setExpenditureType", client.enumValue("ExpenditureType", "PERSONNEL"));
            call(client.api("ExpendituresApi"), "recordExpenditure", code, 2022, expenditure);

            Object metrics = call(budgets, "getBudgetMetrics", code, 2022, null, null);
            assertThat((BigDecimal) call(call(metrics, "getExecutionRate"), "getPercent")).isEqualByComparingTo("25.00");

            // errors come back as the client's ApiException carrying the problem details
            Throwable missing = catchThrowable(() -> call(departments, "getDepartment", "NO-SUCH-" + code));
            assertThat(missing.getClass().getSimpleName()).isEqualTo("ApiException");
            assertThat(call(missing, "getCode")).isEqualTo(404);
            assertThat((String) call(missing, "getResponseBody")).contains("\"status\":404");
        }
    }
}

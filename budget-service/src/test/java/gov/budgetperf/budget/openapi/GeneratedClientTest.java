package gov.budgetperf.budget.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import io.quarkus.test.junit.QuarkusTest;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.Tokens;

/**
 * What a department's developers do: generate a Java client from the OpenAPI document the service serves, with
 * openapi-generator and no hand edits, compile it, and drive the running service through it.
 */
@QuarkusTest
class GeneratedClientTest {

    @Test
    void aClientGeneratedFromTheServedDocumentWorks() throws Exception {
        String spec = given().when().get(managementOrMain() + "/q/openapi?format=json").then().statusCode(200).extract()
                .asString();
        Path work = Path.of("target", "generated-client");
        deleteTree(work);
        Files.createDirectories(work);
        Path specFile = work.resolve("openapi.json");
        Files.writeString(specFile, spec);

        CodegenConfigurator config = new CodegenConfigurator().setGeneratorName("java").setLibrary("native")
                .setInputSpec(specFile.toString()).setOutputDir(work.resolve("src").toString())
                .setApiPackage("gov.dept.client.api").setModelPackage("gov.dept.client.model")
                .setInvokerPackage("gov.dept.client")
                .setAdditionalProperties(Map.of("openApiNullable", false, "useJakartaEe", true, "annotationLibrary",
                        "none", "hideGenerationTimestamp", true, "serializableModel", false));
        ClientOptInput input = config.toClientOptInput();
        List<File> files = new DefaultGenerator().opts(input).generate();
        assertThat(files).isNotEmpty();

        List<String> sources;
        try (Stream<Path> s = Files.walk(work.resolve("src/src/main/java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-nowarn", "-proc:none"));
        args.addAll(sources);
        int rc = javac.run(null, null, System.err, args.toArray(String[]::new));
        assertThat(rc).as("the generated client compiles without edits").isZero();

        String code = Fixtures.uniqueCode("GEN");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> apiClientClass = loader.loadClass("gov.dept.client.ApiClient");
            Object apiClient = apiClientClass.getConstructor().newInstance();
            apiClientClass.getMethod("updateBaseUri", String.class).invoke(apiClient,
                    "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
            String token = Tokens.finance();
            Consumer<java.net.http.HttpRequest.Builder> auth = b -> b.header("Authorization", "Bearer " + token);
            apiClientClass.getMethod("setRequestInterceptor", Consumer.class).invoke(apiClient, auth);

            // create a department through the client's own model and API classes
            Class<?> inputClass = loader.loadClass("gov.dept.client.model.DepartmentInput");
            Object input1 = inputClass.getConstructor().newInstance();
            inputClass.getMethod("setCode", String.class).invoke(input1, code);
            inputClass.getMethod("setName", String.class).invoke(input1, "生成客户端测试部门");
            inputClass.getMethod("setRegion", String.class).invoke(input1, "测试区");
            Class<?> departmentsApi = loader.loadClass("gov.dept.client.api.DepartmentsApi");
            Object departments = departmentsApi.getConstructor(apiClientClass).newInstance(apiClient);
            Object created = departmentsApi.getMethod("createDepartment", inputClass).invoke(departments, input1);
            assertThat(created.getClass().getMethod("getCode").invoke(created)).isEqualTo(code);

            // a budget and a ledger entry, then the metrics, all through the client
            Class<?> allocationClass = loader.loadClass("gov.dept.client.model.Allocation");
            Object allocation = allocationClass.getConstructor().newInstance();
            Class<?> typeEnum = loader.loadClass("gov.dept.client.model.ExpenditureType");
            Class<?> sourceEnum = loader.loadClass("gov.dept.client.model.FundingSource");
            allocationClass.getMethod("setExpenditureType", typeEnum).invoke(allocation, enumValue(typeEnum, "PERSONNEL"));
            allocationClass.getMethod("setFundingSource", sourceEnum).invoke(allocation,
                    enumValue(sourceEnum, "GENERAL_PUBLIC"));
            allocationClass.getMethod("setAmount", BigDecimal.class).invoke(allocation, new BigDecimal("1000.00"));
            Class<?> budgetInputClass = loader.loadClass("gov.dept.client.model.BudgetInput");
            Object budgetInput = budgetInputClass.getConstructor().newInstance();
            budgetInputClass.getMethod("setAllocations", List.class).invoke(budgetInput, List.of(allocation));
            Class<?> budgetsApi = loader.loadClass("gov.dept.client.api.BudgetsApi");
            Object budgets = budgetsApi.getConstructor(apiClientClass).newInstance(apiClient);
            budgetsApi.getMethod("createBudget", String.class, Integer.class, budgetInputClass).invoke(budgets, code, 2022,
                    budgetInput);

            Class<?> expenditureInputClass = loader.loadClass("gov.dept.client.model.ExpenditureInput");
            Object expenditure = expenditureInputClass.getConstructor().newInstance();
            expenditureInputClass.getMethod("setDate", java.time.LocalDate.class).invoke(expenditure,
                    java.time.LocalDate.of(2022, 5, 1));
            expenditureInputClass.getMethod("setAmount", BigDecimal.class).invoke(expenditure, new BigDecimal("250.00"));
            expenditureInputClass.getMethod("setExpenditureType", typeEnum).invoke(expenditure,
                    enumValue(typeEnum, "PERSONNEL"));
            Class<?> expendituresApi = loader.loadClass("gov.dept.client.api.ExpendituresApi");
            Object ledger = expendituresApi.getConstructor(apiClientClass).newInstance(apiClient);
            expendituresApi.getMethod("recordExpenditure", String.class, Integer.class, expenditureInputClass)
                    .invoke(ledger, code, 2022, expenditure);

            Method getMetrics = null;
            for (Method m : budgetsApi.getMethods()) {
                if (m.getName().equals("getBudgetMetrics") && m.getParameterCount() == 4) {
                    getMetrics = m;
                }
            }
            assertThat(getMetrics).as("getBudgetMetrics(code, year, asOf, carryOverDenominator)").isNotNull();
            Object metrics = getMetrics.invoke(budgets, code, 2022, null, null);
            Object rate = metrics.getClass().getMethod("getExecutionRate").invoke(metrics);
            assertThat((BigDecimal) rate.getClass().getMethod("getPercent").invoke(rate))
                    .isEqualByComparingTo("25.00");

            // errors come back as the client's ApiException carrying the problem details
            try {
                departmentsApi.getMethod("getDepartment", String.class).invoke(departments, "NO-SUCH-" + code);
                org.assertj.core.api.Assertions.fail("expected 404");
            } catch (java.lang.reflect.InvocationTargetException e) {
                Object apiException = e.getCause();
                assertThat(apiException.getClass().getSimpleName()).isEqualTo("ApiException");
                assertThat(apiException.getClass().getMethod("getCode").invoke(apiException)).isEqualTo(404);
                assertThat((String) apiException.getClass().getMethod("getResponseBody").invoke(apiException))
                        .contains("\"status\":404");
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    /** The OpenAPI document is served on the management interface when it is enabled, else on the main port. */
    private static String managementOrMain() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}

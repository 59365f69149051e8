package gov.budgetperf.evaluation.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import gov.budgetperf.common.testing.Tokens;

/**
 * A project evaluation's budget-linked score follows the event that changed the project's figures, in the same step:
 * a department-budget.changed event carries the changed projects' figures, which are stored before the department's
 * evaluations (project evaluations among them) are rescored; the project.changed event of the same version that
 * budget-service sends next is then already applied.
 */
@QuarkusTest
class ProjectEventOrderTest {

    private static BigDecimal a11(long id) {
        String s = given().auth().oauth2(Tokens.finance()).when().get("/api/v1/evaluations/{id}", id).then()
                .statusCode(200).extract().jsonPath().getString("indicators.find { it.code == 'A11' }.score");
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void theProjectsFiguresOfABudgetEventScoreAtOnce() throws Exception {
        String dept = "PEV-" + UUID.randomUUID().toString().substring(0, 8);
        String project = "PEV-P1";
        long id = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "PROJECT", "departmentCode", dept, "fiscalYear", 2022, "projectCode", project,
                        "ruleSetCode", "MOF-PROJECT-SELF"))
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
        try (BudgetEventsFixture budget = new BudgetEventsFixture()) {
            // version 1: the project at 50 % (department and project events, as budget-service sends them)
            budget.send(BudgetEventsFixture.projects(budget.budgetChanged(dept, 2022, 1, "0.8"), project, "0.5"));
            budget.send(budget.projectChanged(dept, project, 2022, 1, "0.5"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(a11(id)).isEqualByComparingTo("5.00"));

            // version 2: 1,000,000 of 1,100,000 = 90.91 %; the department event alone must move the score
            budget.send(BudgetEventsFixture.projects(budget.budgetChanged(dept, 2022, 2, "0.8"), project,
                    "0.909090909091"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(a11(id)).isEqualByComparingTo("9.09"));
            // the project event of the same version changes nothing more
            budget.send(budget.projectChanged(dept, project, 2022, 2, "0.909090909091"));
            // and one of a later version does (proof that the consumer has gone past the version-2 project event)
            budget.send(budget.projectChanged(dept, project, 2022, 3, "0.7"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(a11(id)).isEqualByComparingTo("7.00"));
        }
        List<Object> applied = given().auth().oauth2(Tokens.finance()).when()
                .get("/api/v1/evaluations/{id}/audit?size=200", id).then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.action == 'BUDGET_FIGURES_APPLIED' }.detail.budgetDataVersion");
        // each version applied once: 1 and 2 by the department events, 3 by the project event
        assertThat(applied).containsExactlyInAnyOrder(1, 2, 3);
    }
}

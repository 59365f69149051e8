package gov.budgetperf.report.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import gov.budgetperf.common.testing.OpenApiFuzz;
import gov.budgetperf.common.testing.Tokens;
import gov.budgetperf.report.WithoutPeers;

/**
 * Every operation of report-service's own OpenAPI document with hostile path, query and body values: never a 5xx
 * other than a 503 problem with Retry-After, every error problem+json (issue 11 §4, §5). It runs without the peers
 * (the module's Peers resource starts them on fixed databases): the peer URLs point at a closed port, so an
 * operation that needs budget- or evaluation-service answers 503 as it would with them down.
 */
@QuarkusTest
@TestProfile(WithoutPeers.class)
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void hostileInputNeverAnswers5xxAndEveryErrorIsProblemJson() throws Exception {
        OpenApiFuzz fuzz = OpenApiFuzz.against(base.toURI(), Tokens.finance()).allowUnavailable()
                .sample("departmentCode", "FUZZ-DEPT").sample("fiscalYear", "2022").sample("id", "1").run();

        System.out.println(fuzz.summary("report-service"));
        assertThat(fuzz.failures()).as(String.join("\n", fuzz.failures())).isEmpty();
    }
}

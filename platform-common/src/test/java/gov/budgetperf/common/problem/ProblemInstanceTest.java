package gov.budgetperf.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The instance URI of a problem is always a valid URI, whatever the client put in the path. */
class ProblemInstanceTest {

    @Test
    void keepsAnEncodedPathAsSent() {
        assertThat(ProblemInstance.of("/api/v1/departments/a%20b/..%2Fx").toString())
                .isEqualTo("/api/v1/departments/a%20b/..%2Fx");
    }

    @Test
    void encodesWhatAPathMayNotHold() {
        assertThat(ProblemInstance.of("/api/v1/departments/<x> 'y'\u0000😀").toString())
                .isEqualTo("/api/v1/departments/%3Cx%3E%20'y'%00%F0%9F%98%80");
        assertThat(ProblemInstance.of("/a/%zz/%").toString()).isEqualTo("/a/%25zz/%25");
    }

    @Test
    void neverReadsAsAnAuthorityOrAScheme() {
        assertThat(ProblemInstance.of("//evil.example/x").getHost()).isNull();
        assertThat(ProblemInstance.of("javascript:alert(1)").getScheme()).isNull();
    }

    @Test
    void nullStaysNull() {
        assertThat(ProblemInstance.of((String) null)).isNull();
        assertThat(ProblemInstance.of((jakarta.ws.rs.core.UriInfo) null)).isNull();
    }
}

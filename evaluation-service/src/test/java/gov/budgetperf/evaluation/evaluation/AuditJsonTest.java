package gov.budgetperf.evaluation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** An audit detail that cannot be written fails the change it audits; it is never stored as {@code {}}. */
class AuditJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aWritableDetailIsItsJson() {
        assertThat(EvaluationService.auditJson(mapper, "STATUS_SUBMITTED", Map.of("from", "DRAFT")))
                .isEqualTo("{\"from\":\"DRAFT\"}");
    }

    @Test
    void anUnwritableDetailFailsInsteadOfBecomingEmpty() {
        // a bean without properties is refused by Jackson (FAIL_ON_EMPTY_BEANS)
        assertThatThrownBy(() -> EvaluationService.auditJson(mapper, "INDICATOR_SET", Map.of("value", new Object())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("INDICATOR_SET")
                .hasNoCause();
    }
}

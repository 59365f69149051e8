package gov.budgetperf.common.outbox;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A CloudEvents 1.0 envelope in structured JSON mode; {@code data} carries the new state and its version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        T data) {
}

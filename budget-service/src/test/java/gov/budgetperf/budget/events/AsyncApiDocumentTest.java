package gov.budgetperf.budget.events;

import org.junit.jupiter.api.Test;

import gov.budgetperf.common.testing.EventContract;

/**
 * The AsyncAPI 3 document of what budget-service publishes (and consumes) is valid for the AsyncAPI CLI: no error,
 * no warning. (That every event the tests write to the outbox matches it is checked by platform-common's
 * OutboxEventsCheck after each test.)
 */
class AsyncApiDocumentTest {

    @Test
    void theEventsDocumentIsValidAsyncApi() {
        EventContract.asyncApiValidate(EventContract.DOCUMENTS.resolve("budget-events.asyncapi.json"));
    }
}

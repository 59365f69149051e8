package gov.budgetperf.evaluation.events;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import gov.budgetperf.common.testing.EventContract;

/**
 * The AsyncAPI 3 document of what evaluation-service publishes, consumes and dead-letters is valid for the AsyncAPI
 * CLI (no error, no warning), and its copies of budget-service's messages equal budget-service's own document. (That
 * every event the tests write to the outbox matches it is checked by platform-common's OutboxEventsCheck after each
 * test.)
 */
class AsyncApiDocumentTest {

    static final Path DOC = EventContract.DOCUMENTS.resolve("evaluation-events.asyncapi.json");

    @Test
    void theEventsDocumentIsValidAsyncApi() {
        EventContract.asyncApiValidate(DOC);
    }

    @Test
    void itsCopiesOfTheBudgetEventsEqualTheProducersDocument() {
        EventContract.assertCopiesMatch(DOC, Path.of("..", "budget-service").resolve(EventContract.DOCUMENTS)
                .resolve("budget-events.asyncapi.json"));
    }
}

package gov.budgetperf.report.events;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import gov.budgetperf.common.testing.EventContract;

/**
 * The AsyncAPI 3 document of what report-service consumes and dead-letters is valid for the AsyncAPI CLI (no error,
 * no warning), and its copies of the producers' messages equal the producers' own documents.
 */
class AsyncApiDocumentTest {

    static final Path DOC = EventContract.DOCUMENTS.resolve("report-events.asyncapi.json");

    @Test
    void theEventsDocumentIsValidAsyncApi() {
        EventContract.asyncApiValidate(DOC);
    }

    @Test
    void itsCopiesOfTheConsumedEventsEqualTheProducersDocuments() {
        EventContract.assertCopiesMatch(DOC, Path.of("..", "budget-service").resolve(EventContract.DOCUMENTS)
                .resolve("budget-events.asyncapi.json"));
        EventContract.assertCopiesMatch(DOC, Path.of("..", "evaluation-service").resolve(EventContract.DOCUMENTS)
                .resolve("evaluation-events.asyncapi.json"));
    }
}

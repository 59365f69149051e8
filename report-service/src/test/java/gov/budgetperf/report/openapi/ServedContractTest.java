package gov.budgetperf.report.openapi;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import gov.budgetperf.common.testing.ServedContract;
import gov.budgetperf.report.WithoutPeers;

/**
 * The served OpenAPI document as a department's front-end team meets it: {@code redocly lint} finds no error, and
 * a strict TypeScript client generated from it ({@code openapi-typescript} + {@code openapi-fetch}) type-checks the
 * portal program {@code src/test/typescript/portal.ts}, which must narrow nullable fields and switch exhaustively
 * over enums. No peer is needed: the document is the service's own.
 */
@QuarkusTest
@TestProfile(WithoutPeers.class)
class ServedContractTest {

    @Test
    void theServedDocumentLintsWithoutErrors() throws Exception {
        ServedContract.ofApplicationUnderTest().lint();
    }

    @Test
    void aStrictTypeScriptClientGeneratedFromItTypeChecksThePortalProgram() throws Exception {
        ServedContract.ofApplicationUnderTest().typeCheckPortal(Path.of("src/test/typescript/portal.ts"));
    }
}

package gov.budgetperf.common.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Puts {@link ContractValidation} in front of every {@code @QuarkusTest}'s REST Assured calls (registered in
 * {@code META-INF/services}, so a service's tests are validated by depending on this test-jar).
 */
public class ContractValidationCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ContractValidation.install();
    }
}

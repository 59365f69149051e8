package gov.budgetperf.report;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * For tests that need no peer: no global test resources (the peer processes on their fixed databases are not
 * started), and the peer URLs point at a closed port, so anything that calls a peer answers 503 at once as it would
 * with the peers down. One profile for all such tests, so Quarkus starts once for them.
 */
public class WithoutPeers implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.rest-client.budget.url", "http://127.0.0.1:9", "quarkus.rest-client.evaluation.url",
                "http://127.0.0.1:9");
    }
}

package gov.budgetperf.report.peers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import gov.budgetperf.common.peer.Peer;

/** evaluation-service as report-service sees it: typed answers, "not found" as empty, outages as 503 problems. */
@ApplicationScoped
public class EvaluationClient {

    public static final String PEER = "evaluation-service";
    private static final int PAGE = 200;

    @Inject
    @RestClient
    EvaluationApi api;

    /** Every evaluation of a department-year (without indicators). */
    public List<PeerModels.Evaluation> evaluations(String departmentCode, int year) {
        List<PeerModels.Evaluation> all = new ArrayList<>();
        for (int page = 0;; page++) {
            int p = page;
            PeerModels.Page<PeerModels.Evaluation> got = Peer.get(PEER, "evaluations",
                    () -> api.evaluations(departmentCode, year, p, PAGE));
            all.addAll(got.items());
            if (got.items().size() < PAGE || all.size() >= got.total()) {
                return all;
            }
        }
    }

    public Optional<PeerModels.Evaluation> evaluation(long id) {
        return Peer.find(PEER, () -> api.evaluation(id));
    }

    public List<PeerModels.MonitoringLine> monitoring(int year, String region, LocalDate asOf) {
        return Peer.find(PEER, () -> api.monitoring(year, region, asOf)).orElse(List.of());
    }

    /** A cheap call that proves the peer answers (for readiness). */
    public void ping() {
        Peer.find(PEER, () -> api.evaluations("-", 2000, 0, 1));
    }
}

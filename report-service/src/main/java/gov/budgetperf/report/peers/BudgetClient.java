package gov.budgetperf.report.peers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import gov.budgetperf.common.peer.Peer;

/** budget-service as report-service sees it: typed answers, "not found" as empty, outages as 503 problems. */
@ApplicationScoped
public class BudgetClient {

    public static final String PEER = "budget-service";
    private static final int PAGE = 200;

    @Inject
    @RestClient
    BudgetApi api;

    public Optional<PeerModels.Department> department(String code) {
        return Peer.find(PEER, () -> api.department(code));
    }

    /** Every department of a region (all pages). */
    public List<PeerModels.Department> departments(String region) {
        List<PeerModels.Department> all = new ArrayList<>();
        for (int page = 0;; page++) {
            int p = page;
            PeerModels.Page<PeerModels.Department> got = Peer.get(PEER, "departments",
                    () -> api.departments(region, p, PAGE));
            all.addAll(got.items());
            if (got.items().size() < PAGE || all.size() >= got.total()) {
                return all;
            }
        }
    }

    public Optional<PeerModels.DepartmentMetrics> metrics(String code, int year, LocalDate asOf) {
        return Peer.find(PEER, () -> api.metrics(code, year, asOf));
    }

    public List<PeerModels.Project> projects(String code, int year) {
        return Peer.find(PEER, () -> api.projects(code, year)).orElse(List.of());
    }

    public Optional<PeerModels.ProjectMetrics> projectMetrics(String code, int year, String project, LocalDate asOf) {
        return Peer.find(PEER, () -> api.projectMetrics(code, year, project, asOf));
    }

    /** A cheap call that proves the peer answers (for readiness). */
    public void ping() {
        Peer.find(PEER, () -> api.departments(null, 0, 1));
    }
}

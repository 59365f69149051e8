package gov.budgetperf.report.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import gov.budgetperf.common.testing.AccessMatrix;

/**
 * report-service's endpoints, read from their annotations without starting the service (its Quarkus tests need the
 * peers): every one says who may call it, no write admits a read-only role (the auditor only reads), and the matrix
 * of e2e/ReportAccessMatrixTest lists every one of them.
 */
class EndpointRolesTest {

    static final String PACKAGE = "gov.budgetperf.report";

    @Test
    void everyEndpointHasARoleAnnotationAndNoWriteAdmitsAReadOnlyRole() {
        AccessMatrix.assertRoleAnnotations(PACKAGE);
    }

    @Test
    void theE2eMatrixCoversEveryWrite() {
        assertThat(AccessMatrix.writeOperations(PACKAGE)).containsExactlyInAnyOrder("POST /api/v1/reports",
                "POST /api/v1/reports/{id}/regenerate", "POST /api/v1/report-batches",
                "PUT /api/v1/narratives/{departmentCode}/{fiscalYear}/sections/{section}",
                "PUT /api/v1/narratives/{departmentCode}/{fiscalYear}/tasks");
        assertThat(Set.copyOf(AccessMatrix.operations(PACKAGE).stream().map(AccessMatrix.Operation::key).toList()))
                .containsExactlyInAnyOrderElementsOf(gov.budgetperf.report.e2e.ReportAccessMatrixTest.OPERATIONS);
    }
}

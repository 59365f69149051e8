package gov.budgetperf.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import gov.budgetperf.common.problem.ProblemException;

/**
 * Row-level access rules shared by all services: a department sees and changes only its own data; auditors and
 * services only read; finance does everything. Coarse role checks stay in {@code @RolesAllowed} on the resources.
 */
@RequestScoped
public class CallerAccess {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    /** The caller's name, for audit columns. */
    public String user() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean isFinance() {
        return identity.hasRole(Roles.FINANCE);
    }

    /** The department a department-role caller is limited to, or null when the caller is not so limited. */
    public String restrictedDepartment() {
        if (isFinance() || identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.SERVICE)) {
            return null;
        }
        Object claim = jwt.getClaim(Roles.DEPARTMENT_CLAIM);
        // A department token without the claim sees nothing rather than everything.
        return claim == null ? "" : claim.toString().replace("\"", "");
    }

    /** Throws 403 unless the caller may read data of the given department. */
    public void requireRead(String departmentCode) {
        String own = restrictedDepartment();
        if (own != null && !own.equals(departmentCode)) {
            throw ProblemException.forbidden("A department may only read its own data");
        }
    }

    /** Throws 403 unless the caller may change data of the given department. */
    public void requireWrite(String departmentCode) {
        if (isFinance()) {
            return;
        }
        if (!identity.hasRole(Roles.DEPARTMENT)) {
            throw ProblemException.forbidden("Your role is read-only");
        }
        String own = restrictedDepartment();
        if (!own.equals(departmentCode)) {
            throw ProblemException.forbidden("A department may only change its own data");
        }
    }
}

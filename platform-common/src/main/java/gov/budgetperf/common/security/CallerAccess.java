package gov.budgetperf.common.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import gov.budgetperf.common.problem.ProblemException;
import gov.budgetperf.common.problem.Violation;

/**
 * The one rule of who reads and changes which department's data, for every service (DESIGN.md §7 "Security"). Roles
 * never widen a department's reach:
 * <ul>
 * <li>a caller holding {@link Roles#DEPARTMENT} is bound to the department its claim names, whatever other roles it
 * holds: it reads and writes that department only; without a claim (or with an empty or non-text one) it reads and
 * writes nothing;</li>
 * <li>otherwise {@link Roles#FINANCE} reads and writes everything;</li>
 * <li>otherwise {@link Roles#AUDITOR} and {@link Roles#SERVICE} read everything and write nothing;</li>
 * <li>any other caller reaches nothing.</li>
 * </ul>
 * {@code @RolesAllowed} on the resources only pre-filters; every read and write of department data also goes through
 * one of the checks below, because a role annotation cannot see which department a request touches.
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

    /** The caller acts as the finance bureau: it holds {@code finance} and is not bound to a department. */
    public boolean isFinance() {
        return identity.hasRole(Roles.FINANCE) && !identity.hasRole(Roles.DEPARTMENT);
    }

    /**
     * The department the caller is bound to, or null when it reads every department (finance, auditor, service).
     * Throws 403 when the caller reaches no department at all (a department token without a usable claim, or no role
     * of this platform), so that no caller can mistake "no claim" for "no restriction" or for an empty code.
     */
    public String restrictedDepartment() {
        if (identity.hasRole(Roles.DEPARTMENT)) {
            return ownDepartment().orElseThrow(
                    () -> denied("Your department token names no department (claim \"" + Roles.DEPARTMENT_CLAIM + "\")"));
        }
        if (identity.hasRole(Roles.FINANCE) || identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.SERVICE)) {
            return null;
        }
        throw denied("Your token carries no role of this platform");
    }

    /** Whether the caller may read data of the given department. */
    public boolean mayRead(String departmentCode) {
        if (identity.hasRole(Roles.DEPARTMENT)) {
            return ownDepartment().map(own -> own.equals(departmentCode)).orElse(false);
        }
        return identity.hasRole(Roles.FINANCE) || identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.SERVICE);
    }

    /** Throws 403 unless the caller may read data of the given department. */
    public void requireRead(String departmentCode) {
        String own = restrictedDepartment();
        if (own != null && !own.equals(departmentCode)) {
            throw denied("A department may only read its own data");
        }
    }

    /** Whether the caller may change data of the given department (a blank code names no department). */
    public boolean mayWrite(String departmentCode) {
        if (departmentCode == null || departmentCode.isBlank()) {
            return false;
        }
        if (identity.hasRole(Roles.DEPARTMENT)) {
            return ownDepartment().map(own -> own.equals(departmentCode)).orElse(false);
        }
        return identity.hasRole(Roles.FINANCE);
    }

    /** Throws 403 unless the caller may change data of the given department. */
    public void requireWrite(String departmentCode) {
        requireWriter();
        if (!mayWrite(departmentCode)) {
            throw denied("A department may only change its own data");
        }
    }

    /**
     * Throws 403 unless the caller may change some department's data: finance, or a department token with its claim.
     * For requests that name their departments only inside the body (imports), checked before the body is read; each
     * department named then still passes {@link #mayWrite}.
     */
    public void requireWriter() {
        if (identity.hasRole(Roles.DEPARTMENT)) {
            restrictedDepartment();
            return;
        }
        if (!identity.hasRole(Roles.FINANCE)) {
            throw denied("Your role is read-only");
        }
    }

    /**
     * Throws 403 unless the caller acts as finance: for changes that are not one department's (departments, rule sets,
     * the evaluation workflow, region documents, batches across a region).
     */
    public void requireFinance() {
        if (!isFinance()) {
            throw denied(identity.hasRole(Roles.FINANCE)
                    ? "A token bound to a department cannot act for the finance bureau"
                    : "Only the finance bureau may do this");
        }
    }

    /**
     * Throws 403 unless the caller reads every department (finance, auditor, service, none bound to a department): for
     * data that spans departments (region documents, import batches).
     */
    public void requireAllDepartments() {
        if (restrictedDepartment() != null) {
            throw denied("A department may only read its own data");
        }
    }

    /** A 403 problem naming, per row, the departments the caller may not change (imports). */
    public static ProblemException denied(String detail, List<Violation> violations) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, violations);
    }

    private static ProblemException denied(String detail) {
        return denied(detail, null);
    }

    /**
     * The department claim, read through the JWT API: a non-blank text value, or nothing (absent, empty, a number, an
     * array…). smallrye-jwt gives custom text claims as {@link String}; a {@link JsonString} is accepted too.
     */
    private Optional<String> ownDepartment() {
        Object claim = jwt.getClaim(Roles.DEPARTMENT_CLAIM);
        String code = claim instanceof String s ? s : claim instanceof JsonString js ? js.getString() : null;
        return code == null || code.isBlank() ? Optional.empty() : Optional.of(code);
    }
}

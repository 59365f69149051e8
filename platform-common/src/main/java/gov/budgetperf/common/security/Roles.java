package gov.budgetperf.common.security;

/** The roles carried in the JWT {@code groups} claim. */
public final class Roles {
    /** Finance bureau: reads and writes everything. */
    public static final String FINANCE = "finance";
    /**
     * A budget department: reads and writes only the department named in its {@code department} claim, whatever other
     * roles the token holds; without that claim it reaches nothing (see {@link CallerAccess}).
     */
    public static final String DEPARTMENT = "department";
    /** Auditors and public-facing readers: read-only, all departments (unless also bound to a department). */
    public static final String AUDITOR = "auditor";
    /** Other services of the platform calling over REST: read-only, all departments. */
    public static final String SERVICE = "service";

    /** The claim naming the department of a {@link #DEPARTMENT} caller. */
    public static final String DEPARTMENT_CLAIM = "department";

    private Roles() {
    }
}

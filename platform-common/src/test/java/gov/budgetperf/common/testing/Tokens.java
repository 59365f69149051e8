package gov.budgetperf.common.testing;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Test bearer tokens, signed with the development key (smallrye.jwt.sign.key.location in the test profile). */
public final class Tokens {

    public static final String ISSUER = "https://budgetperf.local/dev";

    private Tokens() {
    }

    public static String finance() {
        return of("finance", null);
    }

    public static String auditor() {
        return of("auditor", null);
    }

    public static String service() {
        return of("service", null);
    }

    public static String department(String code) {
        return of("department", code);
    }

    public static String of(String role, String department) {
        return builder(role, department).sign();
    }

    /**
     * A token holding several roles (e.g. department and auditor) and, when {@code department} is not null, that text
     * as its department claim (an empty string gives an empty claim).
     */
    public static String roles(Set<String> roles, String department) {
        JwtClaimsBuilder b = Jwt.issuer(ISSUER).upn(String.join("+", new java.util.TreeSet<>(roles)) + "-user")
                .groups(roles).expiresIn(Duration.ofMinutes(30));
        if (department != null) {
            b.claim("department", department);
        }
        return b.sign();
    }

    /** A department token without a department claim: it must reach nothing. */
    public static String departmentWithoutClaim() {
        return of("department", null);
    }

    public static JwtClaimsBuilder builder(String role, String department) {
        JwtClaimsBuilder b = Jwt.issuer(ISSUER).upn(role + (department == null ? "" : "-" + department) + "-user")
                .groups(Set.of(role)).expiresIn(Duration.ofMinutes(30));
        if (department != null) {
            b.claim("department", department);
        }
        return b;
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}

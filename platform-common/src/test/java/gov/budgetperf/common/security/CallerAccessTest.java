package gov.budgetperf.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import gov.budgetperf.common.problem.ProblemException;

/**
 * The caller-access rule for every role combination and every form of the department claim, without a container: what
 * each caller reads and writes of its own department ("OWN"), of another ("OTHER"), of an empty code (region documents
 * are stored with one) and across departments.
 */
class CallerAccessTest {

    static final String OWN = "OWN";
    static final String OTHER = "OTHER";

    /** A caller: its roles, its claim (absent when null) and what the rule must allow it. */
    record Caller(String name, Set<String> roles, Object claim, Reach reads, Reach writes, boolean finance) {
        @Override
        public String toString() {
            return name;
        }
    }

    enum Reach {
        NOTHING, OWN, EVERYTHING
    }

    static List<Caller> callers() {
        return List.of(new Caller("finance", Set.of(Roles.FINANCE), null, Reach.EVERYTHING, Reach.EVERYTHING, true),
                new Caller("auditor", Set.of(Roles.AUDITOR), null, Reach.EVERYTHING, Reach.NOTHING, false),
                new Caller("service", Set.of(Roles.SERVICE), null, Reach.EVERYTHING, Reach.NOTHING, false),
                new Caller("department", Set.of(Roles.DEPARTMENT), OWN, Reach.OWN, Reach.OWN, false),
                new Caller("department as JSON string", Set.of(Roles.DEPARTMENT), Json.createValue(OWN), Reach.OWN,
                        Reach.OWN, false),
                new Caller("department+auditor", Set.of(Roles.DEPARTMENT, Roles.AUDITOR), OWN, Reach.OWN, Reach.OWN,
                        false),
                new Caller("department+service", Set.of(Roles.DEPARTMENT, Roles.SERVICE), OWN, Reach.OWN, Reach.OWN,
                        false),
                new Caller("department+finance", Set.of(Roles.DEPARTMENT, Roles.FINANCE), OWN, Reach.OWN, Reach.OWN,
                        false),
                new Caller("department, no claim", Set.of(Roles.DEPARTMENT), null, Reach.NOTHING, Reach.NOTHING, false),
                new Caller("department, empty claim", Set.of(Roles.DEPARTMENT), "", Reach.NOTHING, Reach.NOTHING,
                        false),
                new Caller("department, blank claim", Set.of(Roles.DEPARTMENT), "  ", Reach.NOTHING, Reach.NOTHING,
                        false),
                new Caller("department, numeric claim", Set.of(Roles.DEPARTMENT), 42L, Reach.NOTHING, Reach.NOTHING,
                        false),
                new Caller("department, array claim", Set.of(Roles.DEPARTMENT), List.of(OWN), Reach.NOTHING,
                        Reach.NOTHING, false),
                new Caller("department+auditor, no claim", Set.of(Roles.DEPARTMENT, Roles.AUDITOR), null, Reach.NOTHING,
                        Reach.NOTHING, false),
                new Caller("department+finance, empty claim", Set.of(Roles.DEPARTMENT, Roles.FINANCE), "",
                        Reach.NOTHING, Reach.NOTHING, false),
                new Caller("no platform role", Set.of("someone"), null, Reach.NOTHING, Reach.NOTHING, false),
                new Caller("anonymous", Set.of(), null, Reach.NOTHING, Reach.NOTHING, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void readsOnlyWhatItsRolesAndClaimAllow(Caller c) {
        CallerAccess access = access(c);
        assertThat(access.mayRead(OWN)).as("reads its own").isEqualTo(c.reads() != Reach.NOTHING);
        assertThat(access.mayRead(OTHER)).as("reads another").isEqualTo(c.reads() == Reach.EVERYTHING);
        assertThat(access.mayRead("")).as("reads an empty code").isEqualTo(c.reads() == Reach.EVERYTHING);
        assertThat(allowed(() -> access.requireRead(OWN))).isEqualTo(c.reads() != Reach.NOTHING);
        assertThat(allowed(() -> access.requireRead(OTHER))).isEqualTo(c.reads() == Reach.EVERYTHING);
        assertThat(allowed(() -> access.requireRead(""))).isEqualTo(c.reads() == Reach.EVERYTHING);
        assertThat(allowed(() -> access.requireRead(null))).isEqualTo(c.reads() == Reach.EVERYTHING);
        assertThat(allowed(access::requireAllDepartments)).isEqualTo(c.reads() == Reach.EVERYTHING);
        switch (c.reads()) {
            case EVERYTHING -> assertThat(access.restrictedDepartment()).isNull();
            case OWN -> assertThat(access.restrictedDepartment()).isEqualTo(OWN);
            case NOTHING -> assertThat(allowed(access::restrictedDepartment)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void writesOnlyWhatItsRolesAndClaimAllow(Caller c) {
        CallerAccess access = access(c);
        assertThat(access.mayWrite(OWN)).as("writes its own").isEqualTo(c.writes() != Reach.NOTHING);
        assertThat(access.mayWrite(OTHER)).as("writes another").isEqualTo(c.writes() == Reach.EVERYTHING);
        assertThat(access.mayWrite("")).as("an empty code names no department").isFalse();
        assertThat(access.mayWrite(null)).isFalse();
        assertThat(allowed(() -> access.requireWrite(OWN))).isEqualTo(c.writes() != Reach.NOTHING);
        assertThat(allowed(() -> access.requireWrite(OTHER))).isEqualTo(c.writes() == Reach.EVERYTHING);
        assertThat(allowed(() -> access.requireWrite(""))).isFalse();
        assertThat(allowed(() -> access.requireWrite(null))).isFalse();
        assertThat(allowed(access::requireWriter)).isEqualTo(c.writes() != Reach.NOTHING);
        assertThat(allowed(access::requireFinance)).isEqualTo(c.finance());
        assertThat(access.isFinance()).isEqualTo(c.finance());
    }

    /** Runs a check: true when it passes, false when it answers 403 (any other outcome fails the test). */
    private static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        } catch (ProblemException e) {
            assertThat(e.status()).isEqualTo(403);
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void aDeniedCheckIsA403Problem(Caller c) {
        CallerAccess access = access(c);
        if (c.writes() != Reach.EVERYTHING) {
            assertThatThrownBy(() -> access.requireWrite(OTHER)).isInstanceOf(ProblemException.class)
                    .extracting(e -> ((ProblemException) e).status()).isEqualTo(403);
        }
    }

    static CallerAccess access(Caller c) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder();
        if (c.name().equals("anonymous")) {
            b.setAnonymous(true);
        } else {
            b.setPrincipal(new QuarkusPrincipal(c.name() + "-user"));
        }
        c.roles().forEach(b::addRole);
        CallerAccess access = new CallerAccess();
        access.identity = b.build();
        access.jwt = new Token(c.name() + "-user", c.claim() == null ? Map.of() : Map.of(Roles.DEPARTMENT_CLAIM, c.claim()));
        return access;
    }

    /** A verified token reduced to its claims, as the JWT API presents it. */
    record Token(String getName, Map<String, Object> claims) implements JsonWebToken {
        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }

        @Override
        public String toString() {
            return getName + Arrays.toString(claims.entrySet().toArray());
        }
    }
}

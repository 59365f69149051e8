package gov.budgetperf.budget.database;

import static gov.budgetperf.budget.Fixtures.alloc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import gov.budgetperf.budget.Fixtures;
import gov.budgetperf.common.testing.Tokens;

/**
 * The database drops the service's connections while ledger entries are posted (what a PostgreSQL restart does to
 * them; the shared server itself is not restarted): every answer is 201 or 503 with Retry-After, every 201 is stored
 * exactly once, and readiness is DOWN while the database refuses connections and UP when it takes them again.
 */
@QuarkusTest
class ConnectionsKilledTest {

    private static final int WRITERS = 3;
    private static final int KILLS = 5;

    private record Answer(String description, int status, String retryAfter, String contentType, String body) {
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static String database() {
        String u = url();
        int q = u.indexOf('?');
        String path = q < 0 ? u : u.substring(0, q);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A connection of the test's own to the server's maintenance database, never one of the service's. */
    private static Connection admin() throws SQLException {
        String u = url();
        String server = u.substring(0, u.lastIndexOf('/') + 1) + "postgres";
        return DriverManager.getConnection(server,
                ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class)
                        .orElse("postgres"),
                ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static int terminateServiceConnections(Connection admin) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE datname = ? AND pid <> pg_backend_pid()")) {
            s.setString(1, database());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static void allowConnections(Connection admin, boolean allow) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE \"" + database() + "\" WITH ALLOW_CONNECTIONS " + allow);
        }
    }

    private static int readiness() {
        String management = "http://localhost"
                + ":" + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return given().when().get(management + "/q/health/ready").andReturn().statusCode();
    }

    private static Answer post(String code, String description) {
        Response r = given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON)
                .body(Map.of("date", "2024-03-15", "amount", "1.00", "expenditureType", "PERSONNEL", "description",
                        description))
                .when().post("/api/v1/departments/{c}/budgets/2024/expenditures", code).andReturn();
        return new Answer(description, r.statusCode(), r.header("Retry-After"), r.contentType(), r.asString());
    }

    @Test
    void killedConnectionsAnswer503WithRetryAfterAndLoseOrDoubleNothing() throws Exception {
        String code = Fixtures.uniqueCode("KILL");
        Fixtures.department(code, "断连", "测试区");
        Fixtures.budget(code, 2024, List.of(alloc("PERSONNEL", "GENERAL_PUBLIC", "100000.00")));

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        int killed = 0;
        try (Connection admin = admin()) {
            for (int w = 0; w < WRITERS; w++) {
                running.add(writers.submit(() -> {
                    while (writing.get()) {
                        answers.add(post(code, "kill-" + sequence.incrementAndGet()));
                    }
                }));
            }
            // kill every connection of the service's database while the writers post, five times
            for (int k = 0; k < KILLS; k++) {
                int before = answers.size();
                await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() >= before + 6);
                killed += terminateServiceConnections(admin);
            }
            int before = answers.size();
            await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() >= before + 6);

            // the database refuses connections: readiness DOWN, writes 503; then back: readiness UP
            long down = System.nanoTime();
            try {
                allowConnections(admin, false);
                terminateServiceConnections(admin);
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                        .until(() -> readiness() == 503);
                long unreachable = answers.size();
                await().atMost(Duration.ofSeconds(20)).until(() -> answers.stream().skip(unreachable)
                        .anyMatch(a -> a.status() == 503));
            } finally {
                allowConnections(admin, true);
            }
            long up = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> readiness() == 200);
            System.out.printf("connections-killed: readiness UP %d ms after the database took connections again "
                    + "(%d ms refused)%n", (System.nanoTime() - up) / 1_000_000, (up - down) / 1_000_000);
            int afterUp = answers.size();
            await().atMost(Duration.ofSeconds(20)).until(() -> answers.stream().skip(afterUp)
                    .filter(a -> a.status() == 201).count() >= 3);
        } finally {
            writing.set(false);
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
            writers.shutdownNow();
        }

        List<Answer> all = List.copyOf(answers);
        assertThat(all).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isIn(201, 503);
            if (a.status() == 503) {
                assertThat(a.retryAfter()).as(a.body()).isNotBlank();
                assertThat(a.contentType()).startsWith("application/problem+json");
            }
        });
        Set<String> created = new HashSet<>();
        all.stream().filter(a -> a.status() == 201).forEach(a -> created.add(a.description()));
        List<String> stored = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(),
                ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class)
                        .orElse("postgres"),
                ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                PreparedStatement s = c.prepareStatement("SELECT e.description FROM expenditure e "
                        + "JOIN department_budget b ON b.id = e.budget_id JOIN department d ON d.id = b.department_id "
                        + "WHERE d.code = ?")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.add(r.getString(1));
                }
            }
        }
        long failed = all.stream().filter(a -> a.status() == 503).count();
        Set<String> unavailable = new HashSet<>();
        all.stream().filter(a -> a.status() == 503).forEach(a -> unavailable.add(a.description()));
        Set<String> storedAfter503 = new HashSet<>(stored);
        storedAfter503.removeAll(created);
        System.out.printf("connections-killed: %d posts, %d created, %d answered 503 (%d of them stored: the connection "
                + "died while COMMIT was answered), %d backends killed, %d stored%n", all.size(), created.size(), failed,
                storedAfter503.size(), killed, stored.size());
        // none lost: every 201 is stored; none doubled: each at most once. A post whose connection the server ended
        // while it answered COMMIT may have been stored although its client got 503: its outcome is unknown to the
        // client (as after any lost connection), never doubled by the service
        assertThat(stored).doesNotHaveDuplicates();
        assertThat(stored).containsAll(created);
        assertThat(unavailable).containsAll(storedAfter503);
        assertThat(failed).isPositive();
        assertThat(created.size()).isGreaterThan(KILLS);
    }
}

package gov.budgetperf.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.callback.QuarkusTestAfterAllCallback;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestContext;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Every event a test produces is checked against the module's AsyncAPI documents ({@link EventContract}). Events are
 * written to the outbox table in the change's transaction (platform-common outbox) and stay there after they are
 * relayed, so the outbox of the test database is the one place that sees them all: after each {@code @QuarkusTest}
 * method (and after each test class, for what committed late), the rows written since the last check are read and each
 * record value is validated against the payload schema of its type's message. A violation fails that test with the
 * event id, type, JSON pointer and message.
 *
 * <p>
 * Only rows created since this JVM started are read (a reused test database keeps older runs' events). The counts go
 * to {@code target/event-contract/outbox-events.txt}. Registered in {@code META-INF/services}, so every service whose
 * tests depend on this test-jar is checked; {@code -Devent.contract.check=off} switches it off.
 */
public class OutboxEventsCheck implements QuarkusTestAfterEachCallback, QuarkusTestAfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kept in system properties: Quarkus loads this class again for every application (test profile) it starts. */
    private static final String WATERMARK = "event.contract.checked-up-to.";
    private static final String CHECKED = "event.contract.checked";

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        check(context.getTestInstance() == null
                ? "?"
                : context.getTestInstance().getClass().getSimpleName() + "."
                        + context.getTestMethod().getName());
    }

    @Override
    public void afterAll(QuarkusTestContext context) {
        check(context.getTestInstance() == null ? "?" : context.getTestInstance().getClass().getSimpleName());
    }

    private static synchronized void check(String test) {
        if ("off".equals(System.getProperty("event.contract.check"))) {
            return;
        }
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (RuntimeException e) {
            return; // no application config (not a Quarkus application test)
        }
        Optional<String> url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class);
        if (url.isEmpty()) {
            return;
        }
        EventContract contract = EventContract.ofDirectory(EventContract.DOCUMENTS);
        String key = WATERMARK + url.get();
        long after = Long.parseLong(System.getProperty(key, "0"));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        long last = after;
        try (Connection c = DriverManager.getConnection(url.get(),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
                PreparedStatement ps = c.prepareStatement("SELECT id, event_id, event_type, payload FROM outbox_event "
                        + "WHERE id > ? AND created_at >= ? ORDER BY id")) {
            ps.setLong(1, after);
            ps.setTimestamp(2, new Timestamp(ManagementFactory.getRuntimeMXBean().getStartTime() - 1000));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    checked++;
                    String type = rs.getString(3);
                    JsonNode event = JSON.readTree(rs.getString(4));
                    for (String v : contract.violations(type, event)) {
                        failures.add("event " + rs.getString(2) + " (" + type + "): " + v);
                    }
                }
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return; // no outbox table: this service publishes nothing
            }
            throw new IllegalStateException("cannot read the outbox of " + url.get(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(key, Long.toString(last));
        long total = Long.parseLong(System.getProperty(CHECKED, "0")) + checked;
        System.setProperty(CHECKED, Long.toString(total));
        write(total, failures.size());
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " event(s) written to the outbox by " + test
                    + " do not match the module's AsyncAPI document(s) in " + EventContract.DOCUMENTS + ":\n  "
                    + String.join("\n  ", failures));
        }
    }

    private static void write(long total, int failed) {
        try {
            Path out = Path.of("target", "event-contract");
            Files.createDirectories(out);
            Files.writeString(out.resolve("outbox-events.txt"),
                    "events checked against the AsyncAPI documents: " + total + "\nviolations in the last check: "
                            + failed + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package gov.budgetperf.common.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, single node) in its own process, from the jars gathered by
 * infra/kafka-broker and the same server.properties template the scripts use. Tests can stop and restart it to
 * prove that nothing is lost while Kafka is down.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path lib;
    private final Path template;
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    public KafkaBrokerProcess() throws IOException {
        String libProperty = System.getProperty("kafka.broker.lib");
        if (libProperty == null) {
            throw new IllegalStateException("System property kafka.broker.lib is not set (run through Maven)");
        }
        lib = Path.of(libProperty).toAbsolutePath().normalize();
        template = lib.getParent().getParent().resolve("config/server.properties.template");
        if (!Files.isDirectory(lib) || !Files.exists(template)) {
            throw new IllegalStateException("Kafka broker jars or config missing at " + lib
                    + ": run ./mvnw -f infra/kafka-broker/pom.xml generate-resources");
        }
        dir = Files.createTempDirectory("kafka-test-");
        port = freePort();
        controllerPort = freePort();
        String props = Files.readString(template).replace("@BROKER_PORT@", Integer.toString(port))
                .replace("@CONTROLLER_PORT@", Integer.toString(controllerPort)).replace("@DATA_DIR@", dir.toString());
        Files.writeString(dir.resolve("server.properties"), props);
        run(List.of(java(), "-cp", lib + File.separator + "*", "kafka.tools.StorageTool", "format", "-t",
                org.apache.kafka.common.Uuid.randomUuid().toString(), "-c",
                dir.resolve("server.properties").toString()), Duration.ofSeconds(60));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again, on the same data) and waits until it accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx512m", "-cp", lib + File.separator + "*",
                "-Dlog4j2.configurationFile=" + template.getParent().resolve("log4j2.yaml"),
                "-Dkafka.logs.dir=" + dir.resolve("logs"), "kafka.Kafka", dir.resolve("server.properties").toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("broker.out").toFile());
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited: see " + dir.resolve("broker.out"));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        throw new IllegalStateException("Kafka broker did not listen on " + port + " within 90 s");
    }

    /** Stops the broker process (SIGTERM, then SIGKILL after 30 s). */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void run(List<String> command, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.out").toFile()).start();
        try {
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        "Formatting Kafka storage failed: " + Files.readString(dir.resolve("format.out")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

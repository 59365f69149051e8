package gov.budgetperf.common.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js command-line tools of the contract tests (redocly, asyncapi, openapi-typescript, tsc), as pinned by
 * {@code scripts/node-tools/package-lock.json} and installed by {@code ./suite.sh test} into
 * {@code .local/tools/node/node_modules} of the repository root (found by walking up from the module directory).
 *
 * <p>
 * {@link #run} starts a tool as a process with a timeout and fails the test with the tool's output when it exits
 * non-zero. When the tools are not installed, {@link #require()} fails and says how to install them; only on a
 * developer's machine (environment variable {@code CI} not set) it skips instead (a JUnit assumption), so that a
 * targeted {@code ./mvnw test} of a module still runs. Under {@code CI=true} it never skips.
 *
 * <p>
 * The tools' telemetry, update checks and analytics are switched off through their environment variables (the
 * AsyncAPI analytics file is kept under {@code .local/tools/node}, not in {@code $HOME}): no network call is made.
 */
public final class NodeTools {

    /** Output and exit code of one tool run. */
    public record Result(int exitCode, String output) {
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    private final Path root;
    private final Path dir;

    private NodeTools(Path root) {
        this.root = root;
        this.dir = root.resolve(".local/tools/node");
    }

    /** The installed tools; fails (or, outside CI, skips) with how to install them when they are missing. */
    public static NodeTools require() {
        Path root = repositoryRoot();
        NodeTools tools = new NodeTools(root);
        List<String> missing = new ArrayList<>();
        for (String bin : List.of("redocly", "asyncapi", "openapi-typescript", "tsc")) {
            if (!Files.isExecutable(tools.bin(bin))) {
                missing.add(bin);
            }
        }
        if (!missing.isEmpty()) {
            String message = "The contract tools " + missing + " are not installed in " + tools.dir
                    + "/node_modules/.bin: run ./suite.sh test once (it installs them with npm ci from "
                    + "scripts/node-tools/package-lock.json), or: mkdir -p .local/tools/node && cp "
                    + "scripts/node-tools/package*.json .local/tools/node/ && (cd .local/tools/node && npm ci)";
            String ci = System.getenv("CI");
            if (ci == null || ci.isBlank()) {
                assumeTrue(false, message + " (skipped because CI is not set)");
            }
            fail(message);
        }
        return tools;
    }

    /** The repository root: the first directory upwards from the working directory that holds scripts/node-tools. */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("scripts/node-tools")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (a directory with scripts/node-tools) above " + start);
    }

    public Path root() {
        return root;
    }

    /** The node_modules directory of the tools (where e.g. openapi-fetch's type declarations are). */
    public Path nodeModules() {
        return dir.resolve("node_modules");
    }

    public Path bin(String name) {
        return nodeModules().resolve(".bin").resolve(name);
    }

    /** Runs the tool {@code name} in {@code workDir}; fails the test with its output unless it exits 0. */
    public Result run(Path workDir, String name, String... args) {
        Result r = runAllowingFailure(workDir, DEFAULT_TIMEOUT, name, args);
        if (r.exitCode() != 0) {
            fail(name + " " + String.join(" ", args) + " exited with " + r.exitCode() + ":\n" + r.output());
        }
        return r;
    }

    /** Runs the tool {@code name} in {@code workDir} and answers its exit code and output (stdout and stderr). */
    public Result runAllowingFailure(Path workDir, Duration timeout, String name, String... args) {
        List<String> command = new ArrayList<>();
        command.add(bin(name).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putAll(quietEnvironment());
        env.put("PATH", nodeModules().resolve(".bin") + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        try {
            Path out = Files.createTempFile("node-tool-", ".log");
            try {
                pb.redirectOutput(out.toFile());
                Process p = pb.start();
                p.getOutputStream().close();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                    fail(name + " " + String.join(" ", args) + " did not finish within " + timeout + ":\n"
                            + Files.readString(out, StandardCharsets.UTF_8));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Environment that switches off the tools' telemetry, analytics and update checks. */
    private Map<String, String> quietEnvironment() {
        Path analytics = dir.resolve("asyncapi-analytics.json");
        try {
            if (!Files.exists(analytics)) {
                Files.writeString(analytics,
                        "{\"analyticsEnabled\":\"false\",\"infoMessageShown\":\"true\",\"userID\":\"budgetperf-tests\"}\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("ASYNCAPI_METRICS_CONFIG_PATH", analytics.toString(), "ASYNCAPI_SKIP_NEW_VERSION_CHECK", "true",
                "REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true", "NO_UPDATE_NOTIFIER", "1",
                "NO_COLOR", "1", "FORCE_COLOR", "0", "SUPPRESS_NO_CONFIG_WARNING", "1");
    }
}

package gov.budgetperf.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds a kustomization with {@code kubectl kustomize} (kustomize v5 is built into kubectl since 1.27). The kubectl
 * used is {@code $KUBECTL}, else the system property {@code kubectl}, else the first one on the {@code PATH}. There
 * is no fallback: without kubectl the manifests cannot be checked, so the build fails.
 */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 60;

    private Kustomize() {
    }

    /** What a build printed. */
    record Output(String yaml, String warnings) {
    }

    static Path kubectl() {
        return Optional.ofNullable(System.getenv("KUBECTL")).or(() -> Optional.ofNullable(System.getProperty("kubectl")))
                .map(Path::of).or(Kustomize::onPath)
                .orElseThrow(() -> new IllegalStateException("kubectl not found (looked at $KUBECTL, -Dkubectl and the "
                        + "PATH). The deploy/ tests build the overlays with `kubectl kustomize`: install kubectl "
                        + "1.27 or newer (see deploy/README.md, \"Checking the manifests\")."));
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable).findFirst();
    }

    /** Runs {@code kubectl kustomize dir}; fails with kubectl's message when the build fails. */
    static Output build(Path dir) {
        return build(kubectl(), dir);
    }

    static Output build(Path kubectl, Path dir) {
        List<String> command = List.of(kubectl.toString(), "kustomize", dir.toString());
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS
                        + " s");
            }
            String stdout = out.join();
            String stderr = err.join();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "):\n" + stderr);
            }
            return new Output(stdout, stderr.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running kubectl", e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

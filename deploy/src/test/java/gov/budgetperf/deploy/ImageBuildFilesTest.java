package gov.budgetperf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The image build files, checked statically (building an image needs a container engine the tests do not have):
 * non-root numeric user matching the Deployments, pinned base image, nothing fetched by ADD, the fast-jar layout
 * copied, the fonts report-service needs.
 */
class ImageBuildFilesTest {

    private static final Path IMAGES = Overlay.DEPLOY.resolve("images");

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(IMAGES.resolve("Dockerfile.jvm"))) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            if (current.length() > 0) {
                instructions.add(current.toString());
            }
            current.setLength(0);
        }
        return instructions;
    }

    private static List<String> withKeyword(List<String> instructions, String keyword) {
        return instructions.stream().filter(i -> i.toUpperCase().startsWith(keyword + " ")).toList();
    }

    @Test
    void runsAsTheNonRootUidTheDeploymentsExpect() throws IOException {
        List<String> users = withKeyword(instructions(), "USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).substring(5).strip();
        Matcher uid = Pattern.compile("^(\\d+)(?::(\\d+))?$").matcher(user);

        assertThat(uid.matches()).as("USER %s is numeric (runAsNonRoot can only verify a number)", user).isTrue();
        long id = Long.parseLong(uid.group(1));
        assertThat(id).isNotZero();
        for (String overlay : Overlay.names()) {
            assertThat(Overlay.of(overlay).all(Deployment.class)).allSatisfy(d -> assertThat(
                    d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isEqualTo(id));
        }
    }

    @Test
    void baseImageIsPinnedAndNothingIsDownloadedByAdd() throws IOException {
        List<String> instructions = instructions();
        String baseArg = withKeyword(instructions, "ARG").stream().filter(a -> a.startsWith("ARG BASE_IMAGE="))
                .findFirst().orElseThrow();
        String base = baseArg.substring("ARG BASE_IMAGE=".length());

        assertThat(base).matches("^[a-z0-9./-]+:[A-Za-z0-9._-]+(@sha256:[0-9a-f]{64})?$").doesNotContain(":latest");
        assertThat(withKeyword(instructions, "FROM")).containsExactly("FROM ${BASE_IMAGE}");
        assertThat(withKeyword(instructions, "ADD")).as("ADD (use COPY; nothing is fetched at build time)").isEmpty();
    }

    @Test
    void copiesTheFastJarAndRunsIt() throws IOException {
        List<String> instructions = instructions();

        assertThat(withKeyword(instructions, "COPY")).containsExactly(
                "COPY ${SERVICE}/target/quarkus-app/lib/ /deployments/lib/",
                "COPY ${SERVICE}/target/quarkus-app/*.jar /deployments/",
                "COPY ${SERVICE}/target/quarkus-app/app/ /deployments/app/",
                "COPY ${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/");
        assertThat(withKeyword(instructions, "ENTRYPOINT")).singleElement().asString().contains("exec java")
                .contains("/deployments/quarkus-run.jar");
        assertThat(withKeyword(instructions, "ENV")).anyMatch(e -> e.contains("LANG=C.UTF-8"));
        assertThat(Files.readString(IMAGES.resolve("Dockerfile.jvm.dockerignore"))).contains("!*/target/quarkus-app/");
    }

    @Test
    void cjkFontsAreInstalledWhenAsked() throws IOException {
        String run = withKeyword(instructions(), "RUN").stream().filter(r -> r.contains("CJK_FONTS")).findFirst()
                .orElseThrow();

        assertThat(run).contains("\"${CJK_FONTS}\" = \"true\"").contains("fontconfig").containsPattern(
                "fonts-(wqy-zenhei|noto-cjk)");
    }

    @Test
    void buildScriptBuildsEveryDeployedImageAndGivesReportServiceItsFonts() throws IOException {
        String script = Files.readString(IMAGES.resolve("build.sh"));

        assertThat(Files.isExecutable(IMAGES.resolve("build.sh"))).isTrue();
        assertThat(script).contains("-f deploy/images/Dockerfile.jvm").contains("\"report-service true\"")
                .contains("\"budget-service false\"").contains("\"evaluation-service false\"");
        for (Deployment d : Overlay.of("dev").all(Deployment.class)) {
            assertThat(Overlay.mainContainer(d).getImage()).contains("/budgetperf/" + d.getMetadata().getName() + ":");
        }
    }
}

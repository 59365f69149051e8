package gov.budgetperf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import gov.budgetperf.deploy.StrictModels.K8sObject;

/** deploy/README.md is the operator's runbook: it covers what they do, and its example manifests are valid. */
class RunbookTest {

    @Test
    void coversEveryOperatorTask() {
        Readme readme = OverlaysTest.README;

        for (String section : List.of("Prerequisites", "Build the images", "Deploy", "Upgrade", "Scale",
                "Rotate the JWT keys", "Back up and restore", "Metrics and logs", "Configuration", "Secrets",
                "Checking the manifests")) {
            assertThat(readme.section(section)).as("section \"## %s\" of deploy/README.md", section).isNotBlank();
        }
        assertThat(readme.section("Prerequisites")).contains("Strimzi").contains("CloudNativePG")
                .contains("Barman Cloud").contains("cert-manager");
        assertThat(readme.text).contains("./mvnw -B -pl deploy verify");
    }

    @Test
    void exampleManifestsOfTheRunbookParseStrictly() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Overlay.DEPLOY.resolve("runbook"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            List<K8sObject> objects = StrictModels.parseAll(Files.readString(file));
            assertThat(objects).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void restoreExampleRecoversFromTheBackupsTheOverlaysWrite() throws IOException {
        Cnpg.Cluster restored = StrictModels.parseAll(
                Files.readString(Overlay.DEPLOY.resolve("runbook/restore-budget-db.yaml"))).get(0).as(Cnpg.Cluster.class);
        Cnpg.Cluster original = Overlay.of("prod").find("Cluster", "budget-db").orElseThrow().as(Cnpg.Cluster.class);

        var source = restored.spec().externalClusters().stream()
                .filter(c -> c.name().equals(restored.spec().bootstrap().recovery().source())).findFirst().orElseThrow();
        var archive = original.spec().plugins().get(0);
        assertThat(source.plugin().name()).isEqualTo(archive.name());
        assertThat(source.plugin().parameters()).containsEntry("barmanObjectName",
                archive.parameters().get("barmanObjectName")).containsEntry("serverName", "budget-db");
        assertThat(restored.spec().plugins().get(0).parameters().get("serverName")).isNotEqualTo("budget-db");
        assertThat(restored.spec().bootstrap().recovery().database())
                .isEqualTo(original.spec().bootstrap().initdb().database());
    }
}

package gov.budgetperf.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import gov.budgetperf.deploy.StrictModels.InvalidManifestException;

/**
 * The validator rejects what the API server (or the operator's CRD schema) would reject: each test takes a valid
 * object of the dev overlay, breaks one thing and expects the strict parse to fail on it.
 */
class StrictSchemaTest {

    private final Overlay dev = Overlay.of("dev");

    private ObjectNode copyOf(String kind, String name) {
        return dev.find(kind, name).orElseThrow(() -> new AssertionError(kind + "/" + name + " not in dev"))
                .json().deepCopy();
    }

    private void assertRejected(String kind, String name, Consumer<ObjectNode> breakIt, String expectedInMessage) {
        ObjectNode json = copyOf(kind, name);
        StrictModels.parse(json); // valid before
        breakIt.accept(json);
        assertThatThrownBy(() -> StrictModels.parse(json)).isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining(expectedInMessage);
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    }

    @Test
    void misspelledDeploymentFieldIsRejected() {
        assertRejected("Deployment", "budget-service", d -> {
            ObjectNode c = container(d);
            c.set("livenesProbe", c.remove("livenessProbe"));
        }, "livenesProbe");
    }

    @Test
    void misspelledFieldDeepInsideIsRejected() {
        assertRejected("Deployment", "evaluation-service",
                d -> ((ObjectNode) container(d).at("/securityContext")).put("readOnlyRootFileSystem", true),
                "readOnlyRootFileSystem");
    }

    @Test
    void numberWhereTheApiWantsAStringIsRejected() {
        // The classic: an unquoted port in an annotation.
        assertRejected("Deployment", "budget-service",
                d -> ((ObjectNode) d.at("/spec/template/metadata/annotations")).set("prometheus.io/port",
                        IntNode.valueOf(9081)),
                "prometheus.io/port");
    }

    @Test
    void stringWhereTheApiWantsANumberIsRejected() {
        assertRejected("Service", "budget-service", s -> ((ObjectNode) s.at("/spec/ports/0")).put("port", "80"),
                "port");
    }

    @Test
    void unknownKindOrApiVersionIsRejected() {
        assertRejected("Deployment", "report-service", d -> d.put("kind", "Deploymnet"), "unknown apiVersion/kind");
        assertRejected("HorizontalPodAutoscaler", "report-service", h -> h.put("apiVersion", "autoscaling/v1"),
                "unknown apiVersion/kind");
    }

    @Test
    void objectWithoutNameIsRejected() {
        assertRejected("ConfigMap", dev.ofKind("ConfigMap").get(0).name(),
                cm -> ((ObjectNode) cm.get("metadata")).remove("name"), "metadata.name is missing");
    }

    @Test
    void strimziResourcesAreCheckedAgainstStrimzisModel() {
        assertRejected("KafkaTopic", "budget.events", t -> ((ObjectNode) t.get("spec")).put("replica", 3), "replica");
        assertRejected("Kafka", "budgetperf",
                k -> ((ObjectNode) k.at("/spec/kafka/listeners/0/authentication")).put("type", "scram-sha-256"),
                "scram-sha-256");
        assertRejected("KafkaUser", "budget-service",
                u -> ((ObjectNode) u.at("/spec/authorization/acls/0/resource")).put("typ", "topic"), "typ");
        assertRejected("KafkaNodePool", "dual-role", p -> ((ObjectNode) p.get("spec")).put("replicas", "1"),
                "replicas");
    }

    @Test
    void cloudNativePgResourcesAreCheckedAgainstTheirSchema() {
        assertRejected("Cluster", "budget-db", c -> ((ObjectNode) c.get("spec")).set("instance", IntNode.valueOf(3)),
                "instance");
        assertRejected("Cluster", "budget-db", c -> ((ObjectNode) c.get("spec")).remove("storage"), "storage");
        assertRejected("Cluster", "evaluation-db",
                c -> ((ObjectNode) c.at("/spec/postgresql/parameters")).set("max_connections", IntNode.valueOf(200)),
                "max_connections");
        assertRejected("Cluster", "report-db", c -> ((ObjectNode) c.get("spec")).put("primaryUpdateStrategy", "auto"),
                "auto");
        assertRejected("ScheduledBackup", "budget-db-daily",
                b -> ((ObjectNode) b.get("spec")).set("schedule", TextNode.valueOf("0 2 * * *")), "six fields");
        assertRejected("ObjectStore", "pg-backups", s -> ((ObjectNode) s.get("spec")).put("retentionPolicy", "30days"),
                "retentionPolicy");
        assertRejected("ObjectStore", "pg-backups",
                s -> ((ObjectNode) s.at("/spec/configuration/wal")).put("compression", "zip"), "zip");
    }

    @Test
    void prometheusOperatorResourcesAreCheckedAgainstTheirModel() {
        assertRejected("ServiceMonitor", "budget-service",
                m -> ((ObjectNode) m.at("/spec/endpoints/0")).set("paht", TextNode.valueOf("/q/metrics")), "paht");
        assertRejected("PodMonitor", "kafka", m -> ((ObjectNode) m.get("spec")).putObject("podSelector"),
                "podSelector");
    }

    @Test
    void duplicateKeysInYamlAreRejected() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: twice
                  name: again
                """;

        assertThatThrownBy(() -> StrictModels.readYaml(yaml)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("name");
    }

    @Test
    void aBrokenKustomizationFailsTheBuild() {
        Path broken = Overlay.DEPLOY.resolve("src/test/resources/broken-overlay");

        assertThatThrownBy(() -> Kustomize.build(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does-not-exist.yaml");
    }

    @Test
    void aMissingKubectlFailsInsteadOfSkipping() {
        assertThatThrownBy(() -> Kustomize.build(Path.of("/nonexistent/kubectl"), Overlay.OVERLAYS.resolve("dev")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot run");
    }

    @Test
    void theValidManifestsStillParse() {
        assertThat(dev.objects).allSatisfy(o -> assertThat(StrictModels.parse(o.json().deepCopy()).model())
                .isInstanceOf(StrictModels.KINDS.get(o.apiVersion() + "/" + o.kind())));
    }
}

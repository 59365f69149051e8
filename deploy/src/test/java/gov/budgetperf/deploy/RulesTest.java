package gov.budgetperf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules catch what they are meant to: each test breaks one thing in a copy of the dev overlay (objects that are
 * each still schema-valid) and expects the matching violation.
 */
class RulesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Overlay dev = Overlay.of("dev");

    /** The violations of the dev overlay after applying a change to its objects. */
    private List<String> violationsAfter(Consumer<List<ObjectNode>> change) {
        List<ObjectNode> objects = dev.jsonCopy();
        change.accept(objects);
        return Rules.check(Overlay.fromJson("dev-broken", objects), OverlaysTest.README.documentedSecrets());
    }

    private static ObjectNode object(List<ObjectNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(kind + "/" + name));
    }

    private static void remove(List<ObjectNode> objects, String kind, String name) {
        objects.remove(object(objects, kind, name));
    }

    private static ObjectNode container(List<ObjectNode> objects, String deployment) {
        return (ObjectNode) object(objects, "Deployment", deployment).at("/spec/template/spec/containers/0");
    }

    @Test
    void theUnbrokenCopyKeepsTheRules() {
        assertThat(violationsAfter(objects -> {
        })).isEmpty();
    }

    @Test
    void containerWithoutProbesIsCaught() {
        assertThat(violationsAfter(o -> container(o, "budget-service").remove("livenessProbe")))
                .anyMatch(v -> v.contains("budget-service") && v.contains("no livenessProbe"));
        assertThat(violationsAfter(o -> ((ObjectNode) container(o, "report-service").get("readinessProbe")
                .get("httpGet")).put("path", "/q/health"))).anyMatch(v -> v.contains("readinessProbe is not"));
    }

    @Test
    void containerWithoutLimitsIsCaught() {
        assertThat(violationsAfter(o -> ((ObjectNode) container(o, "evaluation-service").get("resources"))
                .remove("limits"))).anyMatch(v -> v.contains("no cpu request and limit"));
    }

    @Test
    void insecureContainersAreCaught() {
        assertThat(violationsAfter(o -> ((ObjectNode) container(o, "budget-service").get("securityContext"))
                .put("readOnlyRootFilesystem", false))).anyMatch(v -> v.contains("readOnlyRootFilesystem"));
        assertThat(violationsAfter(o -> ((ObjectNode) container(o, "budget-service").get("securityContext"))
                .put("allowPrivilegeEscalation", true))).anyMatch(v -> v.contains("allowPrivilegeEscalation"));
        assertThat(violationsAfter(o -> ((ObjectNode) object(o, "Deployment", "report-service")
                .at("/spec/template/spec/securityContext")).put("runAsNonRoot", false).put("runAsUser", 0)))
                .anyMatch(v -> v.contains("runAsNonRoot")).anyMatch(v -> v.contains("runAsUser"));
        assertThat(violationsAfter(o -> container(o, "budget-service").put("image", "budgetperf/budget-service")))
                .anyMatch(v -> v.contains("no fixed tag"));
    }

    @Test
    void committedSecretsAndUnknownSecretReferencesAreCaught() {
        assertThat(violationsAfter(o -> {
            ObjectNode secret = JSON.objectNode().put("apiVersion", "v1").put("kind", "Secret");
            secret.putObject("metadata").put("name", "oops").put("namespace", "budgetperf-dev").putObject("labels")
                    .put(Rules.PART_OF, "budget-performance-platform");
            secret.putObject("stringData").put("password", "hunter2");
            o.add(secret);
        })).anyMatch(v -> v.startsWith("Secret/oops") && v.contains("committed with data"));
        assertThat(violationsAfter(o -> ((ObjectNode) container(o, "budget-service")
                .at("/env/0/valueFrom/secretKeyRef")).put("name", "somebody-elses-db-app")))
                .anyMatch(v -> v.contains("somebody-elses-db-app") && v.contains("neither created by an operator"));
        assertThat(violationsAfter(o -> ((ObjectNode) container(o, "budget-service")
                .at("/env/0/valueFrom/secretKeyRef")).put("key", "passwd")))
                .anyMatch(v -> v.contains("has no key passwd"));
    }

    @Test
    void unresolvedConfigMapIsCaught() {
        assertThat(violationsAfter(o -> ((ObjectNode) container(o, "evaluation-service").at("/envFrom/1/configMapRef"))
                .put("name", "evaluation-service-config")))
                .anyMatch(v -> v.contains("ConfigMap evaluation-service-config is not in the overlay"));
    }

    @Test
    void deploymentWithoutItsCompanionsIsCaught() {
        assertThat(violationsAfter(o -> remove(o, "HorizontalPodAutoscaler", "budget-service")))
                .anyMatch(v -> v.contains("expected one HorizontalPodAutoscaler"));
        assertThat(violationsAfter(o -> remove(o, "PodDisruptionBudget", "evaluation-service")))
                .anyMatch(v -> v.contains("expected one PodDisruptionBudget"));
        assertThat(violationsAfter(o -> remove(o, "Service", "report-service")))
                .anyMatch(v -> v.contains("no Service selects its pods"));
        assertThat(violationsAfter(o -> remove(o, "NetworkPolicy", "report-service")))
                .anyMatch(v -> v.contains("no NetworkPolicy restricts its egress"))
                .anyMatch(v -> v.contains("the ingress controller may not reach it"))
                .anyMatch(v -> v.contains("Prometheus (namespace [monitoring]) may not scrape it"));
        assertThat(violationsAfter(o -> remove(o, "ServiceMonitor", "budget-service")))
                .anyMatch(v -> v.contains("no ServiceMonitor"));
        assertThat(violationsAfter(o -> remove(o, "Ingress", "budget-service")))
                .anyMatch(v -> v.contains("no Ingress routes to its API"));
        assertThat(violationsAfter(o -> ((ObjectNode) object(o, "Deployment", "budget-service").get("spec"))
                .put("replicas", 2))).anyMatch(v -> v.contains("sets spec.replicas"));
    }

    @Test
    void openingAServiceToSomeoneWhoDoesNotCallItIsCaught() {
        assertThat(violationsAfter(o -> ((ArrayNode) object(o, "NetworkPolicy", "evaluation-service")
                .at("/spec/ingress/0/from")).addObject().putObject("podSelector").putObject("matchLabels")
                .put(Rules.APP, "budget-service")))
                .anyMatch(v -> v.startsWith("Deployment/evaluation-service: its API is open to"));
        assertThat(violationsAfter(o -> ((ArrayNode) object(o, "NetworkPolicy", "report-service")
                .at("/spec/ingress/0/from")).addObject().putObject("podSelector")))
                .anyMatch(v -> v.startsWith("Deployment/report-service: its API is open to") && v.contains("pod:*"));
        assertThat(violationsAfter(o -> ((ObjectNode) object(o, "NetworkPolicy", "budget-service")
                .at("/spec/ingress/1")).remove("from")))
                .anyMatch(v -> v.contains("management port is open to [anyone]"));
        assertThat(violationsAfter(o -> remove(o, "NetworkPolicy", "default-deny-ingress")))
                .anyMatch(v -> v.contains("no default-deny ingress"));
        assertThat(violationsAfter(o -> ((ObjectNode) object(o, "NetworkPolicy", "budget-service")
                .at("/spec/egress/1")).remove("ports")))
                .anyMatch(v -> v.contains("Deployment/budget-service: may open connections to"));
    }

    @Test
    void databaseOrKafkaReachableByAnotherServiceIsCaught() {
        assertThat(violationsAfter(o -> ((ArrayNode) object(o, "NetworkPolicy", "budget-db").at("/spec/ingress/0/from"))
                .addObject().putObject("podSelector").putObject("matchLabels").put(Rules.APP, "report-service")))
                .anyMatch(v -> v.startsWith("Cluster/budget-db: port 5432 is open to"));
        assertThat(violationsAfter(o -> ((ArrayNode) object(o, "Kafka", "budgetperf")
                .at("/spec/kafka/listeners/0/networkPolicyPeers")).remove(2)))
                .anyMatch(v -> v.contains("listener tls is open to"));
        assertThat(violationsAfter(o -> ((ObjectNode) object(o, "Kafka", "budgetperf")
                .at("/spec/kafka/listeners/0")).remove("networkPolicyPeers")))
                .anyMatch(v -> v.contains("listener tls is open to anyone"));
    }

    @Test
    void kafkaMistakesAreCaught() {
        assertThat(violationsAfter(o -> ((ObjectNode) object(o, "KafkaTopic", "budget.events").at("/spec/config"))
                .put("retention.msec", 1))).anyMatch(v -> v.contains("unknown topic configuration retention.msec"));
        assertThat(violationsAfter(o -> ((ObjectNode) object(o, "KafkaTopic", "evaluation.events").get("spec"))
                .put("replicas", 3))).anyMatch(v -> v.contains("exceed the 1 broker(s)"));
        assertThat(violationsAfter(o -> remove(o, "KafkaTopic", "budget.events.dlq")))
                .anyMatch(v -> v.contains("missing topics [budget.events.dlq]"))
                .anyMatch(v -> v.contains("EVALUATION_BUDGET_EVENTS_DEAD_LETTER_TOPIC"));
        assertThat(violationsAfter(o -> remove(o, "KafkaUser", "report-service")))
                .anyMatch(v -> v.contains("no KafkaUser named report-service"));
    }

    @Test
    void databaseWithoutBackupsIsCaught() {
        assertThat(violationsAfter(o -> remove(o, "ScheduledBackup", "evaluation-db-daily")))
                .anyMatch(v -> v.startsWith("Cluster/evaluation-db: no active ScheduledBackup"));
        assertThat(violationsAfter(o -> ((ObjectNode) object(o, "Cluster", "report-db").get("spec")).remove("plugins")))
                .anyMatch(v -> v.startsWith("Cluster/report-db: no WAL archiving"));
    }

    @Test
    void connectionPoolsLargerThanTheDatabaseAllowsAreCaught() {
        assertThat(violationsAfter(o -> ((ObjectNode) object(o, "HorizontalPodAutoscaler", "budget-service")
                .get("spec")).put("maxReplicas", 20))).anyMatch(v -> v.contains("max_connections 200 is too small"));
    }

    @Test
    void placeholderLeftInAnOverlayIsCaught() {
        assertThat(violationsAfter(o -> ((ObjectNode) object(o, "Ingress", "report-service").at("/spec/rules/0"))
                .put("host", "report-api.budgetperf.invalid")))
                .anyMatch(v -> v.contains("placeholder left")).anyMatch(v -> v.contains("not served over TLS"));
    }
}

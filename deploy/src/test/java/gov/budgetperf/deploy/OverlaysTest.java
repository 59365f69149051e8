package gov.budgetperf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.apps.Deployment;

import gov.budgetperf.deploy.StrictModels.K8sObject;

/** Every overlay builds, every object in it matches its schema, and the rules hold. */
class OverlaysTest {

    static final Readme README = Readme.load();

    static List<String> overlays() {
        return Overlay.names();
    }

    @Test
    void thereAreDevAndProdOverlays() {
        assertThat(Overlay.names()).contains("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void buildsWithoutWarnings(String name) {
        Overlay overlay = Overlay.of(name);

        assertThat(overlay.warnings).as("kubectl kustomize warnings for %s", name).isEmpty();
        assertThat(overlay.objects).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void containsEveryKindOfTheSuite(String name) {
        // Overlay.of parses every object strictly: reaching this line means each one matched its schema.
        Set<String> kinds = Overlay.of(name).objects.stream().map(K8sObject::kind)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(kinds).contains("Namespace", "Deployment", "Service", "ConfigMap", "ServiceAccount",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Ingress", "ServiceMonitor",
                "PodMonitor", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "ScheduledBackup",
                "ObjectStore");
        assertThat(Overlay.of(name).all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("budget-service", "evaluation-service", "report-service");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void keepsTheRules(String name) {
        List<String> violations = Rules.check(Overlay.of(name), README.documentedSecrets());

        assertThat(violations).as("rule violations in overlay %s", name).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void documentsEveryVariableEachServiceGets(String name) {
        Overlay overlay = Overlay.of(name);
        for (Deployment deployment : overlay.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            Set<String> variables = new TreeSet<>(overlay.environment(Overlay.mainContainer(deployment)).keySet());

            assertThat(README.documentedVariables(service))
                    .as("variables of %s documented in deploy/README.md, Configuration, ### %s", service, service)
                    .containsAll(variables);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void documentsExactlyTheSecretsNoOperatorCreates(String name) {
        Overlay overlay = Overlay.of(name);
        Rules rules = rulesOf(overlay);
        Map<String, Set<String>> generated = rules.generatedSecrets();
        Set<String> external = rules.secretReferences().stream().map(Rules.SecretRef::secret)
                .filter(s -> !generated.containsKey(s)).collect(Collectors.toCollection(TreeSet::new));

        assertThat(README.documentedSecrets().keySet()).as("deploy/README.md, Secrets").containsExactlyInAnyOrderElementsOf(
                external);
    }

    static Rules rulesOf(Overlay overlay) {
        return new Rules(overlay, README.documentedSecrets());
    }
}

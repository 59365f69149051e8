package gov.budgetperf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** What production needs beyond the common rules: redundancy everywhere, and nothing shared with other overlays. */
class ProdOverlayTest {

    private final Overlay prod = Overlay.of("prod");

    @Test
    void everyServiceRunsAtLeastTwoReplicas() {
        List<HorizontalPodAutoscaler> hpas = prod.all(HorizontalPodAutoscaler.class);

        assertThat(hpas).hasSize(prod.all(Deployment.class).size());
        assertThat(hpas).allSatisfy(hpa -> assertThat(hpa.getSpec().getMinReplicas())
                .as("minReplicas of %s", hpa.getMetadata().getName()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void everyDatabaseHasStandbys() {
        assertThat(prod.ofKind("Cluster")).isNotEmpty().allSatisfy(c -> assertThat(
                c.as(Cnpg.Cluster.class).spec().instances()).as("instances of %s", c.name()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void kafkaHasThreeBrokersAndEveryTopicReplicationThreeMinInSyncTwo() {
        Rules rules = OverlaysTest.rulesOf(prod);
        for (Kafka kafka : prod.all(Kafka.class)) {
            assertThat(rules.brokers(kafka.getMetadata().getName())).isGreaterThanOrEqualTo(3);
            assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("default.replication.factor", 3)
                    .containsEntry("min.insync.replicas", 2).containsEntry("offsets.topic.replication.factor", 3);
        }
        assertThat(prod.all(KafkaTopic.class)).isNotEmpty().allSatisfy(topic -> {
            assertThat(topic.getSpec().getReplicas()).as("replicas of %s", Rules.topicName(topic)).isEqualTo(3);
            assertThat(topic.getSpec().getConfig()).as("config of %s", Rules.topicName(topic))
                    .containsEntry("min.insync.replicas", 2);
        });
    }

    @Test
    void sharesNoHostIssuerNamespaceOrBackupLocationWithAnotherOverlay() {
        for (String other : Overlay.names()) {
            if (other.equals("prod")) {
                continue;
            }
            Overlay overlay = Overlay.of(other);
            assertThat(hosts(prod)).as("hosts of prod and %s", other).doesNotContainAnyElementsOf(hosts(overlay));
            assertThat(issuer(prod)).as("JWT issuer of prod and %s", other).isNotEqualTo(issuer(overlay));
            assertThat(prod.namespace()).isNotEqualTo(overlay.namespace());
            assertThat(backupDestinations(prod)).doesNotContainAnyElementsOf(backupDestinations(overlay));
        }
    }

    @Test
    void runsReleasedImages() {
        assertThat(prod.all(Deployment.class)).allSatisfy(d -> assertThat(Overlay.mainContainer(d).getImage())
                .doesNotContain("SNAPSHOT").doesNotEndWith(":latest").contains(":"));
    }

    private static Set<String> hosts(Overlay overlay) {
        return overlay.all(Ingress.class).stream().flatMap(i -> i.getSpec().getRules().stream())
                .map(r -> r.getHost()).collect(Collectors.toSet());
    }

    private static String issuer(Overlay overlay) {
        return overlay.all(ConfigMap.class).stream().map(cm -> Overlay.nullSafe(cm.getData()).get("MP_JWT_VERIFY_ISSUER"))
                .filter(v -> v != null).findFirst().orElseThrow();
    }

    private static Set<String> backupDestinations(Overlay overlay) {
        return overlay.ofKind("ObjectStore").stream()
                .map(s -> s.as(Cnpg.ObjectStore.class).spec().configuration().destinationPath())
                .collect(Collectors.toSet());
    }
}

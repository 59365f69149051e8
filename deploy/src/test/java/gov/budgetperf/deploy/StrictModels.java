package gov.budgetperf.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Turns manifests into typed objects, strictly: every {@code apiVersion}/{@code kind} must be one the platform uses
 * (anything else is an error, so a typo in either is caught), and every object must parse into its model with no
 * field left over.
 *
 * <p>
 * Models: fabric8's Kubernetes models for the core kinds and for the Prometheus Operator's ServiceMonitor and
 * PodMonitor, Strimzi's own API model for the Kafka kinds, {@link Cnpg} for CloudNativePG and the Barman Cloud
 * plugin. fabric8's and Strimzi's classes keep unknown fields in an "additional properties" map instead of failing;
 * the mapper here switches those any-setters off, so an unknown field fails exactly like in a model without one. It
 * also refuses what the API server refuses: a string where a number is due and the reverse (an unquoted
 * {@code prometheus.io/port: 9081} annotation) and duplicate keys.
 */
final class StrictModels {

    /** The kinds the platform's manifests may contain: {@code apiVersion/kind} to model. */
    static final Map<String, Class<?>> KINDS = Map.ofEntries(Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class), Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class), Map.entry("v1/Secret", Secret.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", Cnpg.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", Cnpg.ScheduledBackup.class),
            Map.entry("barmancloud.cnpg.io/v1/ObjectStore", Cnpg.ObjectStore.class));

    private static final YAMLMapper YAML = new YAMLMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    static final ObjectMapper STRICT = strictMapper();

    private StrictModels() {
    }

    /** A manifest that does not match its schema. */
    static final class InvalidManifestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidManifestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One parsed object: its identity, its JSON tree and its typed model. */
    record K8sObject(String apiVersion, String kind, String name, String namespace, ObjectNode json, Object model) {

        <T> T as(Class<T> type) {
            return type.cast(model);
        }

        String id() {
            return kind + "/" + name;
        }
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder().annotationIntrospector(new JacksonAnnotationIntrospector() {
            private static final long serialVersionUID = 1L;

            @Override
            public Boolean hasAnySetter(Annotated annotated) {
                // fabric8 and Strimzi collect unknown fields through @JsonAnySetter: without it they fail.
                return Boolean.FALSE;
            }
        }).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
        // The API server takes no number for a string field (annotations, labels, ConfigMap data) and no string
        // for a number or a boolean.
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Splits a multi-document YAML stream into JSON trees (empty documents are skipped). */
    static List<ObjectNode> readYaml(String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new InvalidManifestException("a YAML document is not an object: " + node, null);
                }
                documents.add((ObjectNode) node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    /** Parses one object into its model; fails on an unknown kind or any mismatch with the schema. */
    static K8sObject parse(ObjectNode json) {
        String apiVersion = json.path("apiVersion").asText("");
        String kind = json.path("kind").asText("");
        String name = json.path("metadata").path("name").asText("");
        String namespace = json.path("metadata").path("namespace").asText(null);
        String id = apiVersion + "/" + kind + " " + (name.isEmpty() ? "(no metadata.name)" : name);
        if (name.isEmpty()) {
            throw new InvalidManifestException(id + ": metadata.name is missing", null);
        }
        Class<?> type = KINDS.get(apiVersion + "/" + kind);
        if (type == null) {
            throw new InvalidManifestException(id + ": unknown apiVersion/kind (known: " + KINDS.keySet() + ")",
                    null);
        }
        try {
            return new K8sObject(apiVersion, kind, name, namespace, json, STRICT.treeToValue(json, type));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidManifestException(id + ": " + e.getMessage(), e);
        }
    }

    static List<K8sObject> parseAll(String yaml) {
        return readYaml(yaml).stream().map(StrictModels::parse).toList();
    }
}

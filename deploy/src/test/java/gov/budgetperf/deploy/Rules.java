package gov.budgetperf.deploy;

import static gov.budgetperf.deploy.Overlay.mainContainer;
import static gov.budgetperf.deploy.Overlay.nullSafe;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.common.config.TopicConfig;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

import gov.budgetperf.deploy.Overlay.EnvValue;
import gov.budgetperf.deploy.StrictModels.K8sObject;

/**
 * The operational rules every overlay must keep. {@link #check} returns one line per violation (empty when the
 * overlay is sound), each naming the object, so a test shows every problem at once.
 */
final class Rules {

    static final String APP = "app.kubernetes.io/name";
    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

    /** The topics of DESIGN.md section 6 and their dead-letter topics. */
    static final Set<String> REQUIRED_TOPICS = Set.of("budget.events", "evaluation.events", "budget.events.dlq",
            "evaluation.events.dlq", "report.events.dlq");

    /** Namespaces (kubernetes.io/metadata.name) that may reach the services' API and management ports. */
    static final Set<String> INGRESS_CONTROLLER_NAMESPACES = Set.of("ingress-nginx");
    static final Set<String> MONITORING_NAMESPACES = Set.of("monitoring");
    static final Set<String> CNPG_OPERATOR_NAMESPACES = Set.of("cnpg-system");

    /**
     * Containers allowed a writable root filesystem, with the reason. None: Quarkus in JVM mode needs only /tmp,
     * which is an emptyDir.
     */
    static final Map<String, String> WRITABLE_ROOT_EXCEPTIONS = Map.of();

    /** The Kafka topic-level configuration keys (TopicConfig's *_CONFIG constants). */
    static final Set<String> TOPIC_CONFIG_KEYS = topicConfigKeys();

    private static final Pattern URL_HOST = Pattern.compile("^https?://([a-z0-9-]+)(?:[:/].*)?$");
    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([a-z0-9-]+)(?::\\d+)?/([A-Za-z0-9_]+)");

    private final Overlay o;
    private final Map<String, Set<String>> documentedSecrets;
    private final List<String> violations = new ArrayList<>();

    Rules(Overlay overlay, Map<String, Set<String>> documentedSecrets) {
        this.o = overlay;
        this.documentedSecrets = documentedSecrets;
    }

    /** Every violation of the rules in this overlay; documentedSecrets are the Secrets the README says to create. */
    static List<String> check(Overlay overlay, Map<String, Set<String>> documentedSecrets) {
        Rules rules = new Rules(overlay, documentedSecrets);
        rules.objects();
        rules.secrets();
        rules.configMaps();
        overlay.all(Deployment.class).forEach(rules::deployment);
        rules.ingresses();
        rules.networkIsolation();
        rules.kafka();
        rules.postgres();
        return List.copyOf(rules.violations);
    }

    private void fail(String where, String what) {
        violations.add(where + ": " + what);
    }

    // ------------------------------------------------------------------ whole overlay

    private void objects() {
        String namespace = o.namespace();
        K8sObject ns = o.ofKind("Namespace").get(0);
        Map<String, String> nsLabels = labels(ns);
        for (String mode : List.of("enforce", "warn")) {
            if (!nsLabels.containsKey("pod-security.kubernetes.io/" + mode)) {
                fail(ns.id(), "no pod-security.kubernetes.io/" + mode + " label");
            }
        }
        Set<String> seen = new TreeSet<>();
        for (K8sObject object : o.objects) {
            if (!seen.add(object.id())) {
                fail(object.id(), "defined twice");
            }
            if (!object.kind().equals("Namespace") && !namespace.equals(object.namespace())) {
                fail(object.id(), "not in the overlay's namespace " + namespace);
            }
            if (!labels(object).containsKey(PART_OF)) {
                fail(object.id(), "no " + PART_OF + " label");
            }
            // Base placeholders end in .invalid: an overlay must replace every one (hosts, issuer, bucket).
            walkStrings(object.json(), "", (path, value) -> {
                if (value.contains(".invalid")) {
                    fail(object.id(), "placeholder left at " + path + ": " + value);
                }
            });
        }
    }

    private static Map<String, String> labels(K8sObject object) {
        Map<String, String> labels = new HashMap<>();
        object.json().path("metadata").path("labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private interface StringVisitor {
        void visit(String path, String value);
    }

    private static void walkStrings(JsonNode node, String path, StringVisitor visitor) {
        if (node.isTextual()) {
            visitor.visit(path, node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> walkStrings(e.getValue(), path + "/" + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkStrings(node.get(i), path + "/" + i, visitor);
            }
        }
    }

    // ------------------------------------------------------------------ Secrets

    /** A reference to a Secret (key "*" = the whole Secret). */
    record SecretRef(String secret, String key, String where) {
    }

    /** Secrets the operators create for objects of this overlay: name to the keys they hold. */
    Map<String, Set<String>> generatedSecrets() {
        Map<String, Set<String>> generated = new LinkedHashMap<>();
        for (K8sObject cluster : o.ofKind("Cluster")) {
            String c = cluster.name();
            generated.put(c + "-app", Set.of("username", "password", "user", "host", "port", "dbname", "uri",
                    "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri", "pgpass"));
            generated.put(c + "-ca", Set.of("ca.crt", "ca.key"));
            generated.put(c + "-server", Set.of("tls.crt", "tls.key"));
            generated.put(c + "-replication", Set.of("tls.crt", "tls.key"));
            if (Boolean.TRUE.equals(cluster.as(Cnpg.Cluster.class).spec().enableSuperuserAccess())) {
                generated.put(c + "-superuser", Set.of("username", "password", "pgpass", "uri", "jdbc-uri"));
            }
        }
        for (Kafka kafka : o.all(Kafka.class)) {
            String k = kafka.getMetadata().getName();
            generated.put(k + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
            generated.put(k + "-clients-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        for (KafkaUser user : o.all(KafkaUser.class)) {
            if (user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication) {
                generated.put(user.getMetadata().getName(), Set.of("password", "sasl.jaas.config"));
            }
        }
        for (Ingress ingress : o.all(Ingress.class)) {
            Map<String, String> annotations = nullSafe(ingress.getMetadata().getAnnotations());
            if (annotations.containsKey("cert-manager.io/cluster-issuer")
                    || annotations.containsKey("cert-manager.io/issuer")) {
                nullSafe(ingress.getSpec().getTls())
                        .forEach(tls -> generated.put(tls.getSecretName(), Set.of("tls.crt", "tls.key", "ca.crt")));
            }
        }
        return generated;
    }

    /** Every Secret reference of the overlay's objects. */
    List<SecretRef> secretReferences() {
        List<SecretRef> refs = new ArrayList<>();
        for (Deployment d : o.all(Deployment.class)) {
            String where = "Deployment/" + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : containers(pod)) {
                nullSafe(c.getEnv()).stream().filter(e -> e.getValueFrom() != null
                        && e.getValueFrom().getSecretKeyRef() != null).forEach(e -> refs.add(
                                new SecretRef(
                                        e.getValueFrom().getSecretKeyRef().getName(), e.getValueFrom().getSecretKeyRef()
                                                .getKey(),
                                        where + " env " + e.getName())));
                nullSafe(c.getEnvFrom()).stream().filter(e -> e.getSecretRef() != null)
                        .forEach(e -> refs.add(new SecretRef(e.getSecretRef().getName(), "*", where + " envFrom")));
            }
            for (Volume v : nullSafe(pod.getVolumes())) {
                if (v.getSecret() != null) {
                    var items = nullSafe(v.getSecret().getItems());
                    if (items.isEmpty()) {
                        refs.add(new SecretRef(v.getSecret().getSecretName(), "*", where + " volume " + v.getName()));
                    }
                    items.forEach(i -> refs.add(new SecretRef(v.getSecret().getSecretName(), i.getKey(),
                            where + " volume " + v.getName())));
                }
                if (v.getProjected() != null) {
                    nullSafe(v.getProjected().getSources()).stream().filter(s -> s.getSecret() != null)
                            .forEach(s -> refs.add(new SecretRef(s.getSecret().getName(), "*",
                                    where + " volume " + v.getName())));
                }
            }
            nullSafe(pod.getImagePullSecrets()).forEach(
                    s -> refs.add(new SecretRef(s.getName(), ".dockerconfigjson", where + " imagePullSecrets")));
        }
        for (Ingress ingress : o.all(Ingress.class)) {
            nullSafe(ingress.getSpec().getTls()).forEach(tls -> refs
                    .add(new SecretRef(tls.getSecretName(), "*", "Ingress/" + ingress.getMetadata().getName())));
        }
        for (K8sObject store : o.ofKind("ObjectStore")) {
            var config = store.as(Cnpg.ObjectStore.class).spec().configuration();
            List<Cnpg.SecretKeySelector> selectors = new ArrayList<>();
            selectors.add(config.endpointCA());
            if (config.s3Credentials() != null) {
                var s3 = config.s3Credentials();
                selectors.addAll(List.of(Optional.ofNullable(s3.accessKeyId()), Optional.ofNullable(s3
                        .secretAccessKey()), Optional.ofNullable(s3.region()), Optional.ofNullable(s3.sessionToken()))
                        .stream().flatMap(Optional::stream).toList());
            }
            if (config.googleCredentials() != null) {
                selectors.add(config.googleCredentials().applicationCredentials());
            }
            if (config.azureCredentials() != null) {
                var az = config.azureCredentials();
                selectors.addAll(Stream.of(az.connectionString(), az.storageAccount(), az.storageKey(),
                        az.storageSasToken()).toList());
            }
            selectors.stream().filter(Objects::nonNull)
                    .forEach(s -> refs.add(new SecretRef(s.name(), s.key(), store.id())));
        }
        for (K8sObject cluster : o.ofKind("Cluster")) {
            var spec = cluster.as(Cnpg.Cluster.class).spec();
            if (spec.superuserSecret() != null) {
                refs.add(new SecretRef(spec.superuserSecret().name(), "*", cluster.id()));
            }
            if (spec.bootstrap() != null && spec.bootstrap().initdb() != null
                    && spec.bootstrap().initdb().secret() != null) {
                refs.add(new SecretRef(spec.bootstrap().initdb().secret().name(), "*", cluster.id()));
            }
        }
        return refs;
    }

    private void secrets() {
        for (Secret secret : o.all(Secret.class)) {
            if (!nullSafe(secret.getData()).isEmpty() || !nullSafe(secret.getStringData()).isEmpty()) {
                fail("Secret/" + secret.getMetadata().getName(),
                        "committed with data: secrets are created by operators or by hand (deploy/README.md)");
            }
        }
        Map<String, Set<String>> generated = generatedSecrets();
        for (SecretRef ref : secretReferences()) {
            Set<String> keys = generated.containsKey(ref.secret())
                    ? generated.get(ref.secret())
                    : documentedSecrets.get(ref.secret());
            if (keys == null) {
                fail(ref.where(), "Secret " + ref.secret() + " is neither created by an operator for an object of "
                        + "this overlay nor listed in deploy/README.md's Secrets table");
            } else if (!ref.key().equals("*") && !keys.contains(ref.key())) {
                fail(ref.where(), "Secret " + ref.secret() + " has no key " + ref.key() + " (it holds " + keys + ")");
            }
        }
    }

    // ------------------------------------------------------------------ ConfigMaps

    private void configMaps() {
        for (Deployment d : o.all(Deployment.class)) {
            String where = "Deployment/" + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : containers(pod)) {
                for (var from : nullSafe(c.getEnvFrom())) {
                    if (from.getConfigMapRef() != null && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                        configMapKey(where + " envFrom", from.getConfigMapRef().getName(), null);
                    }
                }
                for (var env : nullSafe(c.getEnv())) {
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = env.getValueFrom().getConfigMapKeyRef();
                        configMapKey(where + " env " + env.getName(), ref.getName(), ref.getKey());
                    }
                }
            }
            for (Volume v : nullSafe(pod.getVolumes())) {
                if (v.getConfigMap() != null) {
                    configMapKey(where + " volume " + v.getName(), v.getConfigMap().getName(), null);
                    nullSafe(v.getConfigMap().getItems())
                            .forEach(i -> configMapKey(where + " volume " + v.getName(), v.getConfigMap().getName(),
                                    i.getKey()));
                }
            }
        }
    }

    private void configMapKey(String where, String name, String key) {
        Optional<ConfigMap> map = o.find(ConfigMap.class, name);
        if (map.isEmpty()) {
            fail(where, "ConfigMap " + name + " is not in the overlay");
        } else if (key != null && !nullSafe(map.get().getData()).containsKey(key)) {
            fail(where, "ConfigMap " + name + " has no key " + key);
        }
    }

    // ------------------------------------------------------------------ Deployments and their companions

    private static List<Container> containers(PodSpec pod) {
        return Stream.concat(nullSafe(pod.getInitContainers()).stream(), nullSafe(pod.getContainers()).stream())
                .toList();
    }

    private void deployment(Deployment d) {
        String name = d.getMetadata().getName();
        String where = "Deployment/" + name;
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = nullSafe(d.getSpec().getTemplate().getMetadata().getLabels());

        if (d.getSpec().getReplicas() != null) {
            fail(where, "sets spec.replicas; the HorizontalPodAutoscaler owns the replica count");
        }
        if (!matches(d.getSpec().getSelector(), podLabels)) {
            fail(where, "selector does not match the pod template's labels");
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            fail(where, "automountServiceAccountToken is not false (the services never call the Kubernetes API)");
        }
        if (!Boolean.FALSE.equals(pod.getEnableServiceLinks())) {
            fail(where, "enableServiceLinks is not false (service link variables would reach Quarkus and Kafka)");
        }
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            fail(where, "uses the host's network, PID or IPC namespace");
        }
        if (pod.getServiceAccountName() == null || o.find(ServiceAccount.class, pod.getServiceAccountName()).isEmpty()) {
            fail(where, "runs as a ServiceAccount that is not in the overlay: " + pod.getServiceAccountName());
        }
        Map<String, Volume> volumes = nullSafe(pod.getVolumes()).stream()
                .collect(Collectors.toMap(Volume::getName, Function.identity()));
        volumes.values().stream().filter(v -> v.getHostPath() != null)
                .forEach(v -> fail(where, "mounts a hostPath volume " + v.getName()));
        for (Container c : containers(pod)) {
            container(where + " container " + c.getName(), c, pod.getSecurityContext(), volumes);
        }

        Container main;
        try {
            main = mainContainer(d);
        } catch (IllegalStateException e) {
            fail(where, e.getMessage());
            return;
        }
        Optional<ContainerPort> http = port(main, "http");
        Optional<ContainerPort> management = port(main, "management");
        if (http.isEmpty() || management.isEmpty()) {
            fail(where, "container " + main.getName() + " needs ports named http and management");
            return;
        }
        probes(where + " container " + main.getName(), main, management.get());

        // Service
        List<Service> services = servicesOf(podLabels);
        if (services.isEmpty()) {
            fail(where, "no Service selects its pods");
        }
        for (Service service : services) {
            for (String portName : List.of("http", "management")) {
                Optional<ServicePort> sp = nullSafe(service.getSpec().getPorts()).stream()
                        .filter(p -> portName.equals(p.getName())).findFirst();
                if (sp.isEmpty() || !targets(sp.get().getTargetPort(), main)) {
                    fail("Service/" + service.getMetadata().getName(),
                            "no port " + portName + " targeting a port of " + name);
                }
            }
        }
        // HorizontalPodAutoscaler
        List<HorizontalPodAutoscaler> hpas = o.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && name.equals(h.getSpec().getScaleTargetRef().getName()))
                .toList();
        if (hpas.size() != 1) {
            fail(where, "expected one HorizontalPodAutoscaler, found " + hpas.size());
        }
        for (HorizontalPodAutoscaler hpa : hpas) {
            Integer min = hpa.getSpec().getMinReplicas();
            if (min == null || min < 1 || hpa.getSpec().getMaxReplicas() < min) {
                fail("HorizontalPodAutoscaler/" + hpa.getMetadata().getName(), "needs 1 <= minReplicas <= maxReplicas");
            }
            if (nullSafe(hpa.getSpec().getMetrics()).isEmpty()) {
                fail("HorizontalPodAutoscaler/" + hpa.getMetadata().getName(), "has no metric");
            }
        }
        // PodDisruptionBudget
        List<PodDisruptionBudget> pdbs = o.all(PodDisruptionBudget.class).stream()
                .filter(p -> matches(p.getSpec().getSelector(), podLabels)).toList();
        if (pdbs.size() != 1) {
            fail(where, "expected one PodDisruptionBudget selecting its pods, found " + pdbs.size());
        }
        for (PodDisruptionBudget pdb : pdbs) {
            IntOrString minAvailable = pdb.getSpec().getMinAvailable();
            int minReplicas = hpas.isEmpty() ? 1 : Objects.requireNonNullElse(hpas.get(0).getSpec().getMinReplicas(), 1);
            if (minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() >= minReplicas) {
                fail("PodDisruptionBudget/" + pdb.getMetadata().getName(),
                        "minAvailable " + minAvailable.getIntVal() + " would block every node drain at "
                                + minReplicas + " replica(s)");
            }
            if (minAvailable == null && pdb.getSpec().getMaxUnavailable() == null) {
                fail("PodDisruptionBudget/" + pdb.getMetadata().getName(), "sets neither minAvailable nor maxUnavailable");
            }
        }
        // NetworkPolicy: both directions
        List<NetworkPolicy> policies = policiesSelecting(podLabels);
        for (String type : List.of("Ingress", "Egress")) {
            if (policies.stream().noneMatch(p -> nullSafe(p.getSpec().getPolicyTypes()).contains(type))) {
                fail(where, "no NetworkPolicy restricts its " + type.toLowerCase());
            }
        }
        // Metrics: a ServiceMonitor on the management port, and the scrape annotations for annotation-based set-ups
        boolean monitored = o.all(ServiceMonitor.class).stream().anyMatch(sm -> services.stream()
                .anyMatch(s -> matches(sm.getSpec().getSelector(), nullSafe(s.getMetadata().getLabels())))
                && nullSafe(sm.getSpec().getEndpoints()).stream()
                        .anyMatch(e -> "management".equals(e.getPort()) && "/q/metrics".equals(e.getPath())));
        if (!monitored) {
            fail(where, "no ServiceMonitor scrapes /q/metrics on its Service's management port");
        }
        Map<String, String> annotations = nullSafe(d.getSpec().getTemplate().getMetadata().getAnnotations());
        if (!"true".equals(annotations.get("prometheus.io/scrape"))
                || !String.valueOf(management.get().getContainerPort()).equals(annotations.get("prometheus.io/port"))
                || !"/q/metrics".equals(annotations.get("prometheus.io/path"))) {
            fail(where, "pod annotations prometheus.io/scrape, port and path do not point at the management port");
        }
    }

    private void container(String where, Container c, PodSecurityContext pod, Map<String, Volume> volumes) {
        String image = Objects.requireNonNullElse(c.getImage(), "");
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        if (!(lastSegment.contains(":") || image.contains("@sha256:")) || image.endsWith(":latest")) {
            fail(where, "image " + image + " has no fixed tag or digest");
        }
        resources(where, c.getResources());

        SecurityContext sc = Objects.requireNonNullElseGet(c.getSecurityContext(), SecurityContext::new);
        PodSecurityContext psc = Objects.requireNonNullElseGet(pod, PodSecurityContext::new);
        if (!Boolean.TRUE.equals(first(sc.getRunAsNonRoot(), psc.getRunAsNonRoot()))) {
            fail(where, "runAsNonRoot is not true");
        }
        Long uid = first(sc.getRunAsUser(), psc.getRunAsUser());
        if (uid == null || uid == 0) {
            fail(where, "runAsUser is not a non-zero UID");
        }
        if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            fail(where, "allowPrivilegeEscalation is not false");
        }
        if (Boolean.TRUE.equals(sc.getPrivileged())) {
            fail(where, "is privileged");
        }
        if (sc.getCapabilities() == null || !nullSafe(sc.getCapabilities().getDrop()).contains("ALL")
                || !nullSafe(sc.getCapabilities().getAdd()).isEmpty()) {
            fail(where, "does not drop ALL capabilities (or adds some)");
        }
        SeccompProfile seccomp = first(sc.getSeccompProfile(), psc.getSeccompProfile());
        if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
            fail(where, "has no RuntimeDefault seccomp profile");
        }
        boolean readOnlyRoot = Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem());
        if (!readOnlyRoot && !WRITABLE_ROOT_EXCEPTIONS.containsKey(c.getName())) {
            fail(where, "readOnlyRootFilesystem is not true (and it is not a documented exception)");
        }
        Set<String> envNames = new TreeSet<>();
        nullSafe(c.getEnv()).forEach(e -> {
            if (!envNames.add(e.getName())) {
                fail(where, "sets " + e.getName() + " twice");
            }
        });
        for (VolumeMount mount : nullSafe(c.getVolumeMounts())) {
            if (!volumes.containsKey(mount.getName())) {
                fail(where, "mounts an undeclared volume " + mount.getName());
            }
        }
        if (readOnlyRoot) {
            boolean tmp = nullSafe(c.getVolumeMounts()).stream()
                    .anyMatch(m -> "/tmp".equals(m.getMountPath()) && volumes.containsKey(m.getName())
                            && volumes.get(m.getName()).getEmptyDir() != null);
            if (!tmp) {
                fail(where, "read-only root filesystem but no emptyDir at /tmp (the JVM and Vert.x write there)");
            }
        }
    }

    private void resources(String where, ResourceRequirements resources) {
        if (resources == null) {
            fail(where, "no resources");
            return;
        }
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = nullSafe(resources.getRequests()).get(resource);
            Quantity limit = nullSafe(resources.getLimits()).get(resource);
            if (request == null || limit == null) {
                fail(where, "no " + resource + " request and limit");
                continue;
            }
            try {
                BigDecimal r = Quantity.getAmountInBytes(request);
                BigDecimal l = Quantity.getAmountInBytes(limit);
                if (r.compareTo(l) > 0) {
                    fail(where, resource + " request " + request + " exceeds its limit " + limit);
                }
            } catch (IllegalArgumentException e) {
                fail(where, resource + " quantity is not valid: " + e.getMessage());
            }
        }
    }

    private void probes(String where, Container c, ContainerPort management) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("/q/health/started", c.getStartupProbe());
        probes.put("/q/health/live", c.getLivenessProbe());
        probes.put("/q/health/ready", c.getReadinessProbe());
        String[] names = {"startupProbe", "livenessProbe", "readinessProbe"};
        int i = 0;
        for (var entry : probes.entrySet()) {
            String probeName = names[i++];
            Probe probe = entry.getValue();
            if (probe == null) {
                fail(where, "no " + probeName);
                continue;
            }
            if (probe.getHttpGet() == null || !entry.getKey().equals(probe.getHttpGet().getPath())
                    || !targets(probe.getHttpGet().getPort(), management)) {
                fail(where, probeName + " is not an HTTP GET of " + entry.getKey() + " on the management port");
            }
        }
    }

    private static Optional<ContainerPort> port(Container c, String name) {
        return nullSafe(c.getPorts()).stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    private static boolean targets(IntOrString target, ContainerPort port) {
        if (target == null) {
            return false;
        }
        return target.getIntVal() != null
                ? target.getIntVal().equals(port.getContainerPort())
                : target.getStrVal().equals(port.getName());
    }

    private static boolean targets(IntOrString target, Container c) {
        return nullSafe(c.getPorts()).stream().anyMatch(p -> targets(target, p));
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        return Stream.of(values).filter(Objects::nonNull).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ selectors

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        for (var e : nullSafe(selector.getMatchLabels()).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (LabelSelectorRequirement r : nullSafe(selector.getMatchExpressions())) {
            String value = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> value != null && r.getValues().contains(value);
                case "NotIn" -> value == null || !r.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    List<Service> servicesOf(Map<String, String> podLabels) {
        return o.all(Service.class).stream().filter(s -> matches(s.getSpec().getSelector(), podLabels)).toList();
    }

    List<NetworkPolicy> policiesSelecting(Map<String, String> podLabels) {
        return o.all(NetworkPolicy.class).stream().filter(p -> {
            LabelSelector selector = p.getSpec().getPodSelector();
            return selector != null && matches(selector, podLabels);
        }).toList();
    }

    // ------------------------------------------------------------------ Ingress

    private void ingresses() {
        for (Deployment d : o.all(Deployment.class)) {
            Map<String, String> podLabels = nullSafe(d.getSpec().getTemplate().getMetadata().getLabels());
            Set<String> services = servicesOf(podLabels).stream().map(s -> s.getMetadata().getName())
                    .collect(Collectors.toSet());
            boolean routed = o.all(Ingress.class).stream().flatMap(i -> backends(i).stream())
                    .anyMatch(b -> services.contains(b.getService().getName()));
            if (!routed) {
                fail("Deployment/" + d.getMetadata().getName(), "no Ingress routes to its API");
            }
        }
        for (Ingress ingress : o.all(Ingress.class)) {
            String where = "Ingress/" + ingress.getMetadata().getName();
            if (ingress.getSpec().getIngressClassName() == null) {
                fail(where, "no ingressClassName");
            }
            Set<String> tlsHosts = nullSafe(ingress.getSpec().getTls()).stream()
                    .flatMap(t -> nullSafe(t.getHosts()).stream()).collect(Collectors.toSet());
            for (var rule : nullSafe(ingress.getSpec().getRules())) {
                if (rule.getHost() == null || !tlsHosts.contains(rule.getHost())) {
                    fail(where, "host " + rule.getHost() + " is not served over TLS");
                }
            }
            for (IngressBackend backend : backends(ingress)) {
                var ref = backend.getService();
                Optional<Service> service = o.find(Service.class, ref.getName());
                boolean portOk = service.isPresent() && nullSafe(service.get().getSpec().getPorts()).stream()
                        .anyMatch(p -> ref.getPort() != null && (Objects.equals(ref.getPort().getName(), p.getName())
                                && p.getName() != null || Objects.equals(ref.getPort().getNumber(), p.getPort())));
                if (!portOk) {
                    fail(where, "backend " + ref.getName() + " is not a Service port of the overlay");
                }
                if (ref.getPort() != null && "management".equals(ref.getPort().getName())) {
                    fail(where, "exposes the management port (health and metrics are internal)");
                }
            }
        }
    }

    private static List<IngressBackend> backends(Ingress ingress) {
        List<IngressBackend> backends = new ArrayList<>();
        if (ingress.getSpec().getDefaultBackend() != null) {
            backends.add(ingress.getSpec().getDefaultBackend());
        }
        nullSafe(ingress.getSpec().getRules()).stream().filter(r -> r.getHttp() != null)
                .flatMap(r -> nullSafe(r.getHttp().getPaths()).stream()).forEach(p -> backends.add(p.getBackend()));
        return backends.stream().filter(b -> b.getService() != null).toList();
    }

    // ------------------------------------------------------------------ who may talk to whom

    /**
     * The peers the overlay's policies let reach pods with these labels on this port, each written as
     * {@code pod:k=v,...} (same namespace), {@code namespace:NAME} or {@code namespace:NAME/pod:k=v,...}, or
     * {@code anyone} for a rule without a source or with an ipBlock or an empty namespace selector.
     */
    Set<String> ingressPeers(Map<String, String> podLabels, int port, String portName) {
        Set<String> peers = new TreeSet<>();
        for (NetworkPolicy policy : policiesSelecting(podLabels)) {
            List<String> types = nullSafe(policy.getSpec().getPolicyTypes());
            if (!types.isEmpty() && !types.contains("Ingress")) {
                continue;
            }
            for (var rule : nullSafe(policy.getSpec().getIngress())) {
                if (!coversPort(rule.getPorts(), port, portName)) {
                    continue;
                }
                if (nullSafe(rule.getFrom()).isEmpty()) {
                    peers.add("anyone");
                }
                nullSafe(rule.getFrom()).forEach(peer -> peers.add(describe(peer)));
            }
        }
        return peers;
    }

    /** The peers (as in {@link #ingressPeers}) pods with these labels may open connections to on this port. */
    Set<String> egressPeers(Map<String, String> podLabels, int port) {
        Set<String> peers = new TreeSet<>();
        for (NetworkPolicy policy : policiesSelecting(podLabels)) {
            if (!nullSafe(policy.getSpec().getPolicyTypes()).contains("Egress")) {
                continue;
            }
            for (var rule : nullSafe(policy.getSpec().getEgress())) {
                if (!coversPort(rule.getPorts(), port, null)) {
                    continue;
                }
                if (nullSafe(rule.getTo()).isEmpty()) {
                    peers.add("anyone");
                }
                nullSafe(rule.getTo()).forEach(peer -> peers.add(describe(peer)));
            }
        }
        return peers;
    }

    private static boolean coversPort(List<NetworkPolicyPort> ports, int port, String portName) {
        if (nullSafe(ports).isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            if (value.getStrVal() != null) {
                return value.getStrVal().equals(portName);
            }
            int from = value.getIntVal();
            int to = p.getEndPort() == null ? from : p.getEndPort();
            return port >= from && port <= to;
        });
    }

    private static String describe(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "anyone";
        }
        String pods = peer.getPodSelector() == null ? null : "pod:" + selectorText(peer.getPodSelector());
        if (peer.getNamespaceSelector() == null) {
            return pods;
        }
        String ns = nullSafe(peer.getNamespaceSelector().getMatchLabels()).get("kubernetes.io/metadata.name");
        if (ns == null) {
            return "anyone";
        }
        return "namespace:" + ns + (pods == null ? "" : "/" + pods);
    }

    private static String selectorText(LabelSelector selector) {
        if (nullSafe(selector.getMatchLabels()).isEmpty() && nullSafe(selector.getMatchExpressions()).isEmpty()) {
            return "*";
        }
        return new TreeMap<>(nullSafe(selector.getMatchLabels())).entrySet().stream().map(Object::toString)
                .collect(Collectors.joining(",")) + (nullSafe(selector.getMatchExpressions()).isEmpty() ? "" : ",+expressions");
    }

    /** Deployment name of each app that calls another over HTTP (env values http://SERVICE...). */
    Map<String, Set<String>> callers() {
        Map<String, Set<String>> callers = new HashMap<>();
        for (Deployment caller : o.all(Deployment.class)) {
            for (EnvValue value : o.environment(mainContainer(caller)).values()) {
                Matcher m = URL_HOST.matcher(Objects.requireNonNullElse(value.value(), ""));
                if (!m.matches()) {
                    continue;
                }
                o.find(Service.class, m.group(1)).ifPresent(service -> o.all(Deployment.class).stream()
                        .filter(callee -> matches(service.getSpec().getSelector(),
                                nullSafe(callee.getSpec().getTemplate().getMetadata().getLabels())))
                        .forEach(callee -> callers.computeIfAbsent(callee.getMetadata().getName(), k -> new TreeSet<>())
                                .add(caller.getMetadata().getName())));
            }
        }
        return callers;
    }

    private static Set<String> apps(Set<String> peers) {
        String prefix = "pod:" + APP + "=";
        return peers.stream().filter(p -> p.startsWith(prefix) && !p.contains(","))
                .map(p -> p.substring(prefix.length())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> namespaces(Set<String> peers) {
        return peers.stream().filter(p -> p.startsWith("namespace:")).map(p -> p.substring("namespace:".length())
                .replaceAll("/.*", "")).collect(Collectors.toCollection(TreeSet::new));
    }

    private void networkIsolation() {
        boolean defaultDeny = o.all(NetworkPolicy.class).stream()
                .anyMatch(p -> p.getSpec().getPodSelector() != null
                        && nullSafe(p.getSpec().getPodSelector().getMatchLabels()).isEmpty()
                        && nullSafe(p.getSpec().getPodSelector().getMatchExpressions()).isEmpty()
                        && nullSafe(p.getSpec().getPolicyTypes()).contains("Ingress")
                        && nullSafe(p.getSpec().getIngress()).isEmpty());
        if (!defaultDeny) {
            fail("namespace " + o.namespace(), "no default-deny ingress NetworkPolicy (podSelector {} with no rules)");
        }
        Map<String, Set<String>> callers = callers();
        for (Deployment d : o.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Map<String, String> podLabels = nullSafe(d.getSpec().getTemplate().getMetadata().getLabels());
            Container main = mainContainer(d);
            Optional<ContainerPort> http = port(main, "http");
            Optional<ContainerPort> management = port(main, "management");
            if (http.isEmpty() || management.isEmpty()) {
                continue;
            }
            Set<String> apiPeers = ingressPeers(podLabels, http.get().getContainerPort(), "http");
            Set<String> expectedCallers = callers.getOrDefault(name, Set.of());
            boolean onlyExpected = apiPeers.stream().allMatch(p -> INGRESS_CONTROLLER_NAMESPACES.stream()
                    .anyMatch(ns -> p.equals("namespace:" + ns) || p.startsWith("namespace:" + ns + "/"))
                    || expectedCallers.stream().anyMatch(caller -> p.equals("pod:" + APP + "=" + caller)));
            if (!onlyExpected || !apps(apiPeers).equals(expectedCallers)) {
                fail("Deployment/" + name, "its API is open to " + apiPeers + "; expected only the ingress controller "
                        + "and the services that call it " + expectedCallers);
            }
            boolean routed = o.all(Ingress.class).stream().flatMap(i -> backends(i).stream())
                    .anyMatch(b -> servicesOf(podLabels).stream()
                            .anyMatch(s -> s.getMetadata().getName().equals(b.getService().getName())));
            if (routed && namespaces(apiPeers).stream().noneMatch(INGRESS_CONTROLLER_NAMESPACES::contains)) {
                fail("Deployment/" + name, "an Ingress routes to its API but the ingress controller may not reach it");
            }
            Set<String> metricsPeers = ingressPeers(podLabels, management.get().getContainerPort(), "management");
            if (namespaces(metricsPeers).stream().noneMatch(MONITORING_NAMESPACES::contains)) {
                fail("Deployment/" + name, "Prometheus (namespace " + MONITORING_NAMESPACES + ") may not scrape it");
            }
            if (!metricsPeers.stream().allMatch(p -> MONITORING_NAMESPACES.stream()
                    .anyMatch(ns -> p.equals("namespace:" + ns) || p.startsWith("namespace:" + ns + "/")))) {
                fail("Deployment/" + name, "its management port is open to " + metricsPeers
                        + "; expected only the monitoring namespace");
            }
            // Egress: what it uses (DNS, its peers; database and Kafka are checked with them), and nothing else.
            if (!egressPeers(podLabels, 53).contains("namespace:kube-system/pod:k8s-app=kube-dns")) {
                fail("Deployment/" + name, "may not reach the cluster DNS");
            }
            if (!egressPeers(podLabels, 443).isEmpty()) {
                fail("Deployment/" + name, "may open connections to " + egressPeers(podLabels, 443)
                        + " on an arbitrary port (443)");
            }
            for (Deployment callee : o.all(Deployment.class)) {
                if (callers.getOrDefault(callee.getMetadata().getName(), Set.of()).contains(name)) {
                    int port = port(mainContainer(callee), "http").map(ContainerPort::getContainerPort).orElse(-1);
                    if (!apps(egressPeers(podLabels, port)).contains(callee.getMetadata().getName())) {
                        fail("Deployment/" + name, "calls " + callee.getMetadata().getName()
                                + " but its egress policy does not allow port " + port);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ Kafka

    /** Deployments whose KAFKA_BOOTSTRAP_SERVERS point at this Kafka cluster. */
    List<Deployment> kafkaClients(String kafka) {
        return o.all(Deployment.class).stream().filter(d -> {
            EnvValue bootstrap = o.environment(mainContainer(d)).get("KAFKA_BOOTSTRAP_SERVERS");
            return bootstrap != null && bootstrap.value() != null
                    && bootstrap.value().startsWith(kafka + "-kafka-bootstrap:");
        }).toList();
    }

    int brokers(String kafka) {
        return o.all(KafkaNodePool.class).stream()
                .filter(p -> kafka.equals(nullSafe(p.getMetadata().getLabels()).get("strimzi.io/cluster")))
                .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
    }

    private void kafka() {
        Set<String> topics = o.all(KafkaTopic.class).stream().map(t -> topicName(t)).collect(Collectors.toSet());
        if (!topics.containsAll(REQUIRED_TOPICS)) {
            fail("overlay " + o.name, "missing topics " + REQUIRED_TOPICS.stream().filter(t -> !topics.contains(t))
                    .sorted().toList());
        }
        Set<String> kafkas = o.all(Kafka.class).stream().map(k -> k.getMetadata().getName()).collect(Collectors.toSet());
        for (Kafka kafka : o.all(Kafka.class)) {
            String k = kafka.getMetadata().getName();
            String where = "Kafka/" + k;
            int brokers = brokers(k);
            if (brokers < 1) {
                fail(where, "no KafkaNodePool with the broker role");
            }
            if (kafka.getSpec().getKafka().getAuthorization() == null) {
                fail(where, "no authorization: any authenticated client could read and write every topic");
            }
            Map<String, Object> config = nullSafe(kafka.getSpec().getKafka().getConfig());
            int defaultRf = intOf(config.get("default.replication.factor"), 1);
            for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                    "transaction.state.log.replication.factor")) {
                if (intOf(config.get(key), 3) > brokers) {
                    fail(where, key + " exceeds the " + brokers + " broker(s)");
                }
            }
            if (intOf(config.get("min.insync.replicas"), 1) > defaultRf
                    || intOf(config.get("transaction.state.log.min.isr"), 2) > intOf(
                            config.get("transaction.state.log.replication.factor"), 3)) {
                fail(where, "a min.insync.replicas exceeds its replication factor");
            }
            Set<String> clients = kafkaClients(k).stream().map(d -> d.getMetadata().getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
                if (!listener.isTls() || listener.getAuth() == null) {
                    fail(where, "listener " + listener.getName() + " is not TLS with authentication");
                }
                Set<String> peers = nullSafe(listener.getNetworkPolicyPeers()).stream().map(Rules::describe)
                        .collect(Collectors.toCollection(TreeSet::new));
                if (peers.isEmpty() || peers.contains("anyone") || !apps(peers).equals(clients)
                        || peers.size() != clients.size()) {
                    fail(where, "listener " + listener.getName() + " is open to " + (peers.isEmpty() ? "anyone" : peers)
                            + "; expected exactly its clients " + clients);
                }
            }
            for (Deployment client : kafkaClients(k)) {
                kafkaClient(client, k);
            }
        }
        for (KafkaTopic topic : o.all(KafkaTopic.class)) {
            String where = "KafkaTopic/" + topic.getMetadata().getName();
            String cluster = nullSafe(topic.getMetadata().getLabels()).get("strimzi.io/cluster");
            if (!kafkas.contains(cluster)) {
                fail(where, "strimzi.io/cluster label does not name a Kafka of the overlay: " + cluster);
                continue;
            }
            Integer replicas = topic.getSpec().getReplicas();
            Integer partitions = topic.getSpec().getPartitions();
            Map<String, Object> config = nullSafe(topic.getSpec().getConfig());
            int minIsr = intOf(config.get("min.insync.replicas"), 1);
            if (replicas == null || partitions == null) {
                fail(where, "partitions and replicas must be explicit");
            } else if (replicas > brokers(cluster)) {
                fail(where, "replicas " + replicas + " exceed the " + brokers(cluster) + " broker(s)");
            } else if (minIsr > replicas || (replicas > 1 && minIsr >= replicas)) {
                fail(where, "min.insync.replicas " + minIsr + " must be below replicas " + replicas
                        + " (so one broker can be down)");
            }
            for (String key : config.keySet()) {
                if (!TOPIC_CONFIG_KEYS.contains(key)) {
                    fail(where, "unknown topic configuration " + key);
                }
            }
        }
        for (KafkaUser user : o.all(KafkaUser.class)) {
            if (user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple) {
                for (AclRule rule : nullSafe(simple.getAcls())) {
                    if (rule.getResource() instanceof AclRuleTopicResource t
                            && (t.getPatternType() == null || "literal".equals(t.getPatternType().toValue()))
                            && !topics.contains(t.getName())) {
                        fail("KafkaUser/" + user.getMetadata().getName(), "ACL on a topic that does not exist: "
                                + t.getName());
                    }
                }
            }
        }
    }

    private void kafkaClient(Deployment client, String kafka) {
        String name = client.getMetadata().getName();
        String where = "Deployment/" + name;
        Map<String, EnvValue> env = o.environment(mainContainer(client));
        EnvValue jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
        Optional<KafkaUser> user = o.find(KafkaUser.class, name);
        if (user.isEmpty() || !kafka.equals(nullSafe(user.get().getMetadata().getLabels()).get("strimzi.io/cluster"))) {
            fail(where, "uses Kafka " + kafka + " but has no KafkaUser named " + name);
            return;
        }
        if (jaas == null || !name.equals(jaas.secret()) || !"sasl.jaas.config".equals(jaas.key())) {
            fail(where, "KAFKA_SASL_JAAS_CONFIG does not come from its KafkaUser's Secret " + name);
        }
        if (!egressPeers(nullSafe(client.getSpec().getTemplate().getMetadata().getLabels()),
                listenerPort(kafka)).stream().anyMatch(p -> p.contains("strimzi.io/cluster=" + kafka))) {
            fail(where, "its egress policy does not allow the Kafka listener");
        }
        Set<String> aclTopics = user.get().getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple
                ? nullSafe(simple.getAcls()).stream().filter(r -> r.getResource() instanceof AclRuleTopicResource)
                        .map(r -> ((AclRuleTopicResource) r.getResource()).getName()).collect(Collectors.toSet())
                : Set.of();
        env.forEach((var, value) -> {
            if (var.endsWith("_TOPIC") && value.value() != null) {
                if (o.all(KafkaTopic.class).stream().noneMatch(t -> topicName(t).equals(value.value()))) {
                    fail(where, var + " names a topic that is not in the overlay: " + value.value());
                } else if (!aclTopics.contains(value.value())) {
                    fail(where, var + " names " + value.value() + ", on which KafkaUser " + name + " has no ACL");
                }
            }
        });
    }

    private int listenerPort(String kafka) {
        return o.find(Kafka.class, kafka).map(k -> k.getSpec().getKafka().getListeners().get(0).getPort()).orElse(-1);
    }

    static String topicName(KafkaTopic topic) {
        return topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
    }

    private static int intOf(Object value, int otherwise) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value == null ? otherwise : Integer.parseInt(value.toString());
    }

    private static Set<String> topicConfigKeys() {
        Set<String> keys = new TreeSet<>();
        for (Field field : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG")
                    && field.getType() == String.class) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return keys;
    }

    // ------------------------------------------------------------------ PostgreSQL

    /** The Deployments whose JDBC URL points at this CloudNativePG cluster. */
    List<Deployment> databaseOwners(String cluster) {
        return o.all(Deployment.class).stream().filter(d -> jdbc(d).map(m -> m.group(1))
                .filter(host -> host.equals(cluster + "-rw") || host.equals(cluster + "-ro")
                        || host.equals(cluster + "-r"))
                .isPresent()).toList();
    }

    private Optional<Matcher> jdbc(Deployment d) {
        EnvValue url = o.environment(mainContainer(d)).get("QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null || url.value() == null) {
            return Optional.empty();
        }
        Matcher m = JDBC.matcher(url.value());
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    private void postgres() {
        Set<String> stores = o.ofKind("ObjectStore").stream().map(K8sObject::name).collect(Collectors.toSet());
        List<Cnpg.ScheduledBackup> backups = o.ofKind("ScheduledBackup").stream()
                .map(b -> b.as(Cnpg.ScheduledBackup.class)).toList();
        for (Deployment d : o.all(Deployment.class)) {
            if (jdbc(d).isEmpty()) {
                fail("Deployment/" + d.getMetadata().getName(), "QUARKUS_DATASOURCE_JDBC_URL is not a PostgreSQL URL");
            } else if (o.find("Cluster", jdbc(d).get().group(1).replaceAll("-(rw|ro|r)$", "")).isEmpty()) {
                fail("Deployment/" + d.getMetadata().getName(), "its database is not a Cluster of the overlay");
            }
        }
        for (K8sObject object : o.ofKind("Cluster")) {
            String c = object.name();
            String where = object.id();
            Cnpg.ClusterSpec spec = object.as(Cnpg.Cluster.class).spec();
            // Backups: WAL archiving through the Barman Cloud plugin to an ObjectStore, and a schedule.
            boolean archived = nullSafe(spec.plugins()).stream()
                    .anyMatch(p -> BARMAN_PLUGIN.equals(p.name()) && Boolean.TRUE.equals(p.isWALArchiver())
                            && stores.contains(nullSafe(p.parameters()).get("barmanObjectName")));
            if (!archived) {
                fail(where, "no WAL archiving to an ObjectStore of the overlay (plugin " + BARMAN_PLUGIN + ")");
            }
            boolean scheduled = backups.stream().anyMatch(b -> c.equals(b.spec().cluster().name())
                    && !Boolean.TRUE.equals(b.spec().suspend()) && b.spec().method() == Cnpg.BackupMethod.PLUGIN
                    && BARMAN_PLUGIN.equals(b.spec().pluginConfiguration().name()));
            if (!scheduled) {
                fail(where, "no active ScheduledBackup through the Barman Cloud plugin");
            }
            if (spec.resources() == null || nullSafe(spec.resources().getRequests()).get("memory") == null
                    || nullSafe(spec.resources().getLimits()).get("memory") == null) {
                fail(where, "no memory request and limit");
            }
            // Exactly one owner, with the database the cluster creates and the credentials it generates.
            List<Deployment> owners = databaseOwners(c);
            if (owners.size() != 1) {
                fail(where, "expected one owning Deployment, found " + owners.stream()
                        .map(d -> d.getMetadata().getName()).toList());
                continue;
            }
            Deployment owner = owners.get(0);
            String ownerName = owner.getMetadata().getName();
            String database = spec.bootstrap() == null || spec.bootstrap().initdb() == null
                    ? null
                    : spec.bootstrap().initdb().database();
            if (!Objects.equals(database, jdbc(owner).get().group(2))) {
                fail(where, "creates database " + database + " but " + ownerName + " connects to "
                        + jdbc(owner).get().group(2));
            }
            Map<String, EnvValue> env = o.environment(mainContainer(owner));
            for (String var : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                EnvValue value = env.get(var);
                if (value == null || !(c + "-app").equals(value.secret())) {
                    fail("Deployment/" + ownerName, var + " does not come from the Secret " + c + "-app");
                }
            }
            // Only the owner (and the cluster itself and its operator) may connect.
            Map<String, String> instanceLabels = Map.of("cnpg.io/cluster", c, "cnpg.io/podRole", "instance");
            Set<String> peers = ingressPeers(instanceLabels, 5432, "postgresql");
            Set<String> allowed = new TreeSet<>(Set.of("pod:" + APP + "=" + ownerName, "pod:cnpg.io/cluster=" + c));
            CNPG_OPERATOR_NAMESPACES.forEach(ns -> allowed.add("namespace:" + ns));
            if (peers.isEmpty() || !allowed.containsAll(peers) || !peers.contains("pod:" + APP + "=" + ownerName)) {
                fail(where, "port 5432 is open to " + peers + "; expected only "
                        + allowed);
            }
            if (!egressPeers(nullSafe(owner.getSpec().getTemplate().getMetadata().getLabels()), 5432)
                    .contains("pod:cnpg.io/cluster=" + c)) {
                fail("Deployment/" + ownerName, "its egress policy does not allow its database " + c);
            }
            // Connection budget: every pod's pool, at the autoscaler's maximum plus a rolling update's extra pod.
            int maxConnections = Integer.parseInt(nullSafe(spec.postgresql() == null
                    ? null
                    : spec.postgresql().parameters()).getOrDefault("max_connections", "100"));
            EnvValue pool = env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            Optional<HorizontalPodAutoscaler> hpa = o.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> ownerName.equals(h.getSpec().getScaleTargetRef().getName())).findFirst();
            if (pool == null || pool.value() == null) {
                fail("Deployment/" + ownerName, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE is not set");
            } else if (hpa.isPresent()) {
                int needed = (hpa.get().getSpec().getMaxReplicas() + 1) * Integer.parseInt(pool.value());
                if (needed > maxConnections - 10) {
                    fail(where, "max_connections " + maxConnections + " is too small for " + ownerName + ": "
                            + needed + " pooled connections at maxReplicas + 1");
                }
            }
        }
        if (o.all(PodMonitor.class).stream().noneMatch(pm -> pm.getSpec().getSelector() != null
                && nullSafe(pm.getSpec().getSelector().getMatchExpressions()).stream()
                        .anyMatch(e -> "cnpg.io/cluster".equals(e.getKey())))) {
            fail("overlay " + o.name, "no PodMonitor scrapes the PostgreSQL instances");
        }
    }
}

package gov.budgetperf.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import gov.budgetperf.deploy.StrictModels.K8sObject;

/** One built overlay: the YAML kustomize printed and every object in it, parsed strictly. */
final class Overlay {

    /** deploy/ (the module directory, where Maven runs the tests). */
    static final Path DEPLOY = locateDeployDir();
    static final Path REPOSITORY = DEPLOY.getParent();
    static final Path OVERLAYS = DEPLOY.resolve("overlays");

    private static final Map<String, Overlay> BUILT = new ConcurrentHashMap<>();

    final String name;
    final String yaml;
    final String warnings;
    final List<K8sObject> objects;

    Overlay(String name, String yaml, String warnings, List<K8sObject> objects) {
        this.name = name;
        this.yaml = yaml;
        this.warnings = warnings;
        this.objects = List.copyOf(objects);
    }

    /** Builds (once per test run) and parses deploy/overlays/NAME. */
    static Overlay of(String name) {
        return BUILT.computeIfAbsent(name, n -> {
            Kustomize.Output output = Kustomize.build(OVERLAYS.resolve(n));
            return new Overlay(n, output.yaml(), output.warnings(), StrictModels.parseAll(output.yaml()));
        });
    }

    /** The same overlay with its objects replaced (for tests that break one thing on purpose). */
    static Overlay fromJson(String name, List<ObjectNode> documents) {
        return new Overlay(name, "", "", documents.stream().map(StrictModels::parse).toList());
    }

    /** The overlays present in deploy/overlays. */
    static List<String> names() {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locateDeployDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate : List.of(here, here.resolve("deploy"))) {
            if (Files.isDirectory(candidate.resolve("overlays")) && Files.isDirectory(candidate.resolve("base"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("run the tests from deploy/ or the repository root (working directory: "
                + here + ")");
    }

    // ------------------------------------------------------------------ lookups

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(o -> type.isInstance(o.model())).map(o -> type.cast(o.model())).toList();
    }

    List<K8sObject> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    Optional<K8sObject> find(String kind, String name) {
        return objects.stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).findFirst();
    }

    <T> Optional<T> find(Class<T> type, String name) {
        return objects.stream().filter(o -> type.isInstance(o.model()) && o.name().equals(name))
                .map(o -> type.cast(o.model())).findFirst();
    }

    /** The overlay's namespace (the one Namespace object it creates). */
    String namespace() {
        List<K8sObject> namespaces = ofKind("Namespace");
        if (namespaces.size() != 1) {
            throw new IllegalStateException(name + ": expected one Namespace object, found " + namespaces.size());
        }
        return namespaces.get(0).name();
    }

    // ------------------------------------------------------------------ environment of a container

    /** A variable's source: a literal value, a ConfigMap key or a Secret key. */
    record EnvValue(String value, String configMap, String secret, String key) {

        boolean isSecret() {
            return secret != null;
        }
    }

    /**
     * The environment a container gets: its envFrom ConfigMaps (resolved against this overlay) and then its env
     * entries, which win, as in Kubernetes. Values from ConfigMaps are resolved; Secret values are not known.
     */
    Map<String, EnvValue> environment(Container container) {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        for (EnvFromSource from : nullSafe(container.getEnvFrom())) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                String cm = from.getConfigMapRef().getName();
                find(ConfigMap.class, cm).ifPresent(map -> nullSafe(map.getData())
                        .forEach((k, v) -> env.put(prefix + k, new EnvValue(v, cm, null, k))));
            }
            if (from.getSecretRef() != null) {
                env.put(prefix + "*", new EnvValue(null, null, from.getSecretRef().getName(), "*"));
            }
        }
        for (EnvVar var : nullSafe(container.getEnv())) {
            if (var.getValueFrom() == null) {
                env.put(var.getName(), new EnvValue(var.getValue(), null, null, null));
            } else if (var.getValueFrom().getSecretKeyRef() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                env.put(var.getName(), new EnvValue(null, null, ref.getName(), ref.getKey()));
            } else if (var.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = var.getValueFrom().getConfigMapKeyRef();
                String value = find(ConfigMap.class, ref.getName()).map(cm -> nullSafe(cm.getData()).get(ref.getKey()))
                        .orElse(null);
                env.put(var.getName(), new EnvValue(value, ref.getName(), null, ref.getKey()));
            } else {
                env.put(var.getName(), new EnvValue(null, null, null, null));
            }
        }
        return env;
    }

    /** The main container of a Deployment (named like the Deployment). */
    static Container mainContainer(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(deployment.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Deployment " + deployment.getMetadata().getName() + " has no container of the same name"));
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    static <K, V> Map<K, V> nullSafe(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    /** The JSON trees of this overlay's objects, deep-copied so a test can change them. */
    List<ObjectNode> jsonCopy() {
        List<ObjectNode> copy = new ArrayList<>();
        objects.forEach(o -> copy.add(o.json().deepCopy()));
        return copy;
    }

    @Override
    public String toString() {
        return name;
    }
}

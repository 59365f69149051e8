package gov.budgetperf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/**
 * The manifests against what each service actually reads: its application.properties (ports, the environment
 * variables it expects in production, its topics and consumer group).
 */
class ServiceConfigurationTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    static List<String> overlays() {
        return Overlay.names();
    }

    private static Properties applicationProperties(String service) throws IOException {
        Path file = Overlay.REPOSITORY.resolve(service).resolve("src/main/resources/application.properties");
        assertThat(file).as("the service a Deployment runs must be in the repository").isRegularFile();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Keys that apply in production: no %dev or %test profile. */
    private static Map<String, String> production(Properties properties) {
        return properties.stringPropertyNames().stream().filter(k -> !k.startsWith("%") || k.startsWith("%prod."))
                .collect(Collectors.toMap(k -> k.replaceFirst("^%prod\\.", ""), properties::getProperty, (a, b) -> b));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void portsAndNameMatchTheService(String overlay) throws IOException {
        for (Deployment d : Overlay.of(overlay).all(Deployment.class)) {
            String service = d.getMetadata().getName();
            Map<String, String> config = production(applicationProperties(service));
            Container main = Overlay.mainContainer(d);

            assertThat(config).containsEntry("quarkus.application.name", service)
                    .containsEntry("quarkus.management.enabled", "true");
            assertThat(port(main, "http")).as("%s http port", service)
                    .isEqualTo(Integer.parseInt(config.get("quarkus.http.port")));
            assertThat(port(main, "management")).as("%s management port", service)
                    .isEqualTo(Integer.parseInt(config.get("quarkus.management.port")));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyVariableTheServiceReadsInProductionIsSet(String overlay) throws IOException {
        Overlay o = Overlay.of(overlay);
        for (Deployment d : o.all(Deployment.class)) {
            String service = d.getMetadata().getName();
            Set<String> expected = new TreeSet<>();
            production(applicationProperties(service)).values().forEach(value -> {
                Matcher m = PLACEHOLDER.matcher(value);
                while (m.find()) {
                    expected.add(m.group(1));
                }
            });

            assertThat(o.environment(Overlay.mainContainer(d)).keySet())
                    .as("environment of %s in %s (application.properties reads %s)", service, overlay, expected)
                    .containsAll(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void topicsAndGroupTheServiceUsesExistAndAreGranted(String overlay) throws IOException {
        Overlay o = Overlay.of(overlay);
        Set<String> topics = o.all(io.strimzi.api.kafka.model.topic.KafkaTopic.class).stream().map(Rules::topicName)
                .collect(Collectors.toSet());
        for (Deployment d : o.all(Deployment.class)) {
            String service = d.getMetadata().getName();
            Map<String, String> config = production(applicationProperties(service));
            KafkaUser user = o.find(KafkaUser.class, service).orElseThrow();
            var acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            Set<String> topicAcls = acls.stream().filter(a -> a.getResource() instanceof AclRuleTopicResource)
                    .map(a -> ((AclRuleTopicResource) a.getResource()).getName()).collect(Collectors.toSet());
            Set<String> groupAcls = acls.stream().filter(a -> a.getResource() instanceof AclRuleGroupResource)
                    .map(a -> ((AclRuleGroupResource) a.getResource()).getName()).collect(Collectors.toSet());

            config.forEach((key, value) -> {
                if (key.endsWith("topic") && !value.contains("${")) {
                    assertThat(topics).as("%s: %s", service, key).contains(value);
                    assertThat(topicAcls).as("ACLs of KafkaUser %s (%s)", service, key).contains(value);
                }
                if (key.endsWith("group-id")) {
                    assertThat(groupAcls).as("group ACLs of KafkaUser %s", service).contains(value);
                }
            });
        }
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .map(ContainerPort::getContainerPort).orElseThrow();
    }
}

package io.verbatim.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every overlay renders, parses strictly and holds together; a broken copy of the manifests is caught. */
class ManifestsTest {

    static List<String> validate(Path k8s, String overlay) throws Exception {
        return validate(k8s, overlay, ManifestRules.services(Kustomize.repo()));
    }

    static List<String> validate(Path k8s, String overlay, Map<String, ServiceConfig> services) throws Exception {
        List<JsonNode> objects = Kustomize.render(k8s.resolve("overlays").resolve(overlay));
        List<String> problems = new ArrayList<>();
        objects.forEach(o -> problems.addAll(StrictModel.check(o)));
        problems.addAll(new ManifestRules(objects, services, overlay.equals("prod")).check());
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayIsValid(String overlay) throws Exception {
        assertEquals(List.of(), validate(Kustomize.repo().resolve("deploy/k8s"), overlay));
    }

    @Test
    void prodReplicatesKafkaAndAutoscalesWithinPartitions() throws Exception {
        List<JsonNode> prod = Kustomize.render(Kustomize.repo().resolve("deploy/k8s/overlays/prod"));
        JsonNode raw = prod.stream().filter(o -> o.path("spec").path("topicName").asText().equals("articles.raw"))
                .findFirst().orElseThrow();
        assertEquals(3, raw.path("spec").path("replicas").asInt());
        assertEquals(2, raw.path("spec").path("config").path("min.insync.replicas").asInt());
        assertTrue(prod.stream().anyMatch(o -> o.path("kind").asText().equals("ScaledObject")));
        assertEquals(8, prod.stream().filter(o -> o.path("kind").asText().equals("NetworkPolicy")).count());
        assertEquals(3, prod.stream().filter(o -> o.path("kind").asText().equals("PodDisruptionBudget")).count());
    }

    @Test
    void typoInAFieldIsCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("base/ingest-service/deployment.yaml"), "      terminationGracePeriodSeconds:", "      terminationGracePeriod:");
        edit(copy.resolve("base/kafka/topics.yaml"), "  partitions: 6\n  replicas: 1\n  config:\n    retention.ms: 604800000",
                "  partitions: 6\n  replica: 1\n  config:\n    retention.ms: 604800000");
        List<String> problems = validate(copy, "dev");
        assertTrue(problems.stream().anyMatch(p -> p.contains("Deployment/ingest-service") && p.contains("terminationGracePeriod")),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("KafkaTopic/articles.raw") && p.contains("replica")),
                problems::toString);
    }

    @Test
    void wrongPortIsCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("base/query-service/deployment.yaml"), "containerPort: 8083", "containerPort: 8080");
        List<String> problems = validate(copy, "prod");
        assertTrue(problems.stream().anyMatch(p -> p.contains("containerPort 8080 but query-service listens on 8083")),
                problems::toString);
    }

    @Test
    void unknownEnvironmentVariableAndMissingSecretAreCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("base/analysis-service/configmap.yaml"), "VERBATIM_ANALYSIS_THREADS", "VERBATIM_ANALYSIS_THREAD");
        edit(copy.resolve("base/analysis-service/deployment.yaml"), "name: verbatim-db-app", "name: verbatim-database-app");
        List<String> problems = validate(copy, "dev");
        assertTrue(problems.stream().anyMatch(p -> p.contains("VERBATIM_ANALYSIS_THREAD is not read by analysis-service")),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("Secret verbatim-database-app does not exist")), problems::toString);
    }

    @Test
    void autoscalingBeyondThePartitionsIsCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("components/autoscaling/analysis-scaledobject.yaml"), "maxReplicaCount: 6", "maxReplicaCount: 12");
        List<String> problems = validate(copy, "prod");
        assertTrue(problems.stream().anyMatch(p -> p.contains("maxReplicaCount 12 exceeds the 6 partitions")), problems::toString);
    }

    @Test
    void managementPortOnAnIngressOrOffTheProbesIsCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("base/query-service/service.yaml"), "targetPort: http", "targetPort: management");
        edit(copy.resolve("base/ingest-service/deployment.yaml"), "              path: /q/health/ready\n              port: management",
                "              path: /q/health/ready\n              port: http");
        edit(copy.resolve("base/analysis-service/deployment.yaml"), "prometheus.io/port: \"9082\"", "prometheus.io/port: \"8082\"");
        edit(copy.resolve("components/network-policies/network-policies.yaml"),
                "kubernetes.io/metadata.name: ingress-nginx\n      ports:\n        - protocol: TCP\n          port: http",
                "kubernetes.io/metadata.name: ingress-nginx\n      ports:\n        - protocol: TCP\n          port: management");
        Map<String, ServiceConfig> services = ManifestRules.services(Kustomize.repo());
        services.get("ingest-service").properties().setProperty("quarkus.management.enabled", "false");
        services.get("query-service").properties().setProperty("quarkus.swagger-ui.always-include", "true");
        List<String> problems = validate(copy, "prod", services);
        assertHas(problems, "Ingress/query-service: routes to the management port 9083 of query-service");
        assertHas(problems, "readinessProbe is not on the management port 9081");
        assertHas(problems, "metrics are scraped on port 8082, not the management port 9082");
        assertHas(problems, "NetworkPolicy/allow-ingress-controller: lets the ingress controller reach the management port of ingest-service");
        assertHas(problems, "ingest-service: quarkus.management.enabled is not true");
        assertHas(problems, "query-service: Swagger UI is included outside dev mode");
    }

    @Test
    void ingressWithoutTlsOrWithWrongLimitsIsCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("base/ingest-service/ingress.yaml"), "  tls:\n    - hosts:\n        - ingest.verbatim.example.org\n      secretName: ingest-verbatim-tls\n", "");
        edit(copy.resolve("base/ingest-service/ingress.yaml"), "proxy-body-size: \"32m\"", "proxy-body-size: \"1m\"");
        edit(copy.resolve("base/query-service/ingress.yaml"), "    cert-manager.io/cluster-issuer: letsencrypt\n    nginx.ingress.kubernetes.io/force-ssl-redirect: \"true\"\n", "");
        edit(copy.resolve("base/query-service/ingress.yaml"), "proxy-read-timeout: \"60\"", "proxy-read-timeout: \"3600\"");
        List<String> problems = validate(copy, "dev");
        assertHas(problems, "Ingress/ingest-service: host ingest.verbatim.example.org is served without TLS");
        assertHas(problems, "Ingress/ingest-service: proxy-body-size 1m differs from ingest-service's request limit 32M");
        assertHas(problems, "Ingress/query-service: no cert-manager issuer annotation");
        assertHas(problems, "Ingress/query-service: plain HTTP is not redirected to HTTPS");
        assertHas(problems, "Ingress/query-service: proxy-read-timeout 3600s keeps idle connections too long");
    }

    @Test
    void unauthenticatedKafkaOrBroadAclsAreCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("base/kafka/kafka.yaml"), "        tls: true\n        authentication:\n          type: tls\n", "        tls: false\n");
        edit(copy.resolve("base/kafka/kafka.yaml"), "    authorization:\n      type: simple\n", "");
        edit(copy.resolve("base/kafka/users.yaml"), "          name: articles.tagged\n          patternType: literal\n        operations:\n          - Read\n          - Describe",
                "          name: articles.tagged\n          patternType: literal\n        operations:\n          - Read\n          - Write\n          - Describe");
        edit(copy.resolve("base/kafka/users.yaml"), "          name: articles.raw\n          patternType: literal\n        operations:\n          - Write",
                "          name: articles.\n          patternType: prefix\n        operations:\n          - Write");
        edit(copy.resolve("base/analysis-service/configmap.yaml"), "KAFKA_SECURITY_PROTOCOL: \"SSL\"", "KAFKA_SECURITY_PROTOCOL: \"PLAINTEXT\"");
        List<String> problems = validate(copy, "dev");
        assertHas(problems, "Kafka/verbatim-kafka: listener tls is not TLS");
        assertHas(problems, "Kafka/verbatim-kafka: listener tls does not authenticate clients");
        assertHas(problems, "Kafka/verbatim-kafka: no simple authorization");
        assertHas(problems, "KafkaUser/query-service: is granted [Write] on topic:articles.tagged, which it does not need");
        assertHas(problems, "KafkaUser/ingest-service: lacks [Describe, Write] on topic:articles.raw");
        assertHas(problems, "KafkaUser/ingest-service: is granted [Describe, Write] on topic:articles.*, which it does not need");
        assertHas(problems, "Deployment/analysis-service: KAFKA_SECURITY_PROTOCOL is PLAINTEXT");
    }

    @Test
    void missingKafkaUserIsCaught() throws Exception {
        Path copy = copyOfManifests();
        String users = Files.readString(copy.resolve("base/kafka/users.yaml"));
        Files.writeString(copy.resolve("base/kafka/users.yaml"), users.substring(users.indexOf("---\n") + 4));
        List<String> problems = validate(copy, "dev");
        assertHas(problems, "ingest-service: no KafkaUser ingest-service");
        assertHas(problems, "Secret ingest-service does not exist and no operator creates it");
    }

    @Test
    void ownerCredentialsOrAWritableRoleForReadersAreCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("base/postgres/cluster.yaml"), "          - pg_read_all_data", "          - pg_read_all_data\n          - pg_write_all_data");
        List<String> problems = validate(copy, "dev");
        assertHas(problems, "Deployment/query-service: database role verbatim_reader can do more than read");

        edit(copy.resolve("base/query-service/deployment.yaml"), "name: verbatim-db-reader", "name: verbatim-db-app");
        problems = validate(copy, "dev");
        assertHas(problems, "Deployment/query-service: reads the database as its owner (verbatim-db-app)");
    }

    @Test
    void productionWithoutBackupsIsCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("overlays/prod/kustomization.yaml"), "  - ../../components/backup\n", "");
        assertHas(validate(copy, "prod"), "Cluster/verbatim-db: no continuous backup");

        copy = copyOfManifests();
        edit(copy.resolve("components/backup/kustomization.yaml"), "resources:\n  - scheduled-backup.yaml\n", "");
        assertHas(validate(copy, "prod"), "Cluster/verbatim-db: no ScheduledBackup takes base backups of it");
    }

    @Test
    void missingNetworkPoliciesOrApiServerEgressAreCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("overlays/dev/kustomization.yaml"), "components:\n  - ../../components/network-policies\n", "");
        assertHas(validate(copy, "dev"), "no default-deny NetworkPolicy");

        copy = copyOfManifests();
        edit(copy.resolve("components/network-policies/network-policies.yaml"),
                "              strimzi.io/cluster: verbatim-kafka\n    - ports:\n        - protocol: TCP\n          port: 443\n        - protocol: TCP\n          port: 6443\n",
                "              strimzi.io/cluster: verbatim-kafka\n");
        edit(copy.resolve("components/network-policies/network-policies.yaml"), "kubernetes.io/metadata.name: monitoring\n      ports:\n        - protocol: TCP\n          port: management",
                "kubernetes.io/metadata.name: monitoring\n      ports:\n        - protocol: TCP\n          port: http");
        List<String> problems = validate(copy, "prod");
        assertHas(problems, "Kafka/verbatim-kafka: its pods may not reach the Kubernetes API server");
        assertHas(problems, "Deployment/query-service: the metrics scraper (namespace monitoring) may not reach its management port");
    }

    @Test
    void ingestBodyMemoryBeyondItsHeapIsCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("base/ingest-service/deployment.yaml"), "              memory: 384Mi\n            limits:\n              memory: 384Mi",
                "              memory: 256Mi\n            limits:\n              memory: 256Mi");
        assertHas(validate(copy, "dev"), "verbatim.ingest.body-memory (96 MiB) with the producer buffer and a 64 MiB margin"
                + " does not fit its heap of 153 MiB");
    }

    @Test
    void languagesTheServicesDisagreeOnAreCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("base/analysis-service/configmap.yaml"), "VERBATIM_ANALYSIS_LANGUAGES: \"fr,en\"",
                "VERBATIM_ANALYSIS_LANGUAGES: \"fr\"");
        edit(copy.resolve("base/ingest-service/configmap.yaml"), "VERBATIM_INGEST_DEFAULT_LANGUAGE: \"fr\"",
                "VERBATIM_INGEST_DEFAULT_LANGUAGE: \"de\"");
        List<String> problems = validate(copy, "dev");
        assertHas(problems, "the services do not read the same languages: {analysis-service=[fr], ingest-service=[en, fr],"
                + " query-service=[en, fr]}");
        assertHas(problems, "Deployment/ingest-service: default language [de] is not one it accepts [en, fr]");
    }

    @Test
    void namespaceWithoutPodSecurityIsCaught() throws Exception {
        Path copy = copyOfManifests();
        edit(copy.resolve("overlays/prod/namespace.yaml"), "    pod-security.kubernetes.io/enforce: restricted\n", "");
        assertHas(validate(copy, "prod"), "Namespace/verbatim: does not enforce Pod Security \"restricted\"");
    }

    private static void assertHas(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> "no \"" + expected + "\" in " + problems);
    }

    private static Path copyOfManifests() throws IOException {
        Path source = Kustomize.repo().resolve("deploy/k8s");
        Path target = Files.createTempDirectory("verbatim-k8s-");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = source.relativize(file);
                if (relative.startsWith("validation") || relative.startsWith("tools")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        Files.writeString(file, text.replace(from, to));
    }
}

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every overlay renders, parses strictly and holds together; a broken copy of the manifests is caught. */
class ManifestsTest {

    static List<String> validate(Path k8s, String overlay) throws Exception {
        List<JsonNode> objects = Kustomize.render(k8s.resolve("overlays").resolve(overlay));
        List<String> problems = new ArrayList<>();
        objects.forEach(o -> problems.addAll(StrictModel.check(o)));
        problems.addAll(new ManifestRules(objects, ManifestRules.services(Kustomize.repo())).check());
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
        edit(copy.resolve("base/query-service/deployment.yaml"), "name: verbatim-db-app", "name: verbatim-database-app");
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

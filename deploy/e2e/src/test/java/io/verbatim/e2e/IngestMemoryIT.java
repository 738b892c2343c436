package io.verbatim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.verbatim.bench.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged ingest-service in the heap its pod gives it (60 % of 384 MiB, deploy/k8s), stopping on an
 * OutOfMemoryError as it does there: eight clients send a 32 MB batch of 1 MB articles each, at once. Every
 * batch is answered, the service is still alive and ready, and it takes the next article.
 */
class IngestMemoryIT {

    private static final int CLIENTS = 8;
    private static final int ARTICLES_PER_BATCH = 32;
    /** 68 bytes of UTF-8, repeated to a body just under 1 MB. */
    private static final String BODY = "« Le conseil municipal a voté le budget », a déclaré la maire. "
            .repeat(1_000_000 / 68);

    private static final String KEY = "memory-" + UUID.randomUUID();
    /** A topic of its own: 256 articles of 1 MB on articles.raw would keep the other tests' analysis busy. */
    private static final String TOPIC = "articles.memory-test";
    private static ServiceProcess ingest;

    @BeforeAll
    static void start() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Pipeline.kafka()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 4, (short) 1)
                    .configs(Map.of("max.message.bytes", "10485760")))).all().get(30, TimeUnit.SECONDS);
        }
        ingest = ServiceProcess.start(Path.of(System.getProperty("verbatim.repo", "../..")), "ingest-service",
                Map.of("KAFKA_BOOTSTRAP_SERVERS", Pipeline.kafka(), "VERBATIM_API_KEYS", KEY),
                Path.of("target", "e2e-logs"), List.of("-Xmx230m", "-XX:+ExitOnOutOfMemoryError",
                        "-Dmp.messaging.outgoing.articles-raw.topic=" + TOPIC));
        ingest.awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Pipeline.kafka()))) {
            admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void concurrent32MegabyteBatchesDoNotExhaustThePodsHeap() throws Exception {
        // HTTP/1.1, as the ingress speaks to the pods (the JDK client would otherwise try an h2c upgrade).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> peak.accumulateAndGet(heapUsed(http), Math::max), 0, 100, TimeUnit.MILLISECONDS);
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create(ingest.url("/api/v1/articles/batch")))
                    .timeout(Duration.ofMinutes(5)).header("X-API-Key", KEY).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> lines(id))).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int accepted = 0;
        for (CompletableFuture<HttpResponse<String>> future : responses) {
            HttpResponse<String> response = future.get(5, TimeUnit.MINUTES);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode result = Pipeline.JSON.readTree(response.body());
            assertEquals(ARTICLES_PER_BATCH, result.path("items").size());
            for (JsonNode item : result.path("items")) {
                int status = item.path("status").asInt();
                assertTrue(status == 202 || status == 503, "item status " + status + ": " + item);
            }
            accepted += result.path("accepted").asInt();
        }
        sampler.shutdownNow();
        System.out.printf("[memory] %d concurrent NDJSON batches of %d x 1 MB to ingest at -Xmx230m: %d of %d articles"
                + " accepted, peak heap used %d MiB%n", CLIENTS, ARTICLES_PER_BATCH, accepted, CLIENTS * ARTICLES_PER_BATCH,
                peak.get() >> 20);

        assertTrue(ingest.alive(), "ingest-service died, see " + ingest.log);
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(ingest.managementUrl("/q/health/ready"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(ingest.url("/api/v1/articles")))
                .header("X-API-Key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Après la tempête\",\"body\":\"« Tout va bien », dit-elle.\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, next.statusCode(), next.body());
    }

    /** A 32 MB NDJSON body made as it is sent, so that this JVM holds one line at a time. */
    private static InputStream lines(int client) {
        return new SequenceInputStream(new Enumeration<>() {
            private int next;

            @Override
            public boolean hasMoreElements() {
                return next < ARTICLES_PER_BATCH;
            }

            @Override
            public InputStream nextElement() {
                String line = "{\"title\":\"Mémoire " + client + "-" + next++ + " " + UUID.randomUUID()
                        + "\",\"source\":\"memory-test\",\"language\":\"fr\",\"body\":\"" + BODY + "\"}\n";
                return new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** Heap in use, from the service's own metrics (the sum of its heap pools); 0 when they cannot be read. */
    private static long heapUsed(HttpClient http) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(ingest.managementUrl("/q/metrics")))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return (long) metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            return 0;
        }
    }
}

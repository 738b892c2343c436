package io.verbatim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three packaged services on the real broker and database: the seed dispatch posted to ingest comes out of
 * query-service with its quotes attributed, and a plain Kafka consumer reads it from articles.tagged.
 */
class PipelineIT {

    private static final ObjectMapper JSON = Pipeline.JSON;
    // The seed dispatch is in the team's annotated corpus beside the repository, not in a plain clone.
    private static final Path SEED = Path.of(System.getProperty("verbatim.corpus", "../../../shared/corpus"),
            "dev/seed-000.json").toAbsolutePath().normalize();
    private static Pipeline pipeline;

    @BeforeAll
    static void startServices() throws Exception {
        if (Files.exists(SEED)) {
            pipeline = new Pipeline().start();
        }
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void seedDispatchComesOutTaggedInQueryServiceAndOnTheTaggedTopic() throws Exception {
        Assumptions.assumeTrue(pipeline != null, () -> "needs the shared annotated corpus (dev/seed-000.json),"
                + " not found at " + SEED + "; point at it with -Dverbatim.corpus=/path/to/corpus");
        JsonNode gold = JSON.readTree(SEED.toFile());
        String run = UUID.randomUUID().toString();
        String article = JSON.writeValueAsString(Map.of("title", gold.get("title").asText(),
                "body", gold.get("text").asText(), "source", "AFP", "url", "https://example.org/e2e/" + run,
                "publishedAt", "2025-06-12T14:30:00+02:00"));

        long posted = System.nanoTime();
        HttpResponse<String> accepted = pipeline.post("/api/v1/articles", "application/json", article);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = JSON.readTree(accepted.body()).get("id").asText();
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertEquals(pipeline.query.url("/api/v1/articles/" + id), location);

        JsonNode stored = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (stored == null && System.nanoTime() < deadline) {
            HttpResponse<String> response = pipeline.get(location);
            if (response.statusCode() == 200) {
                stored = JSON.readTree(response.body());
            } else {
                assertEquals(404, response.statusCode(), response.body());
                Thread.sleep(100);
            }
        }
        assertTrue(stored != null, "article " + id + " never appeared in query-service");
        System.out.printf("[e2e] seed article visible in query-service %d ms after the POST%n",
                (System.nanoTime() - posted) / 1_000_000);

        List<String> goldQuotes = new ArrayList<>();
        gold.get("quotes").forEach(q -> goldQuotes.add(q.get("speaker").asText() + ": " + q.get("text").asText()));
        List<String> servedQuotes = new ArrayList<>();
        stored.get("quotes").forEach(q -> servedQuotes.add(q.get("speaker").get("name").asText() + ": " + q.get("text").asText()));
        assertEquals(goldQuotes, servedQuotes);
        String body = stored.get("body").asText();
        for (JsonNode mention : stored.get("entities")) {
            assertEquals(mention.get("text").asText(), body.substring(mention.get("start").asInt(), mention.get("end").asInt()));
        }

        JsonNode tagged = JSON.readTree(readTagged(id).value());
        assertEquals(1, tagged.get("schemaVersion").asInt());
        List<String> publishedQuotes = new ArrayList<>();
        tagged.get("quotes").forEach(q -> publishedQuotes.add(q.get("speaker").get("name").asText() + ": " + q.get("text").asText()));
        assertEquals(goldQuotes, publishedQuotes);
    }

    private static ConsumerRecord<String, String> readTagged(String id) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Pipeline.kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of("articles.tagged"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (id.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("article " + id + " not on articles.tagged");
    }
}

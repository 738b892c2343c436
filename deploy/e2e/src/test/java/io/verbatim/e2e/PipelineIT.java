package io.verbatim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * query-service with its quotes attributed, and a plain Kafka consumer reads it from articles.tagged; the English
 * demo article, posted without a language, is detected, analysed and searched in English.
 */
class PipelineIT {

    private static final ObjectMapper JSON = Pipeline.JSON;
    // The seed dispatch is in the team's annotated corpus beside the repository, not in a plain clone.
    private static final Path SEED = Path.of(System.getProperty("verbatim.corpus", "../../../shared/corpus"),
            "dev/seed-000.json").toAbsolutePath().normalize();
    private static Pipeline pipeline;

    @BeforeAll
    static void startServices() throws Exception {
        pipeline = new Pipeline().start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void seedDispatchComesOutTaggedInQueryServiceAndOnTheTaggedTopic() throws Exception {
        Assumptions.assumeTrue(Files.exists(SEED), () -> "needs the shared annotated corpus (dev/seed-000.json),"
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

        JsonNode stored = awaitStored(id, location);
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

    @Test
    void anEnglishArticleWithoutALanguageIsDetectedAnalysedAndSearchedInEnglish() throws Exception {
        ObjectNode article = (ObjectNode) JSON.readTree(Path.of(System.getProperty("verbatim.repo", "../.."),
                "deploy/local/sample-article-en.json").toFile());
        article.put("url", "https://example.org/e2e/" + UUID.randomUUID());
        HttpResponse<String> accepted = pipeline.post("/api/v1/articles", "application/json", JSON.writeValueAsString(article));
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode receipt = JSON.readTree(accepted.body());
        assertEquals("en", receipt.get("language").asText());
        assertEquals("detected", receipt.get("languageSource").asText());
        String id = receipt.get("id").asText();
        JsonNode stored = awaitStored(id, accepted.headers().firstValue("Location").orElseThrow());

        assertEquals("en", stored.get("language").asText());
        assertTrue(stored.get("analyzerVersion").asText().startsWith("verbatim-en-"), stored.get("analyzerVersion").asText());
        List<String> speakers = new ArrayList<>();
        stored.get("quotes").forEach(q -> speakers.add(q.path("speaker").path("name").asText("nobody")));
        assertEquals(List.of("Laura Whitfield", "Daniel Okafor", "Harbourton Residents Association", "Margaret Ellison",
                "Laura Whitfield"), speakers);
        List<String> people = new ArrayList<>();
        stored.get("entities").forEach(m -> {
            if (m.get("type").asText().equals("PER")) {
                people.add(m.get("text").asText());
            }
        });
        assertTrue(people.containsAll(List.of("Laura Whitfield", "Daniel Okafor", "Margaret Ellison")), "people: " + people);

        // English stems: "ferries" finds the article that says "ferry"; the French filter leaves it out.
        JsonNode english = JSON.readTree(pipeline.get(pipeline.query.url("/api/v1/articles?q=ferries&language=en")).body());
        List<String> found = new ArrayList<>();
        english.get("items").forEach(a -> found.add(a.get("id").asText()));
        assertTrue(found.contains(id), "search for 'ferries' in English: " + english);
        JsonNode french = JSON.readTree(pipeline.get(pipeline.query.url("/api/v1/articles?q=ferries&language=fr")).body());
        french.get("items").forEach(a -> assertTrue(!a.get("id").asText().equals(id), "found in French: " + french));
    }

    /** The article as query-service serves it, once analysed (two minutes at most). */
    private static JsonNode awaitStored(String id, String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = pipeline.get(location);
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body());
            }
            assertEquals(404, response.statusCode(), response.body());
            Thread.sleep(100);
        }
        throw new AssertionError("article " + id + " never appeared in query-service");
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

package io.verbatim.query.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.contracts.EventContract;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.verbatim.query.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records published on the real articles.tagged topic reach SSE clients, filtered as they asked. */
@QuarkusTest
class LiveStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/stream/articles")
    URI stream;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("verbatim.test.kafka", "127.0.0.1:19092"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterEach
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void newlyTaggedArticlesArePushedToEveryMatchingClient() throws Exception {
        long speaker = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        BlockingQueue<String> all = listen("");
        BlockingQueue<String> bySpeaker = listen("?speaker=" + speaker);
        // The listener joins the topic at its end: publish until a first record shows it is reading.
        awaitStreaming(all);

        String other = UUID.randomUUID().toString();
        String wanted = UUID.randomUUID().toString();
        publish(other, "Sans rapport", 7);
        publish(wanted, "Avec la porte-parole", speaker);

        String first = next(bySpeaker, wanted);
        assertTrue(first.contains("\"title\":\"Avec la porte-parole\""), first);
        assertTrue(first.contains("\"speaker\":{\"id\":" + speaker), first);
        assertNotNull(next(all, other));
        assertNotNull(next(all, wanted));
        assertTrue(bySpeaker.stream().noneMatch(e -> e.contains(other)), "the speaker filter let another article through");

        publish(UUID.randomUUID().toString(), "Illisible", 1);
        producer.send(new ProducerRecord<>("articles.tagged", "x", "{not json")).get();
        management().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void badFilterIsA400Problem() {
        given().queryParam("speaker", "abc").get("/api/v1/stream/articles")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private void awaitStreaming(BlockingQueue<String> events) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String probe = UUID.randomUUID().toString();
            publish(probe, "Sonde", 1);
            String event = events.poll(1, TimeUnit.SECONDS);
            if (event != null) {
                events.clear();
                return;
            }
        }
        throw new AssertionError("the live stream never delivered an event");
    }

    /** Collects the data lines of article events from an SSE connection. */
    private BlockingQueue<String> listen(String query) {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream + query)).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            assertEquals(200, r.statusCode());
            r.body().filter(line -> line.startsWith("data:")).forEach(events::add);
        });
        return events;
    }

    private static String next(BlockingQueue<String> events, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String event = events.poll(1, TimeUnit.SECONDS);
            if (event != null && event.contains("\"id\":\"" + id + "\"")) {
                return event;
            }
        }
        throw new AssertionError("no event for article " + id);
    }

    /** The first example of the articles.tagged contract, as this article with this speaker. */
    private void publish(String id, String title, long speaker) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(EventContract.of("articles.tagged", 1).examples().get(0));
        event.put("id", id);
        ((ObjectNode) event.get("article")).put("title", title);
        ObjectNode entity = (ObjectNode) event.get("entities").get(0);
        long example = entity.get("id").asLong();
        entity.put("id", speaker);
        event.get("mentions").forEach(m -> ((ObjectNode) m).put("entityId", speaker));
        event.get("quotes").forEach(q -> {
            if (q.get("speaker").path("id").asLong() == example) {
                ((ObjectNode) q.get("speaker")).put("id", speaker);
            }
        });
        producer.send(new ProducerRecord<>("articles.tagged", id, event.toString())).get();
    }
}

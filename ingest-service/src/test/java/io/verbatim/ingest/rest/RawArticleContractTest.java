package io.verbatim.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.verbatim.contracts.EventContract;
import io.verbatim.ingest.messaging.RawArticleEvent;
import io.verbatim.ingest.messaging.RawTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bytes ingest really writes on articles.raw keep the topic's contract (deploy/contracts), for an article
 * with every optional field, for one with none and for one whose language is detected: renaming or retyping a field of RawArticleEvent fails here
 * unless its schema version is bumped, with a new schema.
 */
@QuarkusTest
class RawArticleContractTest {

    private static final EventContract CONTRACT = EventContract.of(RawArticleEvent.TOPIC, RawArticleEvent.SCHEMA_VERSION);

    @Test
    void recordsOnTheRawTopicKeepTheContract() {
        String run = UUID.randomUUID().toString();
        Map<String, Object> full = Map.of("title", "Contrat complet " + run,
                "body", "« L’essentiel est fait », a dit la maire Anne Martin.", "url", "https://example.org/contrat/" + run,
                "source", "AFP", "language", "fr", "publishedAt", "2025-06-12T14:30:00+02:00",
                "authors", List.of("Léa Dupont", "Marc Petit"));
        Map<String, Object> minimal = Map.of("title", "Contrat minimal " + run, "body", "Rien d’autre.");
        Map<String, Object> detected = Map.of("title", "Contrat détecté " + run, "body", ArticleLanguageTest.FRENCH);
        for (Map<String, Object> article : List.of(full, minimal, detected)) {
            String id = Api.client().contentType(ContentType.JSON).body(article).post("/api/v1/articles")
                    .then().statusCode(202).extract().path("id");
            ConsumerRecord<String, String> record = RawTopicReader.find(id, Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("article " + id + " not on articles.raw"));
            CONTRACT.assertKeptBy(record.value());
        }
    }
}

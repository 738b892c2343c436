package io.verbatim.analysis.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.analysis.event.RawArticle;
import io.verbatim.analysis.event.TaggedArticle;
import io.verbatim.contracts.EventContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * analysis-service on both sides of its contracts (deploy/contracts), on the real broker: it reads every
 * example of articles.raw, carrying each field into what it publishes, and the bytes it publishes on
 * articles.tagged keep that topic's contract. Renaming a field of RawArticle or TaggedArticle fails here
 * unless the schema version is bumped, with a new schema.
 */
@QuarkusTest
class EventContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventContract RAW = EventContract.of("articles.raw", RawArticle.SCHEMA_VERSION);
    private static final EventContract TAGGED = EventContract.of(TaggedArticle.TOPIC, TaggedArticle.SCHEMA_VERSION);

    @Test
    void everyRawExampleIsReadAndPublishedTaggedWithinTheContract() throws Exception {
        for (String example : RAW.examples()) {
            // A fresh id per run: the database keeps what earlier runs stored.
            ObjectNode raw = (ObjectNode) JSON.readTree(example);
            String id = UUID.randomUUID().toString();
            raw.put("id", id);
            KafkaTestClient.send("articles.raw", id, raw.toString());

            ConsumerRecord<String, String> record = KafkaTestClient.first(TaggedArticle.TOPIC, id, Duration.ofSeconds(90))
                    .orElseThrow(() -> new AssertionError("no tagged record for the raw example " + example));
            TAGGED.assertKeptBy(record.value());

            JsonNode article = JSON.readTree(record.value()).get("article");
            for (String field : new String[] {"title", "body", "url", "source", "language", "languageSource", "authors"}) {
                assertEquals(raw.get(field), article.get(field), field + " carried from articles.raw to articles.tagged");
            }
            for (String instant : new String[] {"publishedAt", "receivedAt"}) {
                assertEquals(raw.get(instant).isNull(), article.get(instant).isNull(), instant);
                if (!raw.get(instant).isNull()) {
                    assertEquals(OffsetDateTime.parse(raw.get(instant).asText()).toInstant(),
                            OffsetDateTime.parse(article.get(instant).asText()).toInstant(), instant);
                }
            }
        }
    }

    /** A record written before ingest-service said how it chose the language is published without saying it. */
    @Test
    void aRawRecordWithoutLanguageSourceIsPublishedWithoutIt() throws Exception {
        ObjectNode raw = (ObjectNode) JSON.readTree(RAW.examples().get(0));
        String id = UUID.randomUUID().toString();
        raw.put("id", id).remove("languageSource");
        KafkaTestClient.send("articles.raw", id, raw.toString());

        ConsumerRecord<String, String> record = KafkaTestClient.first(TaggedArticle.TOPIC, id, Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("no tagged record for " + id));
        TAGGED.assertKeptBy(record.value());
        assertFalse(JSON.readTree(record.value()).get("article").has("languageSource"), record.value());
    }
}

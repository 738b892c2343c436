package io.verbatim.analysis.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.analysis.engine.Analysis;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.verbatim.analysis.persistence.Article;
import io.verbatim.analysis.persistence.ArticleQuote;
import io.verbatim.analysis.persistence.EntityMention;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On the real broker and database started by deploy/local/test.sh. */
@QuarkusTest
class RawArticleConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = """
            La préfète du Nord Anne Girardin a présenté jeudi le plan de prévention des crues à Lille.

            « Nous avons tiré les leçons de l'hiver dernier », a déclaré Mme Girardin devant les maires."""
            ;

    private static String raw(String id, String title) throws Exception {
        return JSON.writeValueAsString(Map.of("schemaVersion", 1, "id", id, "title", title, "body", BODY,
                "source", "Test", "language", "fr", "authors", List.of("Rédaction"),
                "receivedAt", "2025-06-12T12:00:00Z"));
    }

    @Transactional
    long articles(UUID id) {
        return Article.countWithId(id);
    }

    @Transactional
    List<ArticleQuote> quotes(UUID id) {
        return ArticleQuote.ofArticle(id);
    }

    @Transactional
    long mentions(UUID id) {
        return EntityMention.countInArticle(id);
    }

    @Test
    void rawArticleIsStoredAndPublishedTagged() throws Exception {
        String id = UUID.randomUUID().toString();
        KafkaTestClient.send("articles.raw", id, raw(id, "Crues"));

        ConsumerRecord<String, String> tagged = KafkaTestClient.first("articles.tagged", id, Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("no tagged record for " + id));
        JsonNode event = JSON.readTree(tagged.value());
        assertEquals(1, event.get("schemaVersion").asInt());
        JsonNode quote = event.get("quotes").get(0);
        assertEquals("Nous avons tiré les leçons de l'hiver dernier", quote.get("text").asText());
        assertEquals("Anne Girardin", quote.get("speaker").get("name").asText());
        assertEquals("déclarer", quote.get("cue").asText());
        assertEquals(BODY.substring(quote.get("start").asInt(), quote.get("end").asInt()), quote.get("text").asText());

        UUID uuid = UUID.fromString(id);
        assertEquals(1, articles(uuid));
        assertEquals(1, quotes(uuid).size());
        assertEquals(quote.get("speaker").get("id").asLong(), quotes(uuid).get(0).speakerEntityId);
    }

    @Test
    void redeliveredRecordLeavesExactlyOneCopy() throws Exception {
        String id = UUID.randomUUID().toString();
        UUID uuid = UUID.fromString(id);
        KafkaTestClient.send("articles.raw", id, raw(id, "Deux fois"));
        await().atMost(Duration.ofSeconds(90)).until(() -> articles(uuid) == 1);
        long mentionsBefore = mentions(uuid);

        KafkaTestClient.send("articles.raw", id, raw(id, "Deux fois"));
        // Both deliveries end on the tagged topic once processed; only then is the database checked.
        assertEquals(2, KafkaTestClient.all("articles.tagged", id, 2, Duration.ofSeconds(60)).size());
        assertEquals(1, articles(uuid));
        assertEquals(1, quotes(uuid).size());
        assertEquals(mentionsBefore, mentions(uuid));
        assertTrue(mentionsBefore > 0);
    }

    @Inject
    EntityManager em;

    @Transactional
    void markAsAnalysedBy(UUID id, String version) {
        em.createNativeQuery("UPDATE article SET analyzer_version = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, version).executeUpdate();
    }

    @Transactional
    String analyzerVersion(UUID id) {
        return Article.<Article>findById(id).analyzerVersion;
    }

    @Test
    void articleFromAnOlderAnalyzerIsReanalysedOnceWhenDeliveredAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        UUID uuid = UUID.fromString(id);
        KafkaTestClient.send("articles.raw", id, raw(id, "Mise à jour"));
        await().atMost(Duration.ofSeconds(90)).until(() -> articles(uuid) == 1);
        long mentionsBefore = mentions(uuid);
        markAsAnalysedBy(uuid, "verbatim-fr-0");

        KafkaTestClient.send("articles.raw", id, raw(id, "Mise à jour"));
        await().atMost(Duration.ofSeconds(90)).until(() -> Analysis.ANALYZER_VERSION.equals(analyzerVersion(uuid)));
        assertEquals(1, articles(uuid));
        assertEquals(1, quotes(uuid).size());
        assertEquals(mentionsBefore, mentions(uuid));
    }

    @Test
    void invalidJsonGoesToTheDeadLetterTopicWithItsReason() throws Exception {
        String key = UUID.randomUUID().toString();
        KafkaTestClient.send("articles.raw", key, "{not json");
        ConsumerRecord<String, String> dead = KafkaTestClient.first("articles.dlq", key, Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("poison record not in articles.dlq"));
        assertEquals("{not json", dead.value());
        assertTrue(header(dead, "dead-letter-reason").contains("not a raw-article JSON record"),
                header(dead, "dead-letter-reason"));
    }

    @Test
    void unknownSchemaVersionGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() throws Exception {
        String poison = UUID.randomUUID().toString();
        KafkaTestClient.send("articles.raw", poison, JSON.writeValueAsString(Map.of("schemaVersion", 99, "id", poison)));
        String next = UUID.randomUUID().toString();
        KafkaTestClient.send("articles.raw", next, raw(next, "Après le poison"));

        ConsumerRecord<String, String> dead = KafkaTestClient.first("articles.dlq", poison, Duration.ofSeconds(60))
                .orElseThrow();
        assertTrue(header(dead, "dead-letter-reason").contains("unsupported schemaVersion 99"));
        await().atMost(Duration.ofSeconds(90)).until(() -> articles(UUID.fromString(next)) == 1);
    }

    @Test
    void fiveMegabyteBodyGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() throws Exception {
        String poison = UUID.randomUUID().toString();
        String huge = JSON.writeValueAsString(Map.of("schemaVersion", 1, "id", poison, "title", "Énorme",
                "body", "Le conseil municipal a délibéré. ".repeat(160_000), "source", "Test", "language", "fr",
                "authors", List.of(), "receivedAt", "2025-06-12T12:00:00Z"));
        assertTrue(huge.length() > 5_000_000);
        KafkaTestClient.send("articles.raw", poison, huge);
        String next = UUID.randomUUID().toString();
        KafkaTestClient.send("articles.raw", next, raw(next, "Après le gros poison"));

        ConsumerRecord<String, String> dead = KafkaTestClient.first("articles.dlq", poison, Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("5 MB record not in articles.dlq"));
        assertTrue(header(dead, "dead-letter-reason").contains("body"), header(dead, "dead-letter-reason"));
        assertEquals(huge.length(), dead.value().length());
        await().atMost(Duration.ofSeconds(90)).until(() -> articles(UUID.fromString(next)) == 1);
        assertEquals(0, articles(UUID.fromString(poison)));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}

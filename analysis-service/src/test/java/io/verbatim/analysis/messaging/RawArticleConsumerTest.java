package io.verbatim.analysis.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.verbatim.analysis.persistence.Article;
import io.verbatim.analysis.persistence.ArticleQuote;
import io.verbatim.analysis.persistence.EntityMention;
import io.verbatim.engine.lang.fr.French;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
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
        return raw(id, title, BODY);
    }

    private static String raw(String id, String title, String body) throws Exception {
        return JSON.writeValueAsString(Map.of("schemaVersion", 1, "id", id, "title", title, "body", body,
                "source", "Test", "language", "fr", "languageSource", "detected", "authors", List.of("Rédaction"),
                "receivedAt", "2025-06-12T12:00:00Z"));
    }

    /**
     * Sends an ordinary article to the partition and waits until it is stored: records of a partition are
     * processed in order, so every record sent to it before has been processed by then.
     */
    private void drain(int partition) throws Exception {
        String marker = UUID.randomUUID().toString();
        KafkaTestClient.send("articles.raw", partition, marker, raw(marker, "Marqueur"));
        await().atMost(Duration.ofSeconds(90)).until(() -> articles(UUID.fromString(marker)) == 1);
        KafkaTestClient.first("articles.tagged", marker, Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("marker " + marker + " not published"));
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
        assertEquals("fr", event.get("article").get("language").asText());
        assertEquals("detected", event.get("article").get("languageSource").asText());
        JsonNode quote = event.get("quotes").get(0);
        assertEquals("Nous avons tiré les leçons de l'hiver dernier", quote.get("text").asText());
        assertEquals("Anne Girardin", quote.get("speaker").get("name").asText());
        assertEquals("déclarer", quote.get("cue").asText());
        assertEquals(BODY.substring(quote.get("start").asInt(), quote.get("end").asInt()), quote.get("text").asText());

        UUID uuid = UUID.fromString(id);
        assertEquals(1, articles(uuid));
        assertEquals(1, quotes(uuid).size());
        assertEquals(quote.get("speaker").get("id").asLong(), quotes(uuid).get(0).speakerEntityId);
        assertEquals("detected", article(uuid).languageSource);
    }

    @Test
    void anArticleInALanguageThisInstanceDoesNotLoadIsDeadLetteredAndTheConsumerCarriesOn() throws Exception {
        String german = UUID.randomUUID().toString();
        KafkaTestClient.send("articles.raw", german, JSON.writeValueAsString(Map.of("schemaVersion", 1, "id", german,
                "title", "Hochwasser", "body", "„Wir haben aus dem letzten Winter gelernt“, sagte die Präfektin.",
                "language", "de", "languageSource", "given", "authors", List.of(), "receivedAt", "2025-06-12T12:00:00Z")));
        String next = UUID.randomUUID().toString();
        KafkaTestClient.send("articles.raw", next, raw(next, "Après l'article en allemand"));

        ConsumerRecord<String, String> dead = KafkaTestClient.first("articles.dlq", german, Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("German article not in articles.dlq"));
        assertTrue(header(dead, "dead-letter-reason").startsWith("invalid: no analyzer for language 'de': this instance"
                + " loads ["), header(dead, "dead-letter-reason"));
        await().atMost(Duration.ofSeconds(90)).until(() -> articles(UUID.fromString(next)) == 1);
        assertEquals(0, articles(UUID.fromString(german)));
    }

    @Transactional
    Article article(UUID id) {
        return Article.findById(id);
    }

    @Test
    void redeliveryOrDuplicateSubmissionChangesNothingAndPublishesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        UUID uuid = UUID.fromString(id);
        int partition = KafkaTestClient.send("articles.raw", id, raw(id, "Deux fois"));
        await().atMost(Duration.ofSeconds(90)).until(() -> articles(uuid) == 1);
        long mentionsBefore = mentions(uuid);

        KafkaTestClient.send("articles.raw", id, raw(id, "Deux fois"));
        KafkaTestClient.send("articles.raw", id, raw(id, "Autre titre", "Un tout autre texte, « sans rapport », a dit Paul Martin."));
        drain(partition);

        assertEquals(1, articles(uuid));
        assertEquals("Deux fois", article(uuid).title);
        assertEquals(BODY, article(uuid).body);
        assertEquals(1, quotes(uuid).size());
        assertEquals(mentionsBefore, mentions(uuid));
        assertTrue(mentionsBefore > 0);
        // The one event is the stored article's; the same analyzer had nothing new to say.
        List<ConsumerRecord<String, String>> tagged = KafkaTestClient.all("articles.tagged", id, 2, Duration.ofSeconds(10));
        assertEquals(1, tagged.size());
        assertEquals("Deux fois", JSON.readTree(tagged.get(0).value()).get("article").get("title").asText());
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
    void aNewerAnalyzerReplacesContentAndAnalysisTogether() throws Exception {
        String id = UUID.randomUUID().toString();
        UUID uuid = UUID.fromString(id);
        KafkaTestClient.send("articles.raw", id, raw(id, "Mise à jour"));
        await().atMost(Duration.ofSeconds(90)).until(() -> articles(uuid) == 1);
        markAsAnalysedBy(uuid, "verbatim-fr-0");

        String newBody = "Le maire de Lyon Marc Petit a inauguré le pont.\n\n« Le chantier est fini », a déclaré M. Petit.";
        KafkaTestClient.send("articles.raw", id, raw(id, "Mise à jour corrigée", newBody));
        await().atMost(Duration.ofSeconds(90)).until(() -> French.LANGUAGE.analyzerVersion().equals(analyzerVersion(uuid)));
        Article stored = article(uuid);
        assertEquals("Mise à jour corrigée", stored.title);
        assertEquals(newBody, stored.body);
        List<ArticleQuote> quotes = quotes(uuid);
        assertEquals(1, quotes.size());
        assertEquals(quotes.get(0).text, newBody.substring(quotes.get(0).start, quotes.get(0).end));
        assertEquals("Le chantier est fini", quotes.get(0).text);

        List<ConsumerRecord<String, String>> tagged = KafkaTestClient.all("articles.tagged", id, 2, Duration.ofSeconds(60));
        assertEquals(2, tagged.size());
        JsonNode latest = JSON.readTree(tagged.get(1).value());
        assertEquals(newBody, latest.get("article").get("body").asText());
        assertEquals("Le chantier est fini", latest.get("quotes").get(0).get("text").asText());
    }

    @Test
    void anOlderAnalyzerNeverReplacesANewerAnalysis() throws Exception {
        String id = UUID.randomUUID().toString();
        UUID uuid = UUID.fromString(id);
        int partition = KafkaTestClient.send("articles.raw", id, raw(id, "Déjà analysé"));
        await().atMost(Duration.ofSeconds(90)).until(() -> articles(uuid) == 1);
        markAsAnalysedBy(uuid, "verbatim-fr-1000000");

        KafkaTestClient.send("articles.raw", id, raw(id, "Réécrit", "Un autre texte, « différent », a dit Paul Martin."));
        drain(partition);
        assertEquals("verbatim-fr-1000000", analyzerVersion(uuid));
        assertEquals("Déjà analysé", article(uuid).title);
        assertEquals(BODY, article(uuid).body);
        assertEquals(1, KafkaTestClient.all("articles.tagged", id, 2, Duration.ofSeconds(10)).size());
    }

    @Test
    void anArticlePastTheTimeBudgetIsDeadLetteredAndTheNextOneOnItsPartitionFollows() throws Exception {
        String slow = UUID.randomUUID().toString();
        // About 200,000 tokens: far more than the test budget (application.properties) for any engine.
        String body = "Le conseil municipal de Lille a voté le budget annexe des transports ce jeudi soir. ".repeat(12_000);
        int partition = KafkaTestClient.send("articles.raw", slow, raw(slow, "Très long", body));
        String next = UUID.randomUUID().toString();
        KafkaTestClient.send("articles.raw", partition, next, raw(next, "Après le très long"));

        ConsumerRecord<String, String> dead = KafkaTestClient.first("articles.dlq", slow, Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("slow article not in articles.dlq"));
        assertTrue(header(dead, "dead-letter-reason").startsWith("timeout: "), header(dead, "dead-letter-reason"));
        await().atMost(Duration.ofSeconds(90)).until(() -> articles(UUID.fromString(next)) == 1);
        assertEquals(0, articles(UUID.fromString(slow)));
        // In order: the article behind it waited for its verdict.
        assertTrue(article(UUID.fromString(next)).analyzedAt.toEpochMilli() >= dead.timestamp(),
                "the next article was stored before the slow one was dead-lettered");
    }

    /** Health lives on the management interface, a port of its own. */
    private static RequestSpecification management() {
        return given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
    }

    @Transactional
    void execute(String sql) {
        em.createNativeQuery(sql).executeUpdate();
    }

    @Test
    void aMigrationMistakeIsWaitedOutNotDeadLettered() throws Exception {
        execute("ALTER TABLE tagged_outbox RENAME TO tagged_outbox_away");
        String id = UUID.randomUUID().toString();
        try {
            KafkaTestClient.send("articles.raw", id, raw(id, "Pendant la panne"));
            // SQL state 42P01 (no such table): retried, and readiness says why.
            await().atMost(Duration.ofSeconds(60)).until(() -> management().get("/q/health/ready").statusCode() == 503);
            assertTrue(management().get("/q/health/ready").body().asString().contains("tagged_outbox"));
        } finally {
            execute("ALTER TABLE tagged_outbox_away RENAME TO tagged_outbox");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> articles(UUID.fromString(id)) == 1);
        KafkaTestClient.first("articles.tagged", id, Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("not published after the table came back"));
        assertTrue(KafkaTestClient.first("articles.dlq", id, Duration.ofSeconds(5)).isEmpty());
        await().atMost(Duration.ofSeconds(60)).until(() -> management().get("/q/health/ready").statusCode() == 200);
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

package io.verbatim.analysis.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.engine.lang.fr.French;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statements from articles as they arrive, on the real broker and database: one dispatch republished by three
 * outlets with the edits agency copy gets, analysed by the engine and stored, is one statement per quote; a
 * re-analysis keeps the statements' ids. The dispatch and its copies were written for this test.
 */
@QuarkusTest
class StatementGroupingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String AGENCY = """
            La présidente du conseil départemental de la Drôme, Martine Vasseur, a annoncé mardi à Valence un fonds \
            d’urgence de 40 millions d’euros pour les communes sinistrées.

            « Aucune famille ne sera laissée seule face aux dégâts, nous serons là jusqu’au bout », a déclaré \
            Mme Vasseur devant les maires du département.

            Les pluies de la semaine dernière ont inondé plus de 3 000 foyers entre Valence et Montélimar.

            « L’État doit prendre sa part, et vite », a ajouté Martine Vasseur.

            Le préfet de la Drôme, Olivier Branchu, a promis que les dossiers d’indemnisation seraient traités en \
            priorité.""";

    /** A new lead, the facts paragraph cut, straight apostrophes. */
    private static final String WEEKLY = """
            Quarante millions d'euros pour les communes sinistrées : c'est le fonds d'urgence que Martine Vasseur, \
            présidente du conseil départemental de la Drôme, a présenté mardi à Valence.

            « Aucune famille ne sera laissée seule face aux dégâts, nous serons là jusqu'au bout », a déclaré \
            Mme Vasseur devant les maires du département.

            « L'État doit prendre sa part, et vite », a ajouté Martine Vasseur.

            Le préfet de la Drôme, Olivier Branchu, a promis que les dossiers d'indemnisation seraient traités en \
            priorité.""";

    /** The first quote trimmed to its first clause. */
    private static final String RADIO = """
            La présidente du conseil départemental de la Drôme, Martine Vasseur, a annoncé mardi à Valence un fonds \
            d’urgence de 40 millions d’euros pour les communes sinistrées.

            « Aucune famille ne sera laissée seule face aux dégâts », a déclaré Mme Vasseur devant les maires du \
            département.

            « L’État doit prendre sa part, et vite », a ajouté Martine Vasseur.

            Le préfet de la Drôme, Olivier Branchu, a promis que les dossiers d’indemnisation seraient traités en \
            priorité.""";

    @Inject
    EntityManager em;

    private static String raw(String id, String title, String body, String source, String publishedAt) throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.putAll(Map.of("schemaVersion", 1, "id", id, "title", title, "body", body, "source", source,
                "language", "fr", "authors", List.of(), "receivedAt", "2025-03-11T10:00:00Z"));
        raw.put("publishedAt", publishedAt);
        return JSON.writeValueAsString(raw);
    }

    /** Posts the article and returns its quotes as published on articles.tagged (the n-th event of it). */
    private static JsonNode tagged(String id, String raw, int events) throws Exception {
        KafkaTestClient.send("articles.raw", id, raw);
        List<ConsumerRecord<String, String>> records = KafkaTestClient.all("articles.tagged", id, events, Duration.ofSeconds(90));
        assertEquals(events, records.size(), "events of " + id);
        return JSON.readTree(records.get(events - 1).value()).get("quotes");
    }

    /** The statement of each quote with a speaker, by the quote's text. */
    private static Map<String, Long> statements(JsonNode quotes) {
        Map<String, Long> statements = new LinkedHashMap<>();
        quotes.forEach(q -> {
            if (!q.get("speaker").isNull()) {
                assertTrue(q.get("statementId").isIntegralNumber(), "a quote with a speaker has a statement: " + q);
                statements.put(q.get("text").asText(), q.get("statementId").asLong());
            } else {
                assertTrue(q.get("statementId").isNull(), q.toString());
            }
        });
        return statements;
    }

    @Transactional
    Object[] statement(long id) {
        return (Object[]) em.createNativeQuery("SELECT s.text, s.article_count, s.first_article_id, a.source FROM statement s"
                + " JOIN article a ON a.id = s.first_article_id WHERE s.id = ?1").setParameter(1, id).getSingleResult();
    }

    @Transactional
    UUID story(String article) {
        return (UUID) em.createNativeQuery("SELECT coalesce(story_id, id) FROM article WHERE id = ?1")
                .setParameter(1, UUID.fromString(article)).getSingleResult();
    }

    @Transactional
    void markAsAnalysedBy(String id, String version) {
        em.createNativeQuery("UPDATE article SET analyzer_version = ?2 WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).setParameter(2, version).executeUpdate();
    }

    @Test
    void oneDispatchRepublishedByThreeOutletsIsOneStatementPerQuoteAndStaysSoWhenAnalysedAgain() throws Exception {
        String agency = UUID.randomUUID().toString();
        String weekly = UUID.randomUUID().toString();
        String radio = UUID.randomUUID().toString();
        String weeklyRaw = raw(weekly, "Drôme : le département débloque 40 millions après les inondations", WEEKLY,
                "La Tribune drômoise", "2025-03-11T08:40:00Z");
        // The weekly's copy is stored first; the agency published first.
        Map<String, Long> ofWeekly = statements(tagged(weekly, weeklyRaw, 1));
        Map<String, Long> ofAgency = statements(tagged(agency, raw(agency,
                "Crues dans la Drôme : un fonds d’urgence de 40 millions d’euros", AGENCY, "AFP", "2025-03-11T08:00:00Z"), 1));
        Map<String, Long> ofRadio = statements(tagged(radio, raw(radio, "Inondations : Martine Vasseur promet d’aider chaque famille",
                RADIO, "Radio Valence", "2025-03-11T09:15:00Z"), 1));

        // Two quotes by Martine Vasseur, one by the prefect: three statements, each reported by the three.
        assertEquals(3, ofAgency.size(), "quotes with a speaker in the dispatch: " + ofAgency);
        assertEquals(3, new HashSet<>(ofAgency.values()).size());
        assertEquals(new HashSet<>(ofAgency.values()), new HashSet<>(ofWeekly.values()));
        assertEquals(new HashSet<>(ofAgency.values()), new HashSet<>(ofRadio.values()));
        for (Map.Entry<String, Long> quote : ofAgency.entrySet()) {
            Object[] statement = statement(quote.getValue());
            assertEquals(3, ((Number) statement[1]).intValue(), quote.getKey());
            assertEquals(UUID.fromString(agency), statement[2], "first reported by the agency: " + quote.getKey());
            assertEquals("AFP", statement[3]);
            // The radio's excerpt joined the full quote, which the statement shows.
            assertEquals(quote.getKey(), statement[0]);
        }
        String excerpt = "Aucune famille ne sera laissée seule face aux dégâts";
        assertNotNull(ofRadio.get(excerpt), "the radio's excerpt is a quote: " + ofRadio);
        assertEquals(ofAgency.get(excerpt + ", nous serons là jusqu’au bout"), ofRadio.get(excerpt));
        assertEquals(story(weekly), story(agency));
        assertEquals(story(weekly), story(radio));

        // The weekly's copy analysed again by a newer analyzer: its quotes are replaced, their statements stay.
        markAsAnalysedBy(weekly, "verbatim-fr-0");
        Map<String, Long> again = statements(tagged(weekly, weeklyRaw, 2));
        assertEquals(ofWeekly, again);
        assertEquals(French.LANGUAGE.analyzerVersion(), analyzerVersion(weekly));
        for (long id : new ArrayList<>(ofAgency.values())) {
            assertEquals(3, ((Number) statement(id)[1]).intValue());
        }
        assertEquals(story(weekly), story(agency));
        Set<Long> all = new HashSet<>(ofAgency.values());
        all.addAll(again.values());
        assertEquals(3, all.size());
    }

    @Transactional
    String analyzerVersion(String id) {
        return (String) em.createNativeQuery("SELECT analyzer_version FROM article WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult();
    }
}

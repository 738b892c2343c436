package io.verbatim.query.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Writes an analysed article the way analysis-service stores it, for query tests only (query-service itself
 * never writes): quotes are grouped into statements by the schema's own function, as analysis-service's store does.
 * Each call uses fresh names so tests do not see each other's rows.
 */
@ApplicationScoped
public class Fixtures {

    @Inject
    EntityManager em;

    public record Stored(UUID articleId, long speakerId, long placeId, String speakerName, String source) {
    }

    static final String BODY = "La ministre Claire Morel a visité Lyon.\n\n« Nous tiendrons nos engagements », a déclaré Mme Morel.";

    @Transactional
    public Stored article(String title, String publishedAt) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String speaker = "Claire Morel " + run;
        String source = "Source " + run;
        long speakerId = entity("PER:claire morel " + run, speaker, "PER");
        long placeId = entity("LOC:lyon " + run, "Lyon " + run, "LOC");
        em.createNativeQuery("INSERT INTO entity_alias (entity_id, alias) VALUES (?1, ?2)")
                .setParameter(1, speakerId).setParameter(2, "Morel " + run).executeUpdate();
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO article (id, title, body, source, language, published_at, received_at,"
                        + " analyzer_version, token_count) VALUES (?1, ?2, ?3, ?4, 'fr', CAST(?5 AS timestamptz), now(),"
                        + " 'test', 20)")
                .setParameter(1, id).setParameter(2, title).setParameter(3, BODY).setParameter(4, source)
                .setParameter(5, publishedAt).executeUpdate();
        mention(id, speakerId, 12, 24, "Claire Morel", "PER");
        mention(id, placeId, 34, 38, "Lyon", "LOC");
        mention(id, speakerId, 91, 96, "Morel", "PER");
        em.createNativeQuery("INSERT INTO quote (article_id, start_offset, end_offset, text, type, cue, speaker_entity_id,"
                        + " speaker_mention_start, speaker_mention_end, speaker_mention_text, speaker_descriptor, confidence)"
                        + " VALUES (?1, 43, 73, 'Nous tiendrons nos engagements', 'direct', 'déclarer', ?2, 87, 96,"
                        + " 'Mme Morel', 'ministre', 0.9)")
                .setParameter(1, id).setParameter(2, speakerId).executeUpdate();
        groupStatements(id);
        return new Stored(id, speakerId, placeId, speaker, source);
    }

    /**
     * An article as written (title, body), with one quote (a part of the body) by an entity known by a name and
     * an alias; the source is fresh, so a search filtered on it sees this article alone.
     */
    @Transactional
    public Stored written(String title, String body, String quote, String name, String alias) {
        return written(title, body, quote, name, alias, "fr");
    }

    /** {@link #written(String, String, String, String, String)} in a language (ISO 639-1). */
    @Transactional
    public Stored written(String title, String body, String quote, String name, String alias, String language) {
        String source = "Source " + UUID.randomUUID();
        long speakerId = entity("PER:" + UUID.randomUUID(), name, "PER");
        em.createNativeQuery("INSERT INTO entity_alias (entity_id, alias) VALUES (?1, ?2)")
                .setParameter(1, speakerId).setParameter(2, alias).executeUpdate();
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO article (id, title, body, source, language, published_at, received_at,"
                        + " analyzer_version, token_count) VALUES (?1, ?2, ?3, ?4, ?5, now(), now(), 'test', 40)")
                .setParameter(1, id).setParameter(2, title).setParameter(3, body).setParameter(4, source)
                .setParameter(5, language).executeUpdate();
        int start = body.indexOf(quote);
        em.createNativeQuery("INSERT INTO quote (article_id, start_offset, end_offset, text, type, cue, speaker_entity_id,"
                        + " speaker_descriptor, confidence) VALUES (?1, ?2, ?3, ?4, 'direct', 'déclarer', ?5, 'ministre', 0.9)")
                .setParameter(1, id).setParameter(2, start).setParameter(3, start + quote.length())
                .setParameter(4, quote).setParameter(5, speakerId).executeUpdate();
        groupStatements(id);
        return new Stored(id, speakerId, 0, name, source);
    }

    /**
     * An article in a language (ISO 639-1) that ingest-service detected, quoting and naming the speaker of
     * {@code speaker} (its name ends the body); the source is fresh.
     */
    @Transactional
    public Stored detectedQuoting(Stored speaker, String title, String body, String quote, String language) {
        String source = "Source " + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO article (id, title, body, source, language, language_source, published_at,"
                        + " received_at, analyzer_version, token_count) VALUES (?1, ?2, ?3, ?4, ?5, 'detected', now(),"
                        + " now(), 'test', 40)")
                .setParameter(1, id).setParameter(2, title).setParameter(3, body).setParameter(4, source)
                .setParameter(5, language).executeUpdate();
        int start = body.indexOf(quote);
        em.createNativeQuery("INSERT INTO quote (article_id, start_offset, end_offset, text, type, cue, speaker_entity_id,"
                        + " speaker_descriptor, confidence) VALUES (?1, ?2, ?3, ?4, 'direct', 'say', ?5, 'minister', 0.9)")
                .setParameter(1, id).setParameter(2, start).setParameter(3, start + quote.length())
                .setParameter(4, quote).setParameter(5, speaker.speakerId()).executeUpdate();
        int named = body.lastIndexOf(speaker.speakerName());
        mention(id, speaker.speakerId(), named, named + speaker.speakerName().length(), speaker.speakerName(), "PER");
        groupStatements(id);
        return new Stored(id, speaker.speakerId(), 0, speaker.speakerName(), source);
    }

    /** An article with this body and nothing found in it. */
    @Transactional
    public UUID plainArticle(String title, String body, String source) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO article (id, title, body, source, language, published_at, received_at,"
                        + " analyzer_version, token_count) VALUES (?1, ?2, ?3, ?4, 'fr', now(), now(), 'test', 20)")
                .setParameter(1, id).setParameter(2, title).setParameter(3, body).setParameter(4, source).executeUpdate();
        return id;
    }

    /** Another quote of the article's speaker, described as given; start must differ from earlier quotes. */
    @Transactional
    public void quote(Stored a, int start, String text, String descriptor) {
        em.createNativeQuery("INSERT INTO quote (article_id, start_offset, end_offset, text, type, cue, speaker_entity_id,"
                        + " speaker_descriptor, confidence) VALUES (?1, ?2, ?3, ?4, 'indirect', 'estimer', ?5, ?6, 0.8)")
                .setParameter(1, a.articleId()).setParameter(2, start).setParameter(3, start + text.length())
                .setParameter(4, text).setParameter(5, a.speakerId()).setParameter(6, descriptor).executeUpdate();
        groupStatements(a.articleId());
    }

    /** count more quotes of the article's speaker, all saying text, after the article's own. */
    @Transactional
    public void quotes(Stored a, int count, String text) {
        em.createNativeQuery("INSERT INTO quote (article_id, start_offset, end_offset, text, type, cue, speaker_entity_id,"
                        + " speaker_descriptor, confidence) SELECT ?1, 1000 + 100 * i, 1000 + 100 * i + length(?2), ?2,"
                        + " 'indirect', 'estimer', ?3, 'ministre', 0.8 FROM generate_series(0, ?4 - 1) i")
                .setParameter(1, a.articleId()).setParameter(2, text).setParameter(3, a.speakerId())
                .setParameter(4, count).executeUpdate();
        groupStatements(a.articleId());
    }

    /** A new article in which the speaker of an earlier one is quoted once. */
    @Transactional
    public java.util.UUID articleQuoting(Stored speaker, String title, String publishedAt) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO article (id, title, body, source, language, published_at, received_at,"
                        + " analyzer_version, token_count) VALUES (?1, ?2, ?3, ?4, 'fr', CAST(?5 AS timestamptz), now(),"
                        + " 'test', 20)")
                .setParameter(1, id).setParameter(2, title).setParameter(3, BODY).setParameter(4, speaker.source())
                .setParameter(5, publishedAt).executeUpdate();
        em.createNativeQuery("INSERT INTO quote (article_id, start_offset, end_offset, text, type, cue, speaker_entity_id,"
                        + " speaker_descriptor, confidence) VALUES (?1, 43, 73, 'Nous tiendrons nos engagements', 'direct',"
                        + " 'déclarer', ?2, 'ministre', 0.9)")
                .setParameter(1, id).setParameter(2, speaker.speakerId()).executeUpdate();
        groupStatements(id);
        return id;
    }

    /** A re-analysis that finds no quote: the article's quotes go, and their statements are refreshed. */
    @Transactional
    public void deleteQuotes(UUID article) {
        List<?> statements = em.createNativeQuery("WITH dropped AS (DELETE FROM quote WHERE article_id = ?1"
                        + " RETURNING statement_id) SELECT DISTINCT statement_id FROM dropped WHERE statement_id IS NOT NULL")
                .setParameter(1, article).getResultList();
        em.createNativeQuery("SELECT count(*) FROM verbatim_group_statements(?1, CAST(?2 AS bigint[]))")
                .setParameter(1, article)
                .setParameter(2, statements.stream().map(id -> ((Number) id).longValue()).toArray(Long[]::new))
                .getSingleResult();
    }

    /** Names the other article's place in this article too. */
    @Transactional
    public void alsoNames(Stored a, Stored other) {
        mention(a.articleId(), other.placeId(), 0, 2, "La", "LOC");
    }

    /** A speaker entity of its own. */
    @Transactional
    public long speaker(String name) {
        return entity("PER:" + UUID.randomUUID(), name, "PER");
    }

    /** A quote of a speaker, as an article reports it. */
    public record Said(long speaker, String text) {
    }

    /**
     * An article of this source and date whose body is its quotes, one a paragraph, each by its speaker; grouped
     * into statements as analysis-service would.
     */
    @Transactional
    public UUID reporting(String source, String publishedAt, Said... quotes) {
        StringBuilder body = new StringBuilder();
        int[] starts = new int[quotes.length];
        for (int i = 0; i < quotes.length; i++) {
            body.append(i == 0 ? "« " : "\n\n« ");
            starts[i] = body.length();
            body.append(quotes[i].text()).append(" », a-t-on dit.");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO article (id, title, body, source, language, published_at, received_at,"
                        + " analyzer_version, token_count) VALUES (?1, ?2, ?3, ?4, 'fr', CAST(?5 AS timestamptz), now(),"
                        + " 'test', 40)")
                .setParameter(1, id).setParameter(2, "Dépêche de " + source).setParameter(3, body.toString())
                .setParameter(4, source).setParameter(5, publishedAt).executeUpdate();
        for (int i = 0; i < quotes.length; i++) {
            em.createNativeQuery("INSERT INTO quote (article_id, start_offset, end_offset, text, type, cue,"
                            + " speaker_entity_id, confidence) VALUES (?1, ?2, ?3, ?4, 'direct', 'dire', ?5, 0.9)")
                    .setParameter(1, id).setParameter(2, starts[i]).setParameter(3, starts[i] + quotes[i].text().length())
                    .setParameter(4, quotes[i].text()).setParameter(5, quotes[i].speaker()).executeUpdate();
        }
        groupStatements(id);
        return id;
    }

    private void groupStatements(UUID article) {
        em.createNativeQuery("SELECT count(*) FROM verbatim_group_statements(?1)").setParameter(1, article)
                .getSingleResult();
    }

    private long entity(String key, String name, String type) {
        return ((Number) em.createNativeQuery("INSERT INTO entity (normalized_key, name, type) VALUES (?1, ?2, ?3) RETURNING id")
                .setParameter(1, key).setParameter(2, name).setParameter(3, type).getSingleResult()).longValue();
    }

    private void mention(UUID article, long entity, int start, int end, String text, String type) {
        em.createNativeQuery("INSERT INTO mention (article_id, entity_id, start_offset, end_offset, text, type)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, article).setParameter(2, entity).setParameter(3, start).setParameter(4, end)
                .setParameter(5, text).setParameter(6, type).executeUpdate();
    }
}

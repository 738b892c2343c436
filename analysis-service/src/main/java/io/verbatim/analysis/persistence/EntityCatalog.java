package io.verbatim.analysis.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The entity table is shared by all articles and written concurrently: rows are upserted on their normalized key
 * (PostgreSQL ON CONFLICT), which Panache's persist cannot express. Callers upsert in key order to avoid deadlocks.
 */
@ApplicationScoped
public class EntityCatalog {

    @Inject
    EntityManager em;

    /** An entity already in the catalog: its id and the length of its name. */
    public record Known(long id, int nameLength) {
    }

    /** The entities already in the catalog among these keys, read in one query. */
    public Map<String, Known> known(Collection<String> normalizedKeys) {
        Map<String, Known> known = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT normalized_key, id, length(name) FROM entity WHERE normalized_key = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", normalizedKeys.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        known.put(rs.getString(1), new Known(rs.getLong(2), rs.getInt(3)));
                    }
                }
            }
        });
        return known;
    }

    /**
     * Creates the entity, or gives it this name if longer than the one it has; returns its id. Only for entities
     * that are new or named more fully: an upsert locks the row until the article's transaction ends, and every
     * article naming the same city or minister would then wait for the one before it.
     */
    public long insertOrLengthen(String normalizedKey, String name, String type) {
        Number id = (Number) em.createNativeQuery("""
                        INSERT INTO entity (normalized_key, name, type) VALUES (?1, ?2, ?3)
                        ON CONFLICT (normalized_key) DO UPDATE
                            SET name = CASE WHEN length(excluded.name) > length(entity.name) THEN excluded.name
                                            ELSE entity.name END
                        RETURNING id""")
                .setParameter(1, normalizedKey).setParameter(2, name).setParameter(3, type)
                .getSingleResult();
        return id.longValue();
    }

    /** Other names of entities, in one statement; sorted, so concurrent articles take the same locks in order. */
    public void addAliases(List<Map.Entry<Long, String>> aliases) {
        if (aliases.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, String>> sorted = aliases.stream()
                .sorted(Map.Entry.<Long, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .distinct().toList();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO entity_alias (entity_id, alias) SELECT * FROM unnest(?::bigint[], ?::text[])
                    ON CONFLICT DO NOTHING""")) {
                insert.setArray(1, connection.createArrayOf("int8", sorted.stream().map(Map.Entry::getKey).toArray()));
                insert.setArray(2, connection.createArrayOf("text", sorted.stream().map(Map.Entry::getValue).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** The analyzer version of a stored article, locking its row until the transaction ends; null if absent. */
    public String lockAnalyzerVersion(UUID articleId) {
        List<?> version = em.createNativeQuery("SELECT analyzer_version FROM article WHERE id = ?1 FOR UPDATE")
                .setParameter(1, articleId).getResultList();
        return version.isEmpty() ? null : (String) version.get(0);
    }

    /**
     * Replaces a stored article's content and drops its analysis (mentions, quotes), for the caller to insert
     * the new one: content and analysis change together. The rows go first, so that the triggers that date them
     * take the new article date. Returns the statements the dropped quotes were in, for the new quotes' grouping
     * to refresh.
     */
    @SuppressWarnings("unchecked")
    public List<Long> replaceArticle(Article article, String authorsJson) {
        em.createNativeQuery("DELETE FROM mention WHERE article_id = ?1").setParameter(1, article.id).executeUpdate();
        List<Long> statements = ((List<Number>) em.createNativeQuery(
                        "WITH dropped AS (DELETE FROM quote WHERE article_id = ?1 RETURNING statement_id)"
                                + " SELECT DISTINCT statement_id FROM dropped WHERE statement_id IS NOT NULL")
                .setParameter(1, article.id).getResultList()).stream().map(Number::longValue).toList();
        em.createNativeQuery("""
                        UPDATE article SET title = ?2, body = ?3, url = ?4, source = ?5, language = ?6, published_at = ?7,
                            authors = ARRAY(SELECT jsonb_array_elements_text(CAST(?8 AS jsonb))), received_at = ?9,
                            analyzed_at = ?10, analyzer_version = ?11, token_count = ?12, language_source = ?13
                        WHERE id = ?1""")
                .setParameter(1, article.id).setParameter(2, article.title).setParameter(3, article.body)
                .setParameter(4, article.url).setParameter(5, article.source).setParameter(6, article.language)
                .setParameter(7, article.publishedAt).setParameter(8, authorsJson).setParameter(9, article.receivedAt)
                .setParameter(10, article.analyzedAt).setParameter(11, article.analyzerVersion)
                .setParameter(12, article.tokenCount).setParameter(13, article.languageSource)
                .executeUpdate();
        return statements;
    }

    /** Inserts the article row unless a delivery before this one did; true when this call created it. */
    public boolean insertArticleIfAbsent(Article article, String authorsJson) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO article (id, title, body, url, source, language, published_at, authors, received_at,
                                             analyzed_at, analyzer_version, token_count, language_source)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ARRAY(SELECT jsonb_array_elements_text(CAST(?8 AS jsonb))), ?9,
                                ?10, ?11, ?12, ?13)
                        ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, article.id).setParameter(2, article.title).setParameter(3, article.body)
                .setParameter(4, article.url).setParameter(5, article.source).setParameter(6, article.language)
                .setParameter(7, article.publishedAt).setParameter(8, authorsJson).setParameter(9, article.receivedAt)
                .setParameter(10, article.analyzedAt).setParameter(11, article.analyzerVersion)
                .setParameter(12, article.tokenCount).setParameter(13, article.languageSource)
                .executeUpdate();
        return inserted == 1;
    }
}

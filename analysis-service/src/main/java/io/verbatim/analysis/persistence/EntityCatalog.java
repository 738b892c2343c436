package io.verbatim.analysis.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Collection;

/**
 * The entity table is shared by all articles and written concurrently: rows are upserted on their normalized key
 * (PostgreSQL ON CONFLICT), which Panache's persist cannot express. Callers upsert in key order to avoid deadlocks.
 */
@ApplicationScoped
public class EntityCatalog {

    @Inject
    EntityManager em;

    /**
     * The id of the entity with this key, created if new; the longest name seen becomes its name. An entity that
     * exists with a name as long is only read: an upsert would lock its row until the article's transaction
     * ends, and every article naming the same city or minister would then wait for the one before it.
     */
    public long upsert(String normalizedKey, String name, String type) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> known = em.createNativeQuery(
                        "SELECT id, length(name) FROM entity WHERE normalized_key = ?1")
                .setParameter(1, normalizedKey).getResultList();
        if (!known.isEmpty() && ((Number) known.get(0)[1]).intValue() >= name.length()) {
            return ((Number) known.get(0)[0]).longValue();
        }
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

    public void addAliases(long entityId, Collection<String> aliases) {
        for (String alias : aliases) {
            em.createNativeQuery("INSERT INTO entity_alias (entity_id, alias) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                    .setParameter(1, entityId).setParameter(2, alias).executeUpdate();
        }
    }

    /** The analyzer version of a stored article, locking its row until the transaction ends. */
    public String lockAnalyzerVersion(java.util.UUID articleId) {
        return (String) em.createNativeQuery("SELECT analyzer_version FROM article WHERE id = ?1 FOR UPDATE")
                .setParameter(1, articleId).getSingleResult();
    }

    /** Drops an article's analysis (mentions, quotes) and stamps the row with the analyzer that replaces it. */
    public void clearAnalysis(Article article) {
        em.createNativeQuery("DELETE FROM mention WHERE article_id = ?1").setParameter(1, article.id).executeUpdate();
        em.createNativeQuery("DELETE FROM quote WHERE article_id = ?1").setParameter(1, article.id).executeUpdate();
        em.createNativeQuery("UPDATE article SET analyzer_version = ?2, analyzed_at = ?3, token_count = ?4 WHERE id = ?1")
                .setParameter(1, article.id).setParameter(2, article.analyzerVersion)
                .setParameter(3, article.analyzedAt).setParameter(4, article.tokenCount).executeUpdate();
    }

    /** Inserts the article row unless a delivery before this one did; true when this call created it. */
    public boolean insertArticleIfAbsent(Article article, String authorsJson) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO article (id, title, body, url, source, language, published_at, authors, received_at,
                                             analyzed_at, analyzer_version, token_count)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ARRAY(SELECT jsonb_array_elements_text(CAST(?8 AS jsonb))), ?9,
                                ?10, ?11, ?12)
                        ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, article.id).setParameter(2, article.title).setParameter(3, article.body)
                .setParameter(4, article.url).setParameter(5, article.source).setParameter(6, article.language)
                .setParameter(7, article.publishedAt).setParameter(8, authorsJson).setParameter(9, article.receivedAt)
                .setParameter(10, article.analyzedAt).setParameter(11, article.analyzerVersion)
                .setParameter(12, article.tokenCount)
                .executeUpdate();
        return inserted == 1;
    }
}

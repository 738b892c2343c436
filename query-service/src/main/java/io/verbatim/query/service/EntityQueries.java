package io.verbatim.query.service;

import io.verbatim.query.persistence.NamedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Entities across articles: searchable list with mention counts, and one entity with where it appears. */
@ApplicationScoped
public class EntityQueries {

    static final Set<String> TYPES = Set.of("PER", "ORG", "LOC", "MISC");
    private static final int DETAIL_LIMIT = 50;

    @Inject
    EntityManager em;

    @Inject
    QuoteQueries quotes;

    public record EntitySummary(long id, String name, String type, long mentions, long articles, long quotes) {
    }

    public record ArticleRef(UUID id, String title, OffsetDateTime date) {
    }

    public record EntityDetail(long id, String name, String type, List<String> aliases, long mentions,
                               List<ArticleRef> articles, List<QuoteQueries.QuoteWithArticle> quotes) {
    }

    public Page<EntitySummary> list(String type, String nameQuery, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        String normalizedType = null;
        if (type != null && !type.isBlank()) {
            normalizedType = type.toUpperCase(Locale.ROOT);
            if (!TYPES.contains(normalizedType)) {
                throw new BadParameterException("type", "must be one of PER, ORG, LOC, MISC");
            }
            where.append(" AND e.type = :type");
        }
        if (nameQuery != null && !nameQuery.isBlank()) {
            where.append(" AND (e.name ILIKE :name OR EXISTS (SELECT 1 FROM entity_alias al WHERE al.entity_id = e.id"
                    + " AND al.alias ILIKE :name))");
        }
        Query rows = em.createNativeQuery("SELECT e.id, e.name, e.type,"
                + " (SELECT count(*) FROM mention m WHERE m.entity_id = e.id),"
                + " (SELECT count(DISTINCT m.article_id) FROM mention m WHERE m.entity_id = e.id),"
                + " (SELECT count(*) FROM quote q WHERE q.speaker_entity_id = e.id)"
                + " FROM entity e" + where + " ORDER BY 4 DESC, e.id LIMIT :limit OFFSET :offset");
        Query count = em.createNativeQuery("SELECT count(*) FROM entity e" + where);
        for (Query q : List.of(rows, count)) {
            if (normalizedType != null) {
                q.setParameter("type", normalizedType);
            }
            if (nameQuery != null && !nameQuery.isBlank()) {
                q.setParameter("name", "%" + likeEscape(nameQuery.strip()) + "%");
            }
        }
        rows.setParameter("limit", page.size()).setParameter("offset", page.offset());
        List<EntitySummary> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new EntitySummary(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue()));
        }
        return new Page<>(items, page.page(), page.size(), ((Number) count.getSingleResult()).longValue());
    }

    public EntityDetail get(long id) {
        NamedEntity e = NamedEntity.findById(id);
        if (e == null) {
            throw new NotFoundException("entity", id);
        }
        long mentions = ((Number) em.createNativeQuery("SELECT count(*) FROM mention WHERE entity_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        List<ArticleRef> articles = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT a.id, a.title, coalesce(a.published_at, a.received_at) FROM article a"
                        + " WHERE EXISTS (SELECT 1 FROM mention m WHERE m.article_id = a.id AND m.entity_id = ?1)"
                        + " ORDER BY 3 DESC, a.id DESC LIMIT " + DETAIL_LIMIT)
                .setParameter(1, id).getResultList()) {
            Object[] r = (Object[]) row;
            articles.add(new ArticleRef((UUID) r[0], (String) r[1], ArticleQueries.toOffsetDateTime(r[2])));
        }
        List<QuoteQueries.QuoteWithArticle> said = quotes.list(id, null, new PageRequest(0, DETAIL_LIMIT)).items();
        return new EntityDetail(e.id, e.name, e.type, NamedEntity.aliasesOf(id), mentions, articles, said);
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

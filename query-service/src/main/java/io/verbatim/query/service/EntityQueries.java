package io.verbatim.query.service;

import io.verbatim.query.persistence.NamedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Entities across articles: searchable list, one entity with where it appears, the most named in a period,
 * who is named with whom, and mentions per day.
 */
@ApplicationScoped
public class EntityQueries {

    static final Set<String> TYPES = Set.of("PER", "ORG", "LOC", "MISC");
    private static final int DETAIL_LIMIT = 50;
    static final int CO_OCCURRENCE_ARTICLES = 500;

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

    /** An entity's weight in a period: mentions and distinct articles. */
    public record RankedEntity(long id, String name, String type, long mentions, long articles) {
    }

    /** Entities named in the same articles as another one; {@code sharedArticles} counts those articles. */
    public record CoOccurrence(long id, String name, String type, long sharedArticles) {
    }

    public record Day(LocalDate day, long mentions, long articles) {
    }

    public Page<EntitySummary> list(String type, String nameQuery, PageRequest page) {
        Sql sql = new Sql().and("e.type = :type", "type", type("type", type))
                // Compared as a reader types names: apostrophes, elisions, case and accents aside.
                .and("(verbatim_name_key(e.name) LIKE verbatim_name_key(:name) OR EXISTS (SELECT 1 FROM entity_alias al"
                        + " WHERE al.entity_id = e.id AND verbatim_name_key(al.alias) LIKE verbatim_name_key(:name)))", "name",
                        nameQuery == null || nameQuery.isBlank() ? null : "%" + likeEscape(nameQuery.strip()) + "%");
        Long total = page.first() ? sql.countUpTo(em, "FROM entity e" + sql.where(), Page.COUNT_CAP) : null;
        int offset = page.offset();
        List<EntitySummary> items = new ArrayList<>();
        for (Object row : sql.query(em, "SELECT e.id, e.name, e.type,"
                + " (SELECT count(*) FROM mention m WHERE m.entity_id = e.id),"
                + " (SELECT count(DISTINCT m.article_id) FROM mention m WHERE m.entity_id = e.id),"
                + " (SELECT count(*) FROM quote q WHERE q.speaker_entity_id = e.id)"
                + " FROM entity e" + sql.where() + " ORDER BY 4 DESC, e.id LIMIT " + page.fetch() + " OFFSET " + offset)
                .getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new EntitySummary(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue()));
        }
        return Page.of(items, page, e -> Cursor.after("offset", offset + page.size()), total);
    }

    public EntityDetail get(long id) {
        NamedEntity e = require(id);
        long mentions = ((Number) em.createNativeQuery("SELECT count(*) FROM mention WHERE entity_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        List<ArticleRef> articles = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT a.id, a.title, " + Sql.ARTICLE_DATE + " FROM"
                        + " (SELECT article_id, max(article_date) AS latest FROM mention WHERE entity_id = ?1"
                        + " GROUP BY article_id ORDER BY 2 DESC LIMIT " + DETAIL_LIMIT + ") m"
                        + " JOIN article a ON a.id = m.article_id ORDER BY 3 DESC, a.id DESC")
                .setParameter(1, id).getResultList()) {
            Object[] r = (Object[]) row;
            articles.add(new ArticleRef((UUID) r[0], (String) r[1], ArticleQueries.toOffsetDateTime(r[2])));
        }
        List<QuoteQueries.QuoteWithArticle> said = quotes.list(
                new QuoteQueries.Filter(id, null, null, null, null, null, null), new PageRequest(DETAIL_LIMIT, null)).items();
        return new EntityDetail(e.id, e.name, e.type, NamedEntity.aliasesOf(id), mentions, articles, said);
    }

    /** The most mentioned entities of a period, in the articles of {@code language} when given. */
    public Page<RankedEntity> top(Period period, String type, String language, PageRequest page) {
        Sql sql = new Sql().period("m.article_date", period).and("m.type = :type", "type", type("type", type))
                .and("m.article_id IN (SELECT a.id FROM article a WHERE a.language = :language)", "language", language);
        int offset = page.offset();
        List<RankedEntity> items = new ArrayList<>();
        for (Object row : sql.query(em, "SELECT e.id, e.name, e.type, t.mentions, t.articles FROM"
                + " (SELECT m.entity_id, count(*) AS mentions, count(DISTINCT m.article_id) AS articles"
                + " FROM mention m" + sql.where()
                + " GROUP BY m.entity_id ORDER BY 2 DESC, 1 LIMIT " + page.fetch() + " OFFSET " + offset
                + ") t JOIN entity e ON e.id = t.entity_id ORDER BY t.mentions DESC, e.id").getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new RankedEntity(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
        }
        return Page.of(items, page, e -> Cursor.after("offset", offset + page.size()), null);
    }

    /**
     * Entities named in the same articles as this one, by number of shared articles, over the entity's
     * {@value #CO_OCCURRENCE_ARTICLES} latest articles of the period (a city named daily would otherwise mean
     * reading every mention of years of news).
     */
    public Page<CoOccurrence> coOccurring(long id, Period period, String type, PageRequest page) {
        require(id);
        Sql within = new Sql().bind("id", id).period("article_date", period);
        Sql sql = new Sql().and("m.type = :type", "type", type("type", type)).and("m.entity_id <> :id");
        int offset = page.offset();
        List<CoOccurrence> items = new ArrayList<>();
        for (Object row : sql.merge(within).query(em, "SELECT e.id, e.name, e.type, t.shared FROM"
                + " (SELECT m.entity_id, count(DISTINCT m.article_id) AS shared FROM mention m"
                // As an array, the latest articles are probed in mention_article_entity_idx one by one; as a
                // joined subquery, the planner's guess of their number led it to read every mention.
                + sql.where() + " AND m.article_id = ANY (ARRAY(SELECT article_id FROM mention" + within.where()
                + " AND entity_id = :id GROUP BY article_id ORDER BY max(article_date) DESC LIMIT "
                + CO_OCCURRENCE_ARTICLES + ")) GROUP BY m.entity_id ORDER BY 2 DESC, 1 LIMIT " + page.fetch() + " OFFSET " + offset
                + ") t JOIN entity e ON e.id = t.entity_id ORDER BY t.shared DESC, e.id").getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new CoOccurrence(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    ((Number) r[3]).longValue()));
        }
        return Page.of(items, page, e -> Cursor.after("offset", offset + page.size()), null);
    }

    /** Mentions of an entity per day (UTC), days without mentions left out. */
    public List<Day> timeline(long id, Period period) {
        require(id);
        Sql sql = new Sql().and("m.entity_id = :id", "id", id).period("m.article_date", period);
        List<Day> days = new ArrayList<>();
        for (Object row : sql.query(em, "SELECT CAST(m.article_date AT TIME ZONE 'UTC' AS date), count(*),"
                + " count(DISTINCT m.article_id) FROM mention m" + sql.where()
                + " GROUP BY 1 ORDER BY 1").getResultList()) {
            Object[] r = (Object[]) row;
            days.add(new Day(toLocalDate(r[0]), ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return days;
    }

    NamedEntity require(long id) {
        NamedEntity e = NamedEntity.findById(id);
        if (e == null) {
            throw new NotFoundException("entity", id);
        }
        return e;
    }

    static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("unexpected date type " + value.getClass());
    }

    /** An entity type parameter, case-insensitive; null when absent. */
    public static String type(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String type = value.strip().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new BadParameterException(parameter, "must be one of PER, ORG, LOC, MISC");
        }
        return type;
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

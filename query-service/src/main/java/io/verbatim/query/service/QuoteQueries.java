package io.verbatim.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Quotes across articles, newest first: by speaker, by words they contain, by type and period. */
@ApplicationScoped
public class QuoteQueries {

    static final java.util.Set<String> TYPES = java.util.Set.of("direct", "mixed", "indirect");

    @Inject
    EntityManager em;

    @Inject
    TextSearch search;

    /** {@code language}: its article's, in which the quote is searched. */
    public record QuoteWithArticle(long id, String text, String type, String cue, ArticleQueries.EntityRef speaker,
                                   String speakerDescriptor, UUID articleId, String articleTitle, String language,
                                   OffsetDateTime date, int start, int end, double confidence, Long statementId) {
    }

    /**
     * Filters that combine; any may be null. text is full-text search in the quote itself, in its language (in
     * {@code language} only when given).
     */
    public record Filter(Long speaker, String text, String type, Period period, String source, Long entity,
                         String language) {
    }

    public Page<QuoteWithArticle> list(Filter filter, PageRequest page) {
        Sql sql = new Sql()
                .and("q.speaker_entity_id = :speaker", "speaker", filter.speaker())
                .and("q.language = :language", "language", filter.language())
                .and(search.matches("q.search_vector", "q.language", filter.language() != null), "text",
                        filter.text() == null || filter.text().isBlank() ? null : filter.text())
                .and("q.type = :type", "type", filter.type())
                .period("q.article_date", filter.period())
                .and("a.source = :source", "source", filter.source())
                .and("EXISTS (SELECT 1 FROM mention m WHERE m.article_id = a.id AND m.entity_id = :entity)", "entity",
                        filter.entity());
        // The article is joined only for the filters that need it, and for the page's rows at the end: a text
        // search may match tens of thousands of quotes, of which 21 are shown.
        boolean byArticle = filter.source() != null || filter.entity() != null;
        String from = "FROM quote q" + (byArticle ? " JOIN article a ON a.id = q.article_id" : "");
        // Words, a source or an entity may match few quotes: counted on every page, to choose the plan.
        boolean selective = byArticle || (filter.text() != null && !filter.text().isBlank());
        Long matching = page.first() || selective ? sql.countUpTo(em, from + sql.where(), Page.COUNT_CAP) : null;
        boolean few = selective && matching <= Page.COUNT_CAP;
        if (page.cursor() != null) {
            Cursor c = page.cursor().expect("quote", 2);
            sql.and("(q.article_date, q.id) < (:afterDate, :afterId)")
                    .bind("afterDate", c.time(0)).bind("afterId", c.number(1));
        }
        List<QuoteWithArticle> items = new ArrayList<>();
        for (Object row : sql.query(em, "SELECT q.id, q.text, q.type, q.cue, e.id, e.name, q.speaker_descriptor,"
                + " a.id, a.title, q.language, q.article_date, q.start_offset, q.end_offset, q.confidence, q.statement_id FROM quote q"
                + " JOIN (" + Sql.newestIds("q.id", "q.article_date", from + sql.where(), page.fetch(), few)
                + ") p ON p.id = q.id JOIN article a ON a.id = q.article_id"
                + " LEFT JOIN entity e ON e.id = q.speaker_entity_id ORDER BY q.article_date DESC, q.id DESC")
                .getResultList()) {
            Object[] r = (Object[]) row;
            ArticleQueries.EntityRef who = r[4] == null ? null
                    : new ArticleQueries.EntityRef(((Number) r[4]).longValue(), (String) r[5]);
            items.add(new QuoteWithArticle(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    who, (String) r[6], (UUID) r[7], (String) r[8], (String) r[9], ArticleQueries.toOffsetDateTime(r[10]),
                    ((Number) r[11]).intValue(), ((Number) r[12]).intValue(), ((Number) r[13]).doubleValue(),
                    r[14] == null ? null : ((Number) r[14]).longValue()));
        }
        return Page.of(items, page, q -> Cursor.after("quote", q.date(), q.id()), page.first() ? matching : null);
    }

    /** A quote type parameter, case-insensitive. */
    public static String type(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String type = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new BadParameterException(parameter, "must be one of direct, mixed, indirect");
        }
        return type;
    }
}

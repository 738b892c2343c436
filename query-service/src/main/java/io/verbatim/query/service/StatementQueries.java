package io.verbatim.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Statements: the quotes of one speaker that say the same thing, whichever articles reported them (grouped by
 * analysis-service when it stores an article; the rules are in its migration V9). Newest first, by the date of
 * their first report.
 */
@ApplicationScoped
public class StatementQueries {

    /** Reports shown with each statement of a list; a statement's own page has them all. */
    public static final int LISTED_QUOTES = 20;

    @Inject
    EntityManager em;

    @Inject
    TextSearch search;

    /** One report of the statement: where an article quotes it; {@code publishedAt} is the article's date. */
    public record Report(UUID articleId, int start, int end, String source, OffsetDateTime publishedAt) {
    }

    /**
     * {@code text} is its longest quote; {@code firstSeenAt} and {@code firstSource} the date and source of the
     * first article that reported it; {@code sources} the distinct sources in the order they reported it;
     * {@code quotes} its reports, oldest first ({@code quoteCount} of them in all).
     */
    public record StatementView(long id, String text, ArticleQueries.EntityRef speaker, OffsetDateTime firstSeenAt,
                                String firstSource, int articleCount, int quoteCount, List<String> sources,
                                List<Report> quotes) {
    }

    /**
     * Filters that combine; any may be null. The period is the date of the first report; text is full-text search
     * in the statement's text, in its language; source keeps the statements that source reported; language those
     * in that language (the language of the quote that made the statement).
     */
    public record Filter(Long speaker, String text, Period period, String source, String language) {
    }

    public Page<StatementView> list(Filter filter, PageRequest page) {
        boolean words = filter.text() != null && !filter.text().isBlank();
        Sql sql = new Sql()
                .and("s.speaker_entity_id = :speaker", "speaker", filter.speaker())
                .and("s.language = :language", "language", filter.language())
                .and(search.matches("s.search_vector", "s.language", filter.language() != null), "text",
                        words ? filter.text() : null)
                .period("s.first_seen_at", filter.period())
                .and("EXISTS (SELECT 1 FROM quote q JOIN article a ON a.id = q.article_id"
                        + " WHERE q.statement_id = s.id AND a.source = :source)", "source", filter.source());
        String from = "FROM statement s";
        // Words or a source may match few statements: counted on every page then, to choose the plan.
        boolean selective = words || filter.source() != null;
        Long matching = page.first() || selective ? sql.countUpTo(em, from + sql.where(), Page.COUNT_CAP) : null;
        boolean few = selective && matching <= Page.COUNT_CAP;
        if (page.cursor() != null) {
            Cursor c = page.cursor().expect("statement", 2);
            sql.and("(s.first_seen_at, s.id) < (:afterDate, :afterId)")
                    .bind("afterDate", c.time(0)).bind("afterId", c.number(1));
        }
        List<StatementView> items = statements(sql.query(em, select() + " JOIN ("
                + Sql.newestIds("s.id", "s.first_seen_at", from + sql.where(), page.fetch(), few)
                + ") p ON p.id = s.id ORDER BY s.first_seen_at DESC, s.id DESC").getResultList(), LISTED_QUOTES);
        return Page.of(items, page, s -> Cursor.after("statement", s.firstSeenAt(), s.id()),
                page.first() ? matching : null);
    }

    public StatementView get(long id) {
        List<StatementView> found = statements(em.createNativeQuery(select() + " WHERE s.id = ?1")
                .setParameter(1, id).getResultList(), Integer.MAX_VALUE);
        if (found.isEmpty()) {
            throw new NotFoundException("statement", id);
        }
        return found.get(0);
    }

    private static String select() {
        return "SELECT s.id, s.text, e.id AS speaker, e.name, s.first_seen_at, f.source, s.article_count, s.quote_count"
                + " FROM statement s JOIN entity e ON e.id = s.speaker_entity_id"
                + " LEFT JOIN article f ON f.id = s.first_article_id";
    }

    /** The statements of these rows, each with its sources and up to {@code reports} of its quotes. */
    private List<StatementView> statements(List<?> rows, int reports) {
        Map<Long, Object[]> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(((Number) ((Object[]) row)[0]).longValue(), (Object[]) row));
        Map<Long, List<String>> sources = new HashMap<>();
        Map<Long, List<Report>> quotes = new HashMap<>();
        if (!byId.isEmpty()) {
            List<Long> ids = List.copyOf(byId.keySet());
            for (Object row : em.createNativeQuery("SELECT q.statement_id, a.source FROM quote q"
                            + " JOIN article a ON a.id = q.article_id WHERE q.statement_id IN (?1) AND a.source IS NOT NULL"
                            + " GROUP BY 1, 2 ORDER BY 1, min(q.article_date), 2")
                    .setParameter(1, ids).getResultList()) {
                Object[] r = (Object[]) row;
                sources.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]);
            }
            // Oldest first, as the statement spread; one index probe per statement (quote_statement_idx).
            for (Object row : em.createNativeQuery("SELECT s.id, r.article_id, r.start_offset, r.end_offset, r.source,"
                            + " r.article_date FROM unnest(CAST(?1 AS bigint[])) s(id) CROSS JOIN LATERAL"
                            + " (SELECT q.article_id, q.start_offset, q.end_offset, a.source, q.article_date FROM quote q"
                            + " JOIN article a ON a.id = q.article_id WHERE q.statement_id = s.id"
                            + " ORDER BY q.article_date, q.id LIMIT ?2) r")
                    .setParameter(1, ids.toArray(Long[]::new)).setParameter(2, reports).getResultList()) {
                Object[] r = (Object[]) row;
                quotes.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                        .add(new Report((UUID) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue(),
                                (String) r[4], ArticleQueries.toOffsetDateTime(r[5])));
            }
        }
        List<StatementView> views = new ArrayList<>();
        byId.forEach((id, r) -> views.add(new StatementView(id, (String) r[1],
                new ArticleQueries.EntityRef(((Number) r[2]).longValue(), (String) r[3]),
                ArticleQueries.toOffsetDateTime(r[4]), (String) r[5], ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue(), sources.getOrDefault(id, List.of()), quotes.getOrDefault(id, List.of()))));
        return views;
    }
}

package io.verbatim.query.service;

import io.verbatim.query.persistence.NamedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is quoted: rankings over a period (by statements, with the raw count of quotes beside), and one speaker's
 * profile (descriptors over time, quotes per day).
 */
@ApplicationScoped
public class SpeakerQueries {

    @Inject
    EntityManager em;

    @Inject
    EntityQueries entities;

    /**
     * statements: what the speaker said first in the period, each once however many articles reported it (the
     * ranking's order); quotes: every quote in the period, copies of one dispatch included. latestDescriptor is
     * how the most recent article of the period introduced the speaker.
     */
    public record RankedSpeaker(long id, String name, String type, long statements, long quotes, long articles,
                                OffsetDateTime lastQuotedAt, String latestDescriptor) {
    }

    /** How articles described the speaker, with when this description was used. */
    public record Descriptor(String descriptor, long quotes, OffsetDateTime firstSeen, OffsetDateTime lastSeen) {
    }

    public record QuotesOnDay(LocalDate day, long quotes) {
    }

    public record SpeakerProfile(long id, String name, String type, List<String> aliases, long statements, long quotes,
                                 long articles, OffsetDateTime firstQuotedAt, OffsetDateTime lastQuotedAt,
                                 List<Descriptor> descriptors, List<QuotesOnDay> quotesPerDay) {
    }

    /**
     * Speakers by statements first reported in the period, then by quotes. Whole months inside the period come
     * from the monthly rollups (speaker_month, statement_month, kept by triggers); only the partial months at its
     * ends are counted from the quotes and statements themselves. The rollups count every language together: in one
     * {@code language}, everything is counted from the quotes and statements in it.
     */
    public Page<RankedSpeaker> ranking(Period period, String type, String language, PageRequest page) {
        String entityType = EntityQueries.type("type", type);
        OffsetDateTime from = period == null ? null : period.from();
        OffsetDateTime to = period == null ? null : period.to();
        OffsetDateTime wholeFrom = from == null ? null : ceilMonth(from);
        OffsetDateTime wholeTo = to == null ? null : floorMonth(to);
        boolean rollup = language == null && (wholeFrom == null || wholeTo == null || wholeFrom.isBefore(wholeTo));
        List<String> parts = new ArrayList<>();
        Sql sql = new Sql();
        if (language != null) {
            parts.add(rawCounts(inPeriod("q.article_date", from, to) + " AND q.language = :language"));
            parts.add(rawStatements(inPeriod("s.first_seen_at", from, to) + " AND s.language = :language"));
            sql.bind("language", language);
        } else if (rollup) {
            String months = (wholeFrom == null ? "" : " AND month >= CAST(:wholeFrom AS date)")
                    + (wholeTo == null ? "" : " AND month < CAST(:wholeTo AS date)");
            parts.add("SELECT speaker_entity_id, 0 AS statements, quotes, articles, last_quoted FROM speaker_month"
                    + " WHERE true" + months);
            parts.add("SELECT speaker_entity_id, statements, 0, 0, CAST(NULL AS timestamptz) FROM statement_month"
                    + " WHERE true" + months);
            boolean head = from != null && from.isBefore(wholeFrom);
            boolean tail = to != null && wholeTo.isBefore(to);
            if (head || tail) {
                String edges = "(" + (head ? "(%1$s >= :from AND %1$s < :wholeFrom)" : "") + (head && tail ? " OR " : "")
                        + (tail ? "(%1$s >= :wholeTo AND %1$s < :to)" : "") + ")";
                parts.add(rawCounts(String.format(edges, "q.article_date")));
                parts.add(rawStatements(String.format(edges, "s.first_seen_at")));
            }
            sql.bind("wholeFrom", wholeFrom == null ? null : wholeFrom.toLocalDate())
                    .bind("wholeTo", wholeTo == null ? null : wholeTo.toLocalDate());
        } else {
            parts.add(rawCounts("q.article_date >= :from AND q.article_date < :to"));
            parts.add(rawStatements("s.first_seen_at >= :from AND s.first_seen_at < :to"));
        }
        sql.bind("from", from).bind("to", to).and("e.type = :type", "type", entityType);
        int offset = page.offset();
        List<Object[]> rows = new ArrayList<>();
        for (Object row : sql.query(em, "SELECT e.id, e.name, e.type, t.statements, t.quotes, t.articles, t.last_quoted"
                        + " FROM (SELECT speaker_entity_id, sum(statements) AS statements, sum(quotes) AS quotes,"
                        + " sum(articles) AS articles, max(last_quoted) AS last_quoted FROM ("
                        + String.join(" UNION ALL ", parts) + ") p"
                        + " GROUP BY speaker_entity_id) t JOIN entity e ON e.id = t.speaker_entity_id" + sql.where()
                        + " ORDER BY t.statements DESC, t.quotes DESC, e.id LIMIT " + page.fetch() + " OFFSET " + offset)
                .getResultList()) {
            rows.add((Object[]) row);
        }
        Map<Long, String> descriptors = latestDescriptors(rows.stream().map(r -> ((Number) r[0]).longValue()).toList(),
                period, language);
        List<RankedSpeaker> items = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            items.add(new RankedSpeaker(id, (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ArticleQueries.toOffsetDateTime(r[6]),
                    descriptors.get(id)));
        }
        return Page.of(items, page, s -> Cursor.after("offset", offset + page.size()), null);
    }

    /** The condition that a date column is in the period, whichever of its ends are given. */
    private static String inPeriod(String dateColumn, OffsetDateTime from, OffsetDateTime to) {
        return "true" + (from == null ? "" : " AND " + dateColumn + " >= :from")
                + (to == null ? "" : " AND " + dateColumn + " < :to");
    }

    private static String rawCounts(String condition) {
        return "SELECT q.speaker_entity_id, 0 AS statements, count(*) AS quotes, count(DISTINCT q.article_id) AS articles,"
                + " max(q.article_date) AS last_quoted FROM quote q"
                + " WHERE q.speaker_entity_id IS NOT NULL AND " + condition + " GROUP BY 1";
    }

    private static String rawStatements(String condition) {
        return "SELECT s.speaker_entity_id, count(*), 0, 0, CAST(NULL AS timestamptz) FROM statement s WHERE "
                + condition + " GROUP BY 1";
    }

    static OffsetDateTime floorMonth(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
    }

    static OffsetDateTime ceilMonth(OffsetDateTime t) {
        OffsetDateTime floor = floorMonth(t);
        return floor.isEqual(t) ? floor : floor.plusMonths(1);
    }

    /** The speaker's profile over the period, from the quotes and statements in {@code language} when given. */
    public SpeakerProfile profile(long id, Period period, String language) {
        NamedEntity e = entities.require(id);
        Sql sql = new Sql().and("q.speaker_entity_id = :id", "id", id).period("q.article_date", period)
                .and("q.language = :language", "language", language);
        String from = " FROM quote q";
        Object[] totals = (Object[]) sql.query(em, "SELECT count(*), count(DISTINCT q.article_id),"
                + " min(q.article_date), max(q.article_date)" + from + sql.where()).getSingleResult();
        List<Descriptor> descriptors = new ArrayList<>();
        for (Object row : sql.query(em, "SELECT q.speaker_descriptor, count(*), min(q.article_date),"
                + " max(q.article_date)" + from + sql.where() + " AND q.speaker_descriptor IS NOT NULL"
                + " GROUP BY 1 ORDER BY 4 DESC LIMIT 50").getResultList()) {
            Object[] r = (Object[]) row;
            descriptors.add(new Descriptor((String) r[0], ((Number) r[1]).longValue(),
                    ArticleQueries.toOffsetDateTime(r[2]), ArticleQueries.toOffsetDateTime(r[3])));
        }
        Sql said = new Sql().and("s.speaker_entity_id = :id", "id", id).period("s.first_seen_at", period)
                .and("s.language = :language", "language", language);
        long statements = ((Number) said.query(em, "SELECT count(*) FROM statement s" + said.where())
                .getSingleResult()).longValue();
        List<QuotesOnDay> days = new ArrayList<>();
        for (Object row : sql.query(em, "SELECT CAST(q.article_date AT TIME ZONE 'UTC' AS date), count(*)"
                + from + sql.where() + " GROUP BY 1 ORDER BY 1").getResultList()) {
            Object[] r = (Object[]) row;
            days.add(new QuotesOnDay(EntityQueries.toLocalDate(r[0]), ((Number) r[1]).longValue()));
        }
        return new SpeakerProfile(e.id, e.name, e.type, NamedEntity.aliasesOf(id), statements, ((Number) totals[0]).longValue(),
                ((Number) totals[1]).longValue(), ArticleQueries.toOffsetDateTime(totals[2]),
                ArticleQueries.toOffsetDateTime(totals[3]), descriptors, days);
    }

    public void require(long id) {
        entities.require(id);
    }

    private Map<Long, String> latestDescriptors(List<Long> speakers, Period period, String language) {
        Map<Long, String> latest = new HashMap<>();
        if (speakers.isEmpty()) {
            return latest;
        }
        Sql sql = new Sql().period("q.article_date", period).and("q.speaker_descriptor IS NOT NULL")
                .and("q.language = :language", "language", language);
        // One index probe per speaker (quote_speaker_date_idx), newest first.
        sql.bind("speakers", speakers);
        for (Object row : sql.query(em, "SELECT s.id, d.speaker_descriptor FROM entity s"
                + " CROSS JOIN LATERAL (SELECT q.speaker_descriptor FROM quote q" + sql.where()
                + " AND q.speaker_entity_id = s.id ORDER BY q.article_date DESC, q.id DESC LIMIT 1) d"
                + " WHERE s.id IN (:speakers)").getResultList()) {
            Object[] r = (Object[]) row;
            latest.put(((Number) r[0]).longValue(), (String) r[1]);
        }
        return latest;
    }
}

package io.verbatim.query.service;

import io.verbatim.query.persistence.NamedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who is quoted: rankings over a period, and one speaker's profile (descriptors over time, quotes per day). */
@ApplicationScoped
public class SpeakerQueries {

    @Inject
    EntityManager em;

    @Inject
    EntityQueries entities;

    /** latestDescriptor is how the most recent article of the period introduced the speaker. */
    public record RankedSpeaker(long id, String name, String type, long quotes, long articles,
                                OffsetDateTime lastQuotedAt, String latestDescriptor) {
    }

    /** How articles described the speaker, with when this description was used. */
    public record Descriptor(String descriptor, long quotes, OffsetDateTime firstSeen, OffsetDateTime lastSeen) {
    }

    public record QuotesOnDay(LocalDate day, long quotes) {
    }

    public record SpeakerProfile(long id, String name, String type, List<String> aliases, long quotes, long articles,
                                 OffsetDateTime firstQuotedAt, OffsetDateTime lastQuotedAt,
                                 List<Descriptor> descriptors, List<QuotesOnDay> quotesPerDay) {
    }

    public Page<RankedSpeaker> ranking(Period period, String type, PageRequest page) {
        Sql sql = new Sql().period(period).and("q.speaker_entity_id IS NOT NULL");
        String entityType = EntityQueries.type("type", type);
        int offset = page.offset();
        List<Object[]> rows = new ArrayList<>();
        for (Object row : sql.and("e.type = :type", "type", entityType).query(em,
                "SELECT e.id, e.name, e.type, t.quotes, t.articles, t.last_quoted FROM"
                        + " (SELECT q.speaker_entity_id, count(*) AS quotes, count(DISTINCT q.article_id) AS articles,"
                        + " max(" + Sql.ARTICLE_DATE + ") AS last_quoted"
                        + " FROM quote q JOIN article a ON a.id = q.article_id"
                        + (entityType == null ? "" : " JOIN entity e ON e.id = q.speaker_entity_id") + sql.where()
                        + " GROUP BY q.speaker_entity_id ORDER BY 2 DESC, 1 LIMIT " + page.fetch() + " OFFSET " + offset
                        + ") t JOIN entity e ON e.id = t.speaker_entity_id ORDER BY t.quotes DESC, e.id")
                .getResultList()) {
            rows.add((Object[]) row);
        }
        Map<Long, String> descriptors = latestDescriptors(rows.stream().map(r -> ((Number) r[0]).longValue()).toList(),
                period);
        List<RankedSpeaker> items = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            items.add(new RankedSpeaker(id, (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(), ArticleQueries.toOffsetDateTime(r[5]), descriptors.get(id)));
        }
        return Page.of(items, page, s -> Cursor.after("offset", offset + page.size()), null);
    }

    public SpeakerProfile profile(long id, Period period) {
        NamedEntity e = entities.require(id);
        Sql sql = new Sql().and("q.speaker_entity_id = :id", "id", id).period(period);
        String from = " FROM quote q JOIN article a ON a.id = q.article_id";
        Object[] totals = (Object[]) sql.query(em, "SELECT count(*), count(DISTINCT q.article_id), min("
                + Sql.ARTICLE_DATE + "), max(" + Sql.ARTICLE_DATE + ")" + from + sql.where()).getSingleResult();
        List<Descriptor> descriptors = new ArrayList<>();
        for (Object row : sql.query(em, "SELECT q.speaker_descriptor, count(*), min(" + Sql.ARTICLE_DATE + "), max("
                + Sql.ARTICLE_DATE + ")" + from + sql.where() + " AND q.speaker_descriptor IS NOT NULL"
                + " GROUP BY 1 ORDER BY 4 DESC LIMIT 50").getResultList()) {
            Object[] r = (Object[]) row;
            descriptors.add(new Descriptor((String) r[0], ((Number) r[1]).longValue(),
                    ArticleQueries.toOffsetDateTime(r[2]), ArticleQueries.toOffsetDateTime(r[3])));
        }
        List<QuotesOnDay> days = new ArrayList<>();
        for (Object row : sql.query(em, "SELECT CAST(" + Sql.ARTICLE_DATE + " AT TIME ZONE 'UTC' AS date), count(*)"
                + from + sql.where() + " GROUP BY 1 ORDER BY 1").getResultList()) {
            Object[] r = (Object[]) row;
            days.add(new QuotesOnDay(EntityQueries.toLocalDate(r[0]), ((Number) r[1]).longValue()));
        }
        return new SpeakerProfile(e.id, e.name, e.type, NamedEntity.aliasesOf(id), ((Number) totals[0]).longValue(),
                ((Number) totals[1]).longValue(), ArticleQueries.toOffsetDateTime(totals[2]),
                ArticleQueries.toOffsetDateTime(totals[3]), descriptors, days);
    }

    public void require(long id) {
        entities.require(id);
    }

    private Map<Long, String> latestDescriptors(List<Long> speakers, Period period) {
        Map<Long, String> latest = new HashMap<>();
        if (speakers.isEmpty()) {
            return latest;
        }
        Sql sql = new Sql().and("q.speaker_entity_id IN (:speakers)", "speakers", speakers).period(period)
                .and("q.speaker_descriptor IS NOT NULL");
        for (Object row : sql.query(em, "SELECT DISTINCT ON (q.speaker_entity_id) q.speaker_entity_id,"
                + " q.speaker_descriptor FROM quote q JOIN article a ON a.id = q.article_id" + sql.where()
                + " ORDER BY q.speaker_entity_id, " + Sql.ARTICLE_DATE + " DESC").getResultList()) {
            Object[] r = (Object[]) row;
            latest.put(((Number) r[0]).longValue(), (String) r[1]);
        }
        return latest;
    }
}

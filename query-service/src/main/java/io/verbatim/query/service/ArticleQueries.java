package io.verbatim.query.service;

import io.verbatim.query.persistence.Article;
import io.verbatim.query.persistence.Mention;
import io.verbatim.query.persistence.NamedEntity;
import io.verbatim.query.persistence.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Articles: filtered lists, newest first, and one article with its entities and quotes. */
@ApplicationScoped
public class ArticleQueries {

    @Inject
    EntityManager em;

    public record EntityRef(long id, String name) {
    }

    public record ArticleSummary(UUID id, String title, String source, String url, String language,
                                 OffsetDateTime publishedAt, Instant receivedAt, int quoteCount) {
    }

    public record MentionView(int start, int end, String type, String text, EntityRef entity) {
    }

    public record SpeakerMentionView(int start, int end, String text) {
    }

    public record QuoteView(long id, int start, int end, String text, String type, String cue, EntityRef speaker,
                            SpeakerMentionView speakerMention, String speakerDescriptor, double confidence) {
    }

    public record ArticleDetail(UUID id, String title, String body, String source, String url, String language,
                                List<String> authors, OffsetDateTime publishedAt, Instant receivedAt,
                                Instant analyzedAt, String analyzerVersion, List<MentionView> entities,
                                List<QuoteView> quotes) {
    }

    /** Filters that combine; any may be null. */
    public record Filter(String text, Long entity, Long speaker, OffsetDateTime from, OffsetDateTime to, String source) {
    }

    public Page<ArticleSummary> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND to_tsvector('french', a.title || ' ' || a.body) @@ websearch_to_tsquery('french', :text)");
            params.put("text", filter.text());
        }
        if (filter.entity() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM mention m WHERE m.article_id = a.id AND m.entity_id = :entity)");
            params.put("entity", filter.entity());
        }
        if (filter.speaker() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM quote q WHERE q.article_id = a.id AND q.speaker_entity_id = :speaker)");
            params.put("speaker", filter.speaker());
        }
        if (filter.from() != null) {
            where.append(" AND coalesce(a.published_at, a.received_at) >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND coalesce(a.published_at, a.received_at) < :to");
            params.put("to", filter.to());
        }
        if (filter.source() != null && !filter.source().isBlank()) {
            where.append(" AND a.source = :source");
            params.put("source", filter.source());
        }
        Query rows = em.createNativeQuery("SELECT a.id, a.title, a.source, a.url, a.language, a.published_at, "
                + "a.received_at, (SELECT count(*) FROM quote q WHERE q.article_id = a.id) FROM article a" + where
                + " ORDER BY coalesce(a.published_at, a.received_at) DESC, a.id DESC LIMIT :limit OFFSET :offset");
        Query count = em.createNativeQuery("SELECT count(*) FROM article a" + where);
        params.forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        rows.setParameter("limit", page.size()).setParameter("offset", page.offset());
        List<ArticleSummary> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new ArticleSummary((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    toOffsetDateTime(r[5]), toInstant(r[6]), ((Number) r[7]).intValue()));
        }
        return new Page<>(items, page.page(), page.size(), ((Number) count.getSingleResult()).longValue());
    }

    public ArticleDetail get(UUID id) {
        Article a = Article.findById(id);
        if (a == null) {
            throw new NotFoundException("article", id);
        }
        List<Mention> mentions = Mention.ofArticle(id);
        List<Quote> quotes = Quote.ofArticle(id);
        Set<Long> entityIds = mentions.stream().map(m -> m.entityId).collect(Collectors.toSet());
        quotes.stream().filter(q -> q.speakerEntityId != null).forEach(q -> entityIds.add(q.speakerEntityId));
        Map<Long, EntityRef> refs = entityIds.isEmpty() ? Map.of()
                : NamedEntity.<NamedEntity>list("id in ?1", entityIds).stream()
                .collect(Collectors.toMap(e -> e.id, e -> new EntityRef(e.id, e.name), (x, y) -> x, LinkedHashMap::new));
        return new ArticleDetail(a.id, a.title, a.body, a.source, a.url, a.language,
                a.authors == null ? List.of() : List.of(a.authors), a.publishedAt, a.receivedAt, a.analyzedAt,
                a.analyzerVersion,
                mentions.stream().map(m -> new MentionView(m.start, m.end, m.type, m.text, refs.get(m.entityId))).toList(),
                quotes.stream().map(quoteView(refs)).toList());
    }

    static Function<Quote, QuoteView> quoteView(Map<Long, EntityRef> refs) {
        return q -> new QuoteView(q.id, q.start, q.end, q.text, q.type, q.cue,
                q.speakerEntityId == null ? null : refs.get(q.speakerEntityId),
                q.speakerMentionStart == null ? null
                        : new SpeakerMentionView(q.speakerMentionStart, q.speakerMentionEnd, q.speakerMentionText),
                q.speakerDescriptor, q.confidence);
    }

    static OffsetDateTime toOffsetDateTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    static Instant toInstant(Object value) {
        OffsetDateTime o = toOffsetDateTime(value);
        return o == null ? null : o.toInstant();
    }
}

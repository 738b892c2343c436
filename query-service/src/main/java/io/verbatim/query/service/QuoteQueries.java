package io.verbatim.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Quotes across articles, newest first, by speaker and by words they contain. */
@ApplicationScoped
public class QuoteQueries {

    @Inject
    EntityManager em;

    public record QuoteWithArticle(long id, String text, String type, String cue, ArticleQueries.EntityRef speaker,
                                   String speakerDescriptor, UUID articleId, String articleTitle, OffsetDateTime date,
                                   int start, int end) {
    }

    public Page<QuoteWithArticle> list(Long speaker, String text, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (speaker != null) {
            where.append(" AND q.speaker_entity_id = :speaker");
        }
        if (text != null && !text.isBlank()) {
            where.append(" AND q.text ILIKE :text");
        }
        Query rows = em.createNativeQuery("SELECT q.id, q.text, q.type, q.cue, e.id, e.name, q.speaker_descriptor,"
                + " a.id, a.title, coalesce(a.published_at, a.received_at), q.start_offset, q.end_offset"
                + " FROM quote q JOIN article a ON a.id = q.article_id LEFT JOIN entity e ON e.id = q.speaker_entity_id"
                + where + " ORDER BY 10 DESC, q.id DESC LIMIT :limit OFFSET :offset");
        Query count = em.createNativeQuery("SELECT count(*) FROM quote q" + where);
        for (Query q : List.of(rows, count)) {
            if (speaker != null) {
                q.setParameter("speaker", speaker);
            }
            if (text != null && !text.isBlank()) {
                q.setParameter("text", "%" + EntityQueries.likeEscape(text.strip()) + "%");
            }
        }
        rows.setParameter("limit", page.size()).setParameter("offset", page.offset());
        List<QuoteWithArticle> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            ArticleQueries.EntityRef who = r[4] == null ? null
                    : new ArticleQueries.EntityRef(((Number) r[4]).longValue(), (String) r[5]);
            items.add(new QuoteWithArticle(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    who, (String) r[6], (UUID) r[7], (String) r[8], ArticleQueries.toOffsetDateTime(r[9]),
                    ((Number) r[10]).intValue(), ((Number) r[11]).intValue()));
        }
        return new Page<>(items, page.page(), page.size(), ((Number) count.getSingleResult()).longValue());
    }
}

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

    @Inject
    TextSearch search;

    public record EntityRef(long id, String name) {
    }

    /**
     * {@code snippet} and {@code rank} are given for full-text searches only. {@code copyOf} names the original when
     * this article is a copy (the same dispatch republished): the earliest article of its story. Lists can fold
     * copies on it. {@code languageSource}: whether the language was given, detected or the default of a text too
     * short to tell (null for articles ingested before ingest-service said).
     */
    public record ArticleSummary(UUID id, String title, String source, String url, String language,
                                 String languageSource, OffsetDateTime publishedAt, Instant receivedAt, int quoteCount, Snippet snippet,
                                 Float rank, UUID copyOf) {
    }

    /** A passage of the body around the search terms; highlights are [start, end) offsets into text. */
    public record Snippet(String text, List<Highlight> highlights) {
    }

    public record Highlight(int start, int end) {
    }

    public record MentionView(int start, int end, String type, String text, EntityRef entity) {
    }

    public record SpeakerMentionView(int start, int end, String text) {
    }

    /** {@code statementId}: the statement the quote belongs to ({@code /api/v1/statements/{id}}), null without a speaker. */
    public record QuoteView(long id, int start, int end, String text, String type, String cue, EntityRef speaker,
                            SpeakerMentionView speakerMention, String speakerDescriptor, double confidence,
                            Long statementId) {
    }

    /** Another article of the same story; {@code date} is its publication date, else when it was received. */
    public record StoryArticle(UUID id, String title, String source, OffsetDateTime date) {
    }

    /** {@code copyOf} as in {@link ArticleSummary}; {@code copies}: the other articles of its story, oldest first. */
    public record ArticleDetail(UUID id, String title, String body, String source, String url, String language,
                                String languageSource, List<String> authors, OffsetDateTime publishedAt, Instant receivedAt,
                                Instant analyzedAt, String analyzerVersion, UUID copyOf, List<StoryArticle> copies,
                                List<MentionView> entities, List<QuoteView> quotes) {
    }

    /** The copies of a story shown with an article: enough for any real dispatch. */
    static final int MAX_COPIES = 100;

    /** The articles of a's story: the article that began it, and those it was given to (analysis-service, V9). */
    private static final String STORY = "(o.story_id = coalesce(a.story_id, a.id) OR o.id = coalesce(a.story_id, a.id))";
    /** Articles in the order a story spread: by date, then as they were stored. */
    private static final String SPREAD = "coalesce(o.published_at, o.received_at), o.received_at, o.id";
    /** The original of article a when a is a copy, else null: two index probes (article_story_idx, the key). */
    private static final String COPY_OF = "nullif((SELECT o.id FROM article o WHERE " + STORY + " ORDER BY " + SPREAD
            + " LIMIT 1), a.id)";

    public enum Sort { DATE, RELEVANCE }

    /** Filters that combine; any may be null (entities: every one must be named). */
    public record Filter(String text, List<Long> entities, Long speaker, Period period, String source,
                         String language, String entityType, String quoteType, Sort sort) {

        public Sort effectiveSort() {
            return sort != null ? sort : hasText() ? Sort.RELEVANCE : Sort.DATE;
        }

        boolean hasText() {
            return text != null && !text.isBlank();
        }
    }

    // ts_headline marks matches with these; they are stripped from bodies first so they cannot be forged.
    private static final char MARK_START = '\u0002';
    private static final char MARK_END = '\u0003';
    /**
     * Snippets are cut from the first this many characters of the body: ts_headline parses all it is given, so
     * a 1 MiB body would cost each result of a page its full parse. A match further on still finds the article.
     */
    static final int SNIPPET_WINDOW = 20_000;

    public Page<ArticleSummary> list(Filter filter, PageRequest page) {
        Sort sort = filter.effectiveSort();
        if (sort == Sort.RELEVANCE && !filter.hasText()) {
            throw new BadParameterException("sort", "relevance needs a search text (q)");
        }
        Sql sql = new Sql();
        if (filter.hasText()) {
            sql.and(search.matches("a.search_vector", "a.language", filter.language() != null), "text", filter.text());
        }
        for (int i = 0; filter.entities() != null && i < filter.entities().size(); i++) {
            sql.and("EXISTS (SELECT 1 FROM mention m WHERE m.article_id = a.id AND m.entity_id = :entity" + i + ")",
                    "entity" + i, filter.entities().get(i));
        }
        sql.and("EXISTS (SELECT 1 FROM quote q WHERE q.article_id = a.id AND q.speaker_entity_id = :speaker)",
                        "speaker", filter.speaker())
                .and("EXISTS (SELECT 1 FROM mention m WHERE m.article_id = a.id AND m.type = :entityType)",
                        "entityType", filter.entityType())
                .and("EXISTS (SELECT 1 FROM quote q WHERE q.article_id = a.id AND q.type = :quoteType)",
                        "quoteType", filter.quoteType())
                .period(filter.period())
                .and("a.source = :source", "source", filter.source())
                .and("a.language = :language", "language", filter.language());
        // By date, words or filters on what an article names may match few articles: counted on every page then,
        // to choose the plan (Sql.newestIds). By relevance, every match is ranked anyway.
        boolean selective = sort == Sort.DATE && (filter.hasText() || filter.entities() != null
                && !filter.entities().isEmpty() || filter.speaker() != null || filter.entityType() != null
                || filter.quoteType() != null || filter.source() != null || filter.language() != null);
        Long matching = page.first() || selective ? sql.countUpTo(em, "FROM article a" + sql.where(), Page.COUNT_CAP)
                : null;
        boolean few = selective && matching <= Page.COUNT_CAP;

        // Ranked on title and lead (rank_vector, small and stored in the row), then newest first.
        String query = search.queryInRowLanguage("a.language", filter.language() != null);
        String rank = filter.hasText() ? "ts_rank_cd(a.rank_vector, " + query + ")"
                : "CAST(NULL AS real)";
        if (page.cursor() != null) {
            if (sort == Sort.DATE) {
                Cursor c = page.cursor().expect("date", 2);
                sql.and("(" + Sql.ARTICLE_DATE + ", a.id) < (:afterDate, :afterId)")
                        .bind("afterDate", c.time(0)).bind("afterId", c.uuid(1));
            } else {
                Cursor c = page.cursor().expect("relevance", 3);
                sql.and("(" + rank + ", " + Sql.ARTICLE_DATE + ", a.id) < (CAST(:afterRank AS real), :afterDate, :afterId)")
                        .bind("afterRank", c.real(0)).bind("afterDate", c.time(1)).bind("afterId", c.uuid(2));
            }
        }
        // The body is parsed as it was indexed (verbatim_search_text), and the snippet cut from it is shown with
        // the article's own apostrophes, guillemets and spaces again.
        String snippet = filter.hasText()
                ? "verbatim_search_shown(ts_headline(" + search.configOf("a.language") + ","
                + " verbatim_search_text(translate(left(a.body, " + SNIPPET_WINDOW + "), chr(2) || chr(3), '')),"
                + " " + query + ","
                + " 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2'))"
                : "CAST(NULL AS text)";
        String order = sort == Sort.DATE ? Sql.ARTICLE_DATE + " DESC, a.id DESC"
                : "10 DESC, " + Sql.ARTICLE_DATE + " DESC, a.id DESC";
        Query rows = sql.query(em, "SELECT a.id, a.title, a.source, a.url, a.language, a.published_at, a.received_at,"
                + " (SELECT count(*) FROM quote q WHERE q.article_id = a.id), " + Sql.ARTICLE_DATE + ", " + rank
                + ", " + snippet + ", " + COPY_OF + ", a.language_source FROM article a"
                + (few ? " WHERE a.id IN (" + Sql.newestIds("a.id", Sql.ARTICLE_DATE, "FROM article a" + sql.where(),
                page.fetch(), true) + ")" : sql.where()) + " ORDER BY " + order + " LIMIT " + page.fetch());
        List<ArticleSummary> items = new ArrayList<>();
        Map<UUID, OffsetDateTime> dates = new HashMap<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            UUID id = (UUID) r[0];
            dates.put(id, toOffsetDateTime(r[8]));
            items.add(new ArticleSummary(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[12], toOffsetDateTime(r[5]), toInstant(r[6]), ((Number) r[7]).intValue(),
                    r[10] == null ? null : snippet((String) r[10]), r[9] == null ? null : ((Number) r[9]).floatValue(),
                    (UUID) r[11]));
        }
        return Page.of(items, page, a -> sort == Sort.DATE ? Cursor.after("date", dates.get(a.id()), a.id())
                : Cursor.after("relevance", a.rank(), dates.get(a.id()), a.id()), page.first() ? matching : null);
    }

    /** Turns ts_headline's marked text into plain text and highlight offsets. */
    static Snippet snippet(String marked) {
        StringBuilder text = new StringBuilder(marked.length());
        List<Highlight> highlights = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == MARK_START) {
                start = text.length();
            } else if (c == MARK_END) {
                if (start >= 0) {
                    highlights.add(new Highlight(start, text.length()));
                }
                start = -1;
            } else {
                text.append(c);
            }
        }
        return new Snippet(text.toString(), highlights);
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
        List<StoryArticle> copies = copies(id);
        Map<Long, EntityRef> refs = entityIds.isEmpty() ? Map.of()
                : NamedEntity.<NamedEntity>list("id in ?1", entityIds).stream()
                .collect(Collectors.toMap(e -> e.id, e -> new EntityRef(e.id, e.name), (x, y) -> x, LinkedHashMap::new));
        return new ArticleDetail(a.id, a.title, a.body, a.source, a.url, a.language, a.languageSource,
                a.authors == null ? List.of() : List.of(a.authors), a.publishedAt, a.receivedAt, a.analyzedAt,
                a.analyzerVersion, copies.isEmpty() ? null : copyOf(id), copies,
                mentions.stream().map(m -> new MentionView(m.start, m.end, m.type, m.text, refs.get(m.entityId))).toList(),
                quotes.stream().map(quoteView(refs)).toList());
    }

    /** The other articles of the article's story, oldest first; the original first of all, unless it is this one. */
    private List<StoryArticle> copies(UUID id) {
        List<StoryArticle> copies = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT o.id, o.title, o.source, coalesce(o.published_at, o.received_at)"
                        + " FROM article a JOIN article o ON " + STORY + " AND o.id <> a.id WHERE a.id = ?1"
                        + " ORDER BY " + SPREAD + " LIMIT " + MAX_COPIES)
                .setParameter(1, id).getResultList()) {
            Object[] r = (Object[]) row;
            copies.add(new StoryArticle((UUID) r[0], (String) r[1], (String) r[2], toOffsetDateTime(r[3])));
        }
        return copies;
    }

    private UUID copyOf(UUID id) {
        return (UUID) em.createNativeQuery("SELECT " + COPY_OF + " FROM article a WHERE a.id = ?1").setParameter(1, id)
                .getSingleResult();
    }

    static Function<Quote, QuoteView> quoteView(Map<Long, EntityRef> refs) {
        return q -> new QuoteView(q.id, q.start, q.end, q.text, q.type, q.cue,
                q.speakerEntityId == null ? null : refs.get(q.speakerEntityId),
                q.speakerMentionStart == null ? null
                        : new SpeakerMentionView(q.speakerMentionStart, q.speakerMentionEnd, q.speakerMentionText),
                q.speakerDescriptor, q.confidence, q.statementId);
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

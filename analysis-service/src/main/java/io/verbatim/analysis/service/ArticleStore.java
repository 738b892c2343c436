package io.verbatim.analysis.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.verbatim.analysis.event.RawArticle;
import io.verbatim.analysis.event.TaggedArticle;
import io.verbatim.analysis.persistence.AnalysisRows;
import io.verbatim.analysis.persistence.Article;
import io.verbatim.analysis.persistence.EntityCatalog;
import io.verbatim.analysis.persistence.TaggedOutbox;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.Entity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Stores an analysed article in one transaction: its content, its mentions and quotes (grouped into statements),
 * and the tagged event
 * built from exactly what is written, into the outbox that {@code TaggedArticlePublisher} relays to Kafka. The
 * article's row is locked first, and its analyzer version decides:
 * <ul>
 *   <li>absent: the article is inserted;</li>
 *   <li>stored by an older analyzer: content and analysis are both replaced by this delivery's, so offsets always
 *       point into the stored body;</li>
 *   <li>stored by this analyzer or a newer one (a redelivery, a duplicate submission, a pod not yet upgraded):
 *       nothing is written and no event is made; the event of what is stored was made when it was stored.</li>
 * </ul>
 */
@ApplicationScoped
public class ArticleStore {

    @Inject
    EntityCatalog catalog;

    @Inject
    AnalysisRows rows;

    @Inject
    TaggedOutbox outbox;

    @Inject
    ObjectMapper json;

    private final Timer grouping;

    @Inject
    public ArticleStore(MeterRegistry registry) {
        grouping = Timer.builder("verbatim.statements.grouping")
                .description("Time grouping an article's quotes into statements, in its store transaction")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public enum Outcome { CREATED, REPLACED, UNCHANGED }

    @Transactional
    public Outcome store(RawArticle raw, Analysis analysis) {
        UUID id = UUID.fromString(raw.id());
        String stored = catalog.lockAnalyzerVersion(id);
        if (stored != null && !AnalyzerVersion.isOlder(stored, analysis.analyzerVersion())) {
            return Outcome.UNCHANGED;
        }
        long[] entityIds = storeEntities(analysis.entities());
        Article article = toArticle(raw, analysis);
        Outcome outcome;
        List<Long> previousStatements = List.of();
        if (stored == null && catalog.insertArticleIfAbsent(article, toJson(article.authors))) {
            outcome = Outcome.CREATED;
        } else {
            // Inserted by a racing delivery meanwhile, or older: decide again on the locked row.
            stored = catalog.lockAnalyzerVersion(id);
            if (!AnalyzerVersion.isOlder(stored, analysis.analyzerVersion())) {
                return Outcome.UNCHANGED;
            }
            previousStatements = catalog.replaceArticle(article, toJson(article.authors));
            outcome = Outcome.REPLACED;
        }
        rows.insertMentions(id, analysis.mentions().stream()
                .map(m -> new AnalysisRows.MentionRow(entityIds[m.entity()], m.start(), m.end(), m.text(),
                        m.type().name()))
                .toList());
        rows.insertQuotes(id, analysis.quotes().stream()
                .map(q -> new AnalysisRows.QuoteRow(q.start(), q.end(), q.text(), q.type().label(), q.cue(),
                        q.hasSpeaker() ? entityIds[q.speaker()] : null,
                        q.speakerMention() == null ? null : q.speakerMention().start(),
                        q.speakerMention() == null ? null : q.speakerMention().end(),
                        q.speakerMention() == null ? null : q.speakerMention().text(),
                        q.speakerDescriptor(), (float) q.confidence()))
                .toList());
        List<Long> previous = previousStatements;
        Map<AnalysisRows.Span, Long> statements = grouping.record(() -> rows.groupStatements(id, previous));
        outbox.add(id, toJson(toEvent(article, analysis, entityIds, statements)));
        return outcome;
    }

    /** Ids of the analysis' entities, created or named more fully where needed. */
    private long[] storeEntities(List<Entity> entities) {
        long[] entityIds = new long[entities.size()];
        Map<String, EntityCatalog.Known> known = catalog.known(entities.stream().map(Entity::key).toList());
        List<Map.Entry<Long, String>> aliases = new ArrayList<>();
        // Writing in key order keeps concurrent transactions from deadlocking on shared entity rows.
        IntStream.range(0, entities.size()).boxed()
                .sorted(Comparator.comparing(i -> entities.get(i).key()))
                .forEach(i -> {
                    Entity e = entities.get(i);
                    EntityCatalog.Known k = known.get(e.key());
                    entityIds[i] = k != null && k.nameLength() >= e.name().length() ? k.id()
                            : catalog.insertOrLengthen(e.key(), e.name(), e.type().name());
                    e.aliases().forEach(alias -> aliases.add(Map.entry(entityIds[i], alias)));
                });
        catalog.addAliases(aliases);
        return entityIds;
    }

    private static Article toArticle(RawArticle raw, Analysis analysis) {
        Article article = new Article();
        article.id = UUID.fromString(raw.id());
        article.title = raw.title();
        article.body = raw.body();
        article.url = raw.url();
        article.source = raw.source();
        article.language = raw.language();
        article.languageSource = raw.languageSource();
        article.authors = (raw.authors() == null ? List.<String>of() : raw.authors()).toArray(String[]::new);
        article.publishedAt = raw.publishedAt();
        article.receivedAt = raw.receivedAt();
        // Microseconds, as PostgreSQL keeps it: the event says what the row says.
        article.analyzedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        article.analyzerVersion = analysis.analyzerVersion();
        article.tokenCount = analysis.tokenCount();
        return article;
    }

    /** The tagged event of what this transaction writes: the article row, its analysis and its quotes' statements. */
    private static TaggedArticle toEvent(Article article, Analysis analysis, long[] entityIds,
                                         Map<AnalysisRows.Span, Long> statements) {
        List<TaggedArticle.EntityItem> entities = new ArrayList<>();
        for (int i = 0; i < analysis.entities().size(); i++) {
            Entity e = analysis.entities().get(i);
            entities.add(new TaggedArticle.EntityItem(entityIds[i], e.key(), e.name(), e.type().name(), e.aliases(),
                    e.descriptor()));
        }
        List<TaggedArticle.MentionItem> mentions = analysis.mentions().stream()
                .map(m -> new TaggedArticle.MentionItem(m.start(), m.end(), m.text(), m.type().name(), entityIds[m.entity()]))
                .toList();
        List<TaggedArticle.QuoteItem> quotes = analysis.quotes().stream()
                .map(q -> new TaggedArticle.QuoteItem(q.start(), q.end(), q.text(), q.type().label(), q.cue(),
                        q.hasSpeaker() ? new TaggedArticle.EntityRef(entityIds[q.speaker()], analysis.speakerName(q)) : null,
                        q.speakerMention() == null ? null : new TaggedArticle.SpeakerMention(q.speakerMention().start(),
                                q.speakerMention().end(), q.speakerMention().text()),
                        q.speakerDescriptor(), q.confidence(), statements.get(new AnalysisRows.Span(q.start(), q.end()))))
                .toList();
        TaggedArticle.ArticleFields fields = new TaggedArticle.ArticleFields(article.title, article.body, article.url,
                article.source, article.language, article.languageSource, article.publishedAt, List.of(article.authors),
                article.receivedAt);
        return new TaggedArticle(TaggedArticle.SCHEMA_VERSION, article.id.toString(), article.analyzerVersion,
                article.analyzedAt, fields, entities, mentions, quotes);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

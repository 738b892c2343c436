package io.verbatim.analysis.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.verbatim.analysis.engine.Analysis;
import io.verbatim.analysis.engine.Entity;
import io.verbatim.analysis.messaging.RawArticle;
import io.verbatim.analysis.messaging.TaggedArticle;
import io.verbatim.analysis.persistence.Article;
import io.verbatim.analysis.persistence.AnalysisRows;
import io.verbatim.analysis.persistence.EntityCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Stores an analysed article in one transaction, idempotently: the article row is inserted only if absent, and
 * its mentions and quotes only with it, so a redelivered record adds nothing. An article stored by an older
 * analyzer version has its analysis replaced, so posting it again after an upgrade refreshes it. Returns the tagged-article event,
 * built the same way for a first or a repeated delivery.
 */
@ApplicationScoped
public class ArticleStore {

    @Inject
    EntityCatalog catalog;

    @Inject
    AnalysisRows rows;

    @Inject
    ObjectMapper json;

    public record Stored(boolean created, TaggedArticle event) {
    }

    @Transactional
    public Stored store(RawArticle raw, Analysis analysis) {
        List<Entity> entities = analysis.entities();
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

        Article article = new Article();
        article.id = UUID.fromString(raw.id());
        article.title = raw.title();
        article.body = raw.body();
        article.url = raw.url();
        article.source = raw.source();
        article.language = raw.language() == null ? "fr" : raw.language();
        article.publishedAt = raw.publishedAt();
        article.receivedAt = raw.receivedAt();
        article.analyzedAt = Instant.now();
        article.analyzerVersion = Analysis.ANALYZER_VERSION;
        article.tokenCount = analysis.tokenCount();
        List<String> authors = raw.authors() == null ? List.of() : raw.authors();
        boolean created = catalog.insertArticleIfAbsent(article, toJson(authors));
        boolean reanalysed = false;
        if (!created && !Analysis.ANALYZER_VERSION.equals(catalog.lockAnalyzerVersion(article.id))) {
            // Stored by an older analyzer: this delivery replaces its analysis (the row lock orders racing ones).
            catalog.clearAnalysis(article);
            reanalysed = true;
        }
        if (created || reanalysed) {
            rows.insertMentions(article.id, analysis.mentions().stream()
                    .map(m -> new AnalysisRows.MentionRow(entityIds[m.entity()], m.start(), m.end(), m.text(),
                            m.type().name()))
                    .toList());
            rows.insertQuotes(article.id, analysis.quotes().stream()
                    .map(q -> new AnalysisRows.QuoteRow(q.start(), q.end(), q.text(), q.type().label(), q.cue(),
                            q.hasSpeaker() ? entityIds[q.speaker()] : null,
                            q.speakerMention() == null ? null : q.speakerMention().start(),
                            q.speakerMention() == null ? null : q.speakerMention().end(),
                            q.speakerMention() == null ? null : q.speakerMention().text(),
                            q.speakerDescriptor(), (float) q.confidence()))
                    .toList());
        }
        return new Stored(created || reanalysed, toEvent(raw, article, authors, analysis, entityIds));
    }

    private static TaggedArticle toEvent(RawArticle raw, Article article, List<String> authors, Analysis analysis,
                                         long[] entityIds) {
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
                        q.speakerDescriptor(), q.confidence()))
                .toList();
        TaggedArticle.ArticleFields fields = new TaggedArticle.ArticleFields(raw.title(), raw.body(), raw.url(),
                raw.source(), article.language, raw.publishedAt(), authors, raw.receivedAt());
        return new TaggedArticle(TaggedArticle.SCHEMA_VERSION, raw.id(), Analysis.ANALYZER_VERSION, article.analyzedAt,
                fields, entities, mentions, quotes);
    }

    private String toJson(List<String> authors) {
        try {
            return json.writeValueAsString(authors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

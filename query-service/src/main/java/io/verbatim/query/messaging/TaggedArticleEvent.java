package io.verbatim.query.messaging;

import io.verbatim.query.service.ArticleStream.StreamedArticle;
import io.verbatim.query.service.ArticleStream.StreamedEntity;
import io.verbatim.query.service.ArticleStream.StreamedQuote;
import io.verbatim.query.service.ArticleQueries.EntityRef;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The part of an {@code articles.tagged} record (schema version 1) the live stream shows. */
record TaggedArticleEvent(int schemaVersion, String id, Instant analyzedAt, Fields article, List<Entity> entities,
                          List<QuoteItem> quotes) {

    static final int SCHEMA_VERSION = 1;

    /** languageSource is absent from records of articles ingested before ingest-service said how it chose language. */
    record Fields(String title, String url, String source, String language, String languageSource,
                  OffsetDateTime publishedAt) {
    }

    record Entity(long id, String name, String type) {
    }

    record Speaker(long id, String name) {
    }

    /** statementId is absent from records written before statements existed: null then, as without a speaker. */
    record QuoteItem(String text, String type, String cue, Speaker speaker, String speakerDescriptor, Long statementId) {
    }

    StreamedArticle toStreamed() {
        return new StreamedArticle(id, article.title(), article.source(), article.url(), article.language(),
                article.languageSource(), article.publishedAt(), analyzedAt,
                entities == null ? List.of() : entities.stream().map(e -> new StreamedEntity(e.id(), e.name(), e.type())).toList(),
                quotes == null ? List.of() : quotes.stream().map(q -> new StreamedQuote(q.text(), q.type(), q.cue(),
                        q.speaker() == null ? null : new EntityRef(q.speaker().id(), q.speaker().name()),
                        q.speakerDescriptor(), q.statementId())).toList());
    }
}

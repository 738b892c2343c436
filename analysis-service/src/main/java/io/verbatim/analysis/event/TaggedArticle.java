package io.verbatim.analysis.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A record on {@code articles.tagged} (JSON, record key = article id), as its contract says:
 * deploy/contracts/schemas/articles.tagged.v1.schema.json, which the records this service writes are tested against.
 * Offsets are Java String (UTF-16) indices into {@code article.body}. A record may be delivered more than once
 * (after a crash between storing and acknowledging): consumers keep the last record per key.
 */
public record TaggedArticle(
        int schemaVersion,
        String id,
        String analyzerVersion,
        Instant analyzedAt,
        ArticleFields article,
        List<EntityItem> entities,
        List<MentionItem> mentions,
        List<QuoteItem> quotes) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TOPIC = "articles.tagged";

    /** {@code languageSource} is left out for articles ingested before ingest-service said how it chose the language. */
    public record ArticleFields(String title, String body, String url, String source, String language,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String languageSource,
                                OffsetDateTime publishedAt, List<String> authors, Instant receivedAt) {
    }

    /** {@code id} is the entity's id in query-service ({@code /api/v1/entities/{id}}). */
    public record EntityItem(long id, String key, String name, String type, List<String> aliases, String descriptor) {
    }

    public record MentionItem(int start, int end, String text, String type, long entityId) {
    }

    public record EntityRef(long id, String name) {
    }

    public record SpeakerMention(int start, int end, String text) {
    }

    /** {@code statementId} groups the quotes of one speaker saying the same thing; null without a speaker. */
    public record QuoteItem(int start, int end, String text, String type, String cue, EntityRef speaker,
                            SpeakerMention speakerMention, String speakerDescriptor, double confidence,
                            Long statementId) {
    }
}

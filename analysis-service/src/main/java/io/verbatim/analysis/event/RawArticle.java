package io.verbatim.analysis.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A record of {@code articles.raw} as ingest-service writes it: deploy/contracts/schemas/articles.raw.v1.schema.json,
 * whose examples this service's tests read. {@code languageSource} (given, detected or default) is null in records
 * written before ingest-service detected languages.
 */
public record RawArticle(
        int schemaVersion,
        String id,
        String title,
        String body,
        String url,
        String source,
        String language,
        String languageSource,
        OffsetDateTime publishedAt,
        List<String> authors,
        Instant receivedAt) {

    public static final int SCHEMA_VERSION = 1;
    /** How ingest-service may have chosen the language (articles.raw's languageSource). */
    public static final java.util.Set<String> LANGUAGE_SOURCES = java.util.Set.of("given", "detected", "default");
}

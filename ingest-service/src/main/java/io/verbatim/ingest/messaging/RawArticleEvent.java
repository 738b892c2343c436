package io.verbatim.ingest.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A record on {@code articles.raw} (JSON, record key = id), as its contract says:
 * deploy/contracts/schemas/articles.raw.v1.schema.json, which the records ingest writes are tested against.
 * Bump {@link #SCHEMA_VERSION}, with a new schema, on any incompatible change.
 */
public record RawArticleEvent(
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
    public static final String TOPIC = "articles.raw";
}

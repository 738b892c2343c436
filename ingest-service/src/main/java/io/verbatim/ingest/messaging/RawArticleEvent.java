package io.verbatim.ingest.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Contract of a record on {@code articles.raw} (JSON, record key = id). Documented in the README;
 * analysis-service reads the same fields, and deploy/e2e's contract test proves both sides agree.
 * Bump {@link #SCHEMA_VERSION} on any incompatible change.
 */
public record RawArticleEvent(
        int schemaVersion,
        String id,
        String title,
        String body,
        String url,
        String source,
        String language,
        OffsetDateTime publishedAt,
        List<String> authors,
        Instant receivedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TOPIC = "articles.raw";
}

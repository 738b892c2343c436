package io.verbatim.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Settings of the ingest edge; each one can be overridden by a VERBATIM_INGEST_* environment variable. */
@ConfigMapping(prefix = "verbatim.ingest")
public interface IngestConfig {

    /** Largest article body accepted, in UTF-8 bytes. */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** Largest number of articles in one batch request. */
    @WithDefault("1000")
    int maxBatchSize();

    /**
     * Languages the analysis engine reads (analysis-service's verbatim.analysis.languages): an article in another,
     * given or detected, is refused with 422.
     */
    @WithDefault("fr,en")
    Set<String> supportedLanguages();

    /** The language of an article posted without one whose text is too short to detect it; a supported one. */
    @WithDefault("fr")
    String defaultLanguage();

    /** Public base URL of query-service, used in the Location of accepted articles. */
    @WithDefault("http://localhost:8083")
    String queryBaseUrl();

    /** How long to wait for Kafka to acknowledge an article before answering 503. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** Retry-After sent with a 503 when Kafka is unreachable. */
    @WithDefault("5s")
    Duration retryAfter();

    /** Keys that may post articles (VERBATIM_API_KEYS, comma-separated). Without any, every write gets 401. */
    Optional<List<String>> apiKeys();

    /** Keys that used to be valid: answered 403 rather than 401 (VERBATIM_REVOKED_API_KEYS). */
    Optional<List<String>> revokedApiKeys();

    /** Requests per second allowed to one client (one API key), with bursts up to {@link #rateLimitBurst()}. */
    @WithDefault("3000")
    double rateLimitPerSecond();

    @WithDefault("6000")
    int rateLimitBurst();

    /**
     * Largest JSON of one article, a single request or a batch item (2 MiB + 64 KiB: a 1 MiB body with its
     * escaping and the other fields). Read no further: 413.
     */
    @WithDefault("2162688")
    int maxArticleBytes();

    /**
     * Heap that request bodies being read may take at once, in bytes: a single article counts three times its
     * Content-Length (the bytes, the parsed text, the record), a batch three times {@link #maxArticleBytes()}
     * (it is read one item at a time). Past it, 503 with Retry-After: the pod's memory bounds the work, not the
     * clients.
     */
    @WithDefault("100663296")
    long bodyMemory();

    /** Failed authentications allowed per minute from one address (burst of as many); past it, 429. */
    @WithDefault("10")
    int failedAuthPerMinute();

    /** The header in which the ingress reports the client's address (X-Real-IP behind ingress-nginx). */
    Optional<String> clientAddressHeader();
}

package io.verbatim.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of query-service; each can be overridden by a VERBATIM_QUERY_* environment variable. */
@ConfigMapping(prefix = "verbatim.query")
public interface QueryConfig {

    @WithDefault("20")
    int defaultPageSize();

    /** Larger page sizes are capped to this. */
    @WithDefault("100")
    int maxPageSize();

    /** Reading is open unless this is true; then /api needs one of {@link #apiKeys()}. */
    @WithDefault("false")
    boolean requireApiKey();

    /** Keys allowed to read (VERBATIM_READ_API_KEYS), apart from the keys that may write to ingest. */
    Optional<List<String>> apiKeys();

    /** Keys refused with 403 whether or not reading requires a key. */
    Optional<List<String>> revokedApiKeys();

    /** Requests per second each client may make to /api (its key, else its address), and the burst. */
    @WithDefault("20")
    double rateLimitPerSecond();

    @WithDefault("40")
    int rateLimitBurst();

    /**
     * The header in which the ingress reports the client's address (X-Real-IP behind ingress-nginx); unset, the
     * connection's address is the client's. Trust it only when nothing else can reach the service.
     */
    Optional<String> clientAddressHeader();

    /** Events an SSE client may fall behind before it misses some. */
    @WithDefault("256")
    int streamBuffer();

    /** Interval of the keep-alive comment on idle SSE connections. */
    @WithDefault("20s")
    Duration streamHeartbeat();

    /** Live-stream connections this replica holds at most (503 past it), and per client (429 past it). */
    @WithDefault("200")
    int streamMaxConnections();

    @WithDefault("4")
    int streamMaxPerClient();

    /**
     * The languages of the archive's articles (ISO 639-1), as analysis-service reads them: a search parses its
     * words in each of them, for the articles in it.
     */
    @WithDefault("fr,en")
    List<String> searchLanguages();
}

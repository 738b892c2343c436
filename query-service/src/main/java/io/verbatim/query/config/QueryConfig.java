package io.verbatim.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    java.util.Optional<java.util.List<String>> apiKeys();

    /** Events an SSE client may fall behind before it misses some. */
    @WithDefault("256")
    int streamBuffer();

    /** Interval of the keep-alive comment on idle SSE connections. */
    @WithDefault("20s")
    java.time.Duration streamHeartbeat();
}

package io.verbatim.ingest.security;

import io.verbatim.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Each client's request rate (one token per request and per batch item), by API key. */
@ApplicationScoped
public class ClientRateLimiter {

    private final TokenBuckets buckets;

    @Inject
    public ClientRateLimiter(IngestConfig config) {
        buckets = new TokenBuckets(config.rateLimitPerSecond(), config.rateLimitBurst());
    }

    /** 0 when the request may go ahead, else the milliseconds until it may. */
    public long acquire(String client) {
        return buckets.take(client);
    }
}

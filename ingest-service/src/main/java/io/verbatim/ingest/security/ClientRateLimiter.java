package io.verbatim.ingest.security;

import io.verbatim.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Each client's request rate (one token per request and per batch item), by its key's principal name. */
@ApplicationScoped
public class ClientRateLimiter {

    private final ClientBuckets buckets;

    @Inject
    public ClientRateLimiter(IngestConfig config) {
        buckets = new ClientBuckets(config.rateLimitPerSecond(), config.rateLimitBurst());
    }

    /** 0 when the request may go ahead, else the milliseconds until it may. */
    public long acquire(String client) {
        return buckets.take(client);
    }
}

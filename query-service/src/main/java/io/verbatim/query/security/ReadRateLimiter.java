package io.verbatim.query.security;

import io.verbatim.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A token bucket per reader: a steady rate with bursts; answers how long to wait when a bucket is empty. */
@ApplicationScoped
public class ReadRateLimiter {

    /** Beyond this many clients the buckets are forgotten (full again): bounded memory, generous to clients. */
    private static final int MAX_CLIENTS = 10_000;

    private final double perSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public ReadRateLimiter(QueryConfig config) {
        perSecond = config.rateLimitPerSecond();
        burst = Math.max(1, config.rateLimitBurst());
    }

    private final class Bucket {
        private double tokens = burst;
        private long refilledAt = System.nanoTime();

        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1000);
        }
    }

    /** 0 when the request may go ahead, else the milliseconds until it may. */
    public long acquire(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(client, c -> new Bucket()).take();
    }
}

package io.verbatim.ingest.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A token bucket per client: a steady rate with bursts; answers how long to wait when a bucket is empty. */
final class TokenBuckets {

    /** Beyond this many clients the buckets are forgotten (full again): bounded memory, generous to clients. */
    private static final int MAX_CLIENTS = 10_000;

    private final double perSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    private final class Bucket {
        private double tokens = burst;
        private long refilledAt = System.nanoTime();

        synchronized long take(boolean spend) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                if (spend) {
                    tokens -= 1;
                }
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1000);
        }
    }

    /** Takes a token: 0 when there was one, else the milliseconds until there is. */
    long take(String client) {
        return bucket(client).take(true);
    }

    /** Like {@link #take} without taking: whether the client may try now. */
    long peek(String client) {
        return bucket(client).take(false);
    }

    private Bucket bucket(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(client, c -> new Bucket());
    }
}

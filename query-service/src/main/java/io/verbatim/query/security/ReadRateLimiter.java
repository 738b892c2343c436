package io.verbatim.query.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.verbatim.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** A Bucket4j token bucket per reader: a steady rate with bursts; answers how long to wait when it is empty. */
@ApplicationScoped
public class ReadRateLimiter {

    /**
     * Past this many clients the least recent are forgotten (full again): bounded memory, generous to clients. A
     * bucket untouched for as long as it takes to fill is forgotten too: it would be full anyway.
     */
    private static final int MAX_CLIENTS = 10_000;

    private final LoadingCache<String, Bucket> buckets;

    @Inject
    public ReadRateLimiter(QueryConfig config) {
        long capacity = Math.max(1, config.rateLimitBurst());
        Duration fill = Duration.ofNanos(Math.round(capacity * 1e9 / config.rateLimitPerSecond()));
        buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(fill)
                .build(client -> Bucket.builder().withNanosecondPrecision()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, fill)).build());
    }

    /** 0 when the request may go ahead, else the milliseconds until it may. */
    public long acquire(String client) {
        ConsumptionProbe probe = buckets.get(client).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999) / 1_000_000);
    }
}

package io.verbatim.ingest.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import java.time.Duration;

/** A Bucket4j token bucket per client: a steady rate with bursts; answers how long to wait when a bucket is empty. */
final class ClientBuckets {

    /**
     * Past this many clients the least recent are forgotten (full again): bounded memory, generous to clients. A
     * bucket untouched for as long as it takes to fill is forgotten too: it would be full anyway.
     */
    private static final int MAX_CLIENTS = 10_000;

    private final LoadingCache<String, Bucket> buckets;

    ClientBuckets(double perSecond, long burst) {
        long capacity = Math.max(1, burst);
        Duration fill = Duration.ofNanos(Math.round(capacity * 1e9 / perSecond));
        buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(fill)
                .build(client -> Bucket.builder().withNanosecondPrecision()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, fill)).build());
    }

    /** Takes a token: 0 when there was one, else the milliseconds until there is. */
    long take(String client) {
        ConsumptionProbe probe = buckets.get(client).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : millis(probe.getNanosToWaitForRefill());
    }

    /** Like {@link #take} without taking: whether the client may try now. */
    long peek(String client) {
        EstimationProbe probe = buckets.get(client).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : millis(probe.getNanosToWaitForRefill());
    }

    private static long millis(long nanos) {
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }
}

package io.verbatim.ingest.security;

import io.verbatim.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Semaphore;

/**
 * The heap that request bodies being read may take at once (verbatim.ingest.body-memory), counted in KiB. A
 * request that does not fit is refused at once rather than queued: its client retries, the pod stays alive.
 */
@ApplicationScoped
public class BodyMemoryBudget {

    /** Bytes of heap a body takes while it is read, parsed and turned into a record. */
    private static final int COPIES = 3;

    private final Semaphore kib;
    private final int maxArticleBytes;

    @Inject
    public BodyMemoryBudget(IngestConfig config) {
        kib = new Semaphore((int) Math.min(Integer.MAX_VALUE, config.bodyMemory() / 1024));
        maxArticleBytes = config.maxArticleBytes();
    }

    public int maxArticleBytes() {
        return maxArticleBytes;
    }

    /** What a request costs: a single article by its length, a batch by its largest item (read one at a time). */
    public long cost(long contentLength, boolean batch) {
        return COPIES * (batch ? maxArticleBytes : contentLength);
    }

    /** The KiB reserved for these bytes, or -1 when they do not fit now. */
    public int tryReserve(long bytes) {
        int needed = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + 1023) / 1024));
        return kib.tryAcquire(needed) ? needed : -1;
    }

    public void release(int reserved) {
        kib.release(reserved);
    }
}

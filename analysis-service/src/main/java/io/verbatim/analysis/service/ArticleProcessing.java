package io.verbatim.analysis.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.verbatim.analysis.config.AnalysisConfig;
import io.verbatim.analysis.engine.Analysis;
import io.verbatim.analysis.messaging.PoisonRecordException;
import io.verbatim.analysis.messaging.RawArticle;
import io.verbatim.analysis.messaging.TaggedArticlePublisher;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One raw article through the pipeline: analyse, store, publish. Storing and publishing retry with back-off
 * (PostgreSQL or Kafka may be briefly gone) while readiness reports it; an article the engine cannot analyse
 * is a poison record.
 */
@ApplicationScoped
public class ArticleProcessing {

    private static final Logger LOG = Logger.getLogger(ArticleProcessing.class);

    @Inject
    AnalysisEngine engine;

    @Inject
    ArticleStore store;

    @Inject
    TaggedArticlePublisher publisher;

    @Inject
    AnalysisConfig config;

    private final AtomicInteger retrying = new AtomicInteger();
    private volatile boolean stopping;
    private final Counter processed;
    private final Counter duplicates;
    private final Timer analysisTime;

    @Inject
    public ArticleProcessing(MeterRegistry registry) {
        processed = Counter.builder("verbatim.articles.processed").description("Articles analysed and stored")
                .register(registry);
        duplicates = Counter.builder("verbatim.articles.redelivered")
                .description("Records of articles already stored (not stored again)").register(registry);
        analysisTime = Timer.builder("verbatim.analysis.duration").description("Engine time per article")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public void process(RawArticle article) {
        Analysis analysis;
        long began = System.nanoTime();
        try {
            analysis = engine.analyze(article.body());
        } catch (RuntimeException e) {
            throw new PoisonRecordException("analysis failed: " + e, e);
        }
        long analysisNanos = System.nanoTime() - began;
        analysisTime.record(Duration.ofNanos(analysisNanos));
        ArticleStore.Stored stored = withRetry("store article " + article.id(), () -> store.store(article, analysis));
        withRetry("publish article " + article.id(), () -> {
            publisher.publish(stored.event());
            return null;
        });
        if (stored.created()) {
            processed.increment();
            LOG.infof("article %s: %d tokens, %d entities, %d quotes in %d ms", article.id(), analysis.tokenCount(),
                    analysis.entities().size(), analysis.quotes().size(), analysisNanos / 1_000_000);
        } else {
            duplicates.increment();
            LOG.infof("article %s was already stored: republished, not stored again", article.id());
        }
    }

    /** From the first moment of shutdown, a failure hands the article back instead of retrying. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public boolean isRetrying() {
        return retrying.get() > 0;
    }

    public long processedCount() {
        return (long) processed.count();
    }

    private <T> T withRetry(String what, Supplier<T> action) {
        long deadline = System.nanoTime() + config.retryFor().toNanos();
        Duration pause = config.firstRetryPause();
        boolean counted = false;
        try {
            while (true) {
                try {
                    return action.get();
                } catch (PoisonRecordException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (stopping) {
                        throw new ShuttingDownException(what, e);
                    }
                    if (isPermanent(e)) {
                        throw new PoisonRecordException("cannot " + what + ": " + rootMessage(e), e);
                    }
                    if (System.nanoTime() + pause.toNanos() > deadline) {
                        throw e;
                    }
                    if (!counted) {
                        retrying.incrementAndGet();
                        counted = true;
                    }
                    LOG.warnf("cannot %s (%s), retrying in %d ms", what, rootMessage(e), pause.toMillis());
                    sleep(pause, what);
                    pause = pause.multipliedBy(2).compareTo(config.maxRetryPause()) > 0 ? config.maxRetryPause()
                            : pause.multipliedBy(2);
                }
            }
        } finally {
            if (counted) {
                retrying.decrementAndGet();
            }
        }
    }

    /**
     * Errors no retry can fix: the database refused the data itself (SQL states 22 data exception, 23 integrity
     * violation, 42 syntax or access rule, 54 a limit such as
     * the size of a search vector). Connection losses, timeouts and the rest are retried.
     */
    static boolean isPermanent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String sqlClass = sql.getSQLState().substring(0, Math.min(2, sql.getSQLState().length()));
                if (sqlClass.equals("22") || sqlClass.equals("23") || sqlClass.equals("42")
                        || sqlClass.equals("54")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Waits before a retry, in short steps so that a shutdown is noticed at once. */
    private void sleep(Duration pause, String what) {
        long until = System.nanoTime() + pause.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (stopping) {
                    throw new ShuttingDownException(what, null);
                }
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShuttingDownException(what, e);
        }
    }
}

package io.verbatim.analysis.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.verbatim.analysis.config.AnalysisConfig;
import io.verbatim.analysis.event.RawArticle;
import io.verbatim.engine.model.Analysis;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One raw article through the pipeline: analyse, then store it with its tagged event in one transaction (the
 * outbox relay publishes the event). Only the article itself can make it a poison record: its analysis failed
 * or ran out of time, or PostgreSQL refused its data. Anything else (the database or the models not there yet)
 * is waited out, with back-off (SmallRye Fault Tolerance's retry), for as long as it lasts, while readiness says why.
 */
@ApplicationScoped
public class ArticleProcessing {

    private static final Logger LOG = Logger.getLogger(ArticleProcessing.class);

    @Inject
    AnalysisEngine engine;

    @Inject
    ArticleStore store;

    @Inject
    AnalysisConfig config;

    /** What each waiting consumer thread waits for, for readiness. */
    private final Map<Thread, String> waiting = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private TypedGuard<ArticleStore.Outcome> storeRetry;
    private final Counter processed;
    private final Counter unchanged;
    private final Timer analysisTime;

    @Inject
    public ArticleProcessing(MeterRegistry registry) {
        processed = Counter.builder("verbatim.articles.processed")
                .description("Articles analysed and stored (new, or replacing an older analyzer's analysis)")
                .register(registry);
        unchanged = Counter.builder("verbatim.articles.redelivered")
                .description("Records of articles already stored by this analyzer version or a newer one (left as they are)")
                .register(registry);
        analysisTime = Timer.builder("verbatim.analysis.duration").description("Engine time per article")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @PostConstruct
    void buildRetry() {
        // Retried for as long as the failure lasts (no count, no deadline, no jitter): from verbatim.analysis.
        // first-retry-pause, doubled each time up to max-retry-pause. Never past the start of shutdown.
        storeRetry = TypedGuard.create(ArticleStore.Outcome.class).withRetry()
                .maxRetries(-1).maxDuration(0, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                .delay(config.firstRetryPause().toMillis(), ChronoUnit.MILLIS)
                .withExponentialBackoff().factor(2).maxDelay(config.maxRetryPause().toMillis(), ChronoUnit.MILLIS).done()
                .whenException(e -> !stopping && !isRefusedData(e))
                .beforeRetry(e -> {
                    waiting.put(Thread.currentThread(), "cannot store an article: " + rootMessage(e));
                    LOG.warnf("cannot store an article (%s), retrying", rootMessage(e));
                })
                .done().build();
    }

    /** Returns whether a tagged event was stored in the outbox for the relay to publish. */
    public boolean process(RawArticle article) {
        awaitModels(article.id());
        Analysis analysis;
        long began = System.nanoTime();
        try {
            analysis = engine.analyze(article.body(), article.language());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShuttingDownException(article.id(), e);
        }
        long analysisNanos = System.nanoTime() - began;
        analysisTime.record(Duration.ofNanos(analysisNanos));
        ArticleStore.Outcome outcome = storeUntilDone(article, analysis);
        switch (outcome) {
            case CREATED, REPLACED -> {
                processed.increment();
                LOG.infof("article %s %s: %d tokens, %d entities, %d quotes in %d ms", article.id(),
                        outcome == ArticleStore.Outcome.CREATED ? "stored" : "re-analysed", analysis.tokenCount(),
                        analysis.entities().size(), analysis.quotes().size(), analysisNanos / 1_000_000);
            }
            case UNCHANGED -> {
                unchanged.increment();
                LOG.infof("article %s was already stored by this analyzer or a newer one: left as it is", article.id());
            }
        }
        return outcome != ArticleStore.Outcome.UNCHANGED;
    }

    /**
     * From the first moment of shutdown, a failure hands the article back instead of retrying, and a thread
     * waiting to retry stops waiting (interrupted only while it is among the waiting, see storeUntilDone).
     */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        waiting.keySet().forEach(thread -> waiting.computeIfPresent(thread, (t, why) -> {
            t.interrupt();
            return why;
        }));
    }

    /** Why processing is waiting (database, models), if it is. */
    public Optional<String> waitingFor() {
        return waiting.values().stream().findFirst();
    }

    public long processedCount() {
        return (long) processed.count();
    }

    /** Records wait for the models; a failed load fails liveness, and a restart loads them again. */
    private void awaitModels(String articleId) {
        try {
            while (!engine.isLoaded()) {
                waiting.put(Thread.currentThread(), engine.failed() ? "the NLP models, which failed to load"
                        : "the NLP models to load");
                sleep(Duration.ofMillis(200), articleId);
            }
        } finally {
            waiting.remove(Thread.currentThread());
        }
    }

    private ArticleStore.Outcome storeUntilDone(RawArticle article, Analysis analysis) {
        try {
            return storeRetry.get(() -> store.store(article, analysis));
        } catch (Exception e) {
            // An interrupted wait may come out as InterruptedException, unchecked: it is the shutdown's.
            if (stopping) {
                throw new ShuttingDownException(article.id(), e);
            }
            if (isRefusedData(e)) {
                throw new PoisonRecordException("refused", "cannot store article " + article.id() + ": " + rootMessage(e), e);
            }
            throw e instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
        } finally {
            // Removed before the interrupt flag is cleared: onStop interrupts only the threads still waiting.
            waiting.remove(Thread.currentThread());
            if (stopping) {
                Thread.interrupted();
            }
        }
    }

    /**
     * The database refused the article's own data: SQL states of class 22 (data exception), 23 (integrity
     * constraint) and 54 (a limit, such as the size of a search vector). Everything else, a lost connection or a
     * grant or migration mistake (class 42) included, is the system's fault and is retried until mended.
     */
    static boolean isRefusedData(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                String sqlClass = sql.getSQLState().substring(0, 2);
                if (sqlClass.equals("22") || sqlClass.equals("23") || sqlClass.equals("54")) {
                    return true;
                }
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
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

package io.verbatim.analysis.service;

import io.quarkus.runtime.StartupEvent;
import io.verbatim.analysis.config.AnalysisConfig;
import io.verbatim.engine.ArticleAnalyzer;
import io.verbatim.engine.Languages;
import io.verbatim.engine.model.Analysis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Loads the models of the configured languages once, in the background at start-up (seconds, hundreds of MB), so health endpoints
 * answer meanwhile; readiness stays DOWN and analysis waits until they are loaded, and a failed load fails
 * liveness instead of turning the backlog into dead letters.
 *
 * <p>Each analysis runs on a thread of its own under the time budget, so that whatever one article does to the
 * engine (an {@link Error} such as {@link OutOfMemoryError} or {@link StackOverflowError}, an exception, or no
 * end in sight) is that article's failure, not the consumer's. Past the budget the analysis is abandoned: its
 * thread is interrupted (the engine stops at its next step) and the article is a poison record.
 */
@ApplicationScoped
public class AnalysisEngine {

    private static final Logger LOG = Logger.getLogger(AnalysisEngine.class);

    @Inject
    AnalysisConfig config;

    /** The analyzers by language code (ISO 639-1): one toolkit and one lexicon folder each; tests complete it. */
    final CompletableFuture<Map<String, Function<String, Analysis>>> analyzer = new CompletableFuture<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService analyses = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "nlp-analysis-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    /** Abandoned analyses that have not stopped yet, and since when (System.nanoTime()). */
    private final Map<Run, Long> abandoned = new ConcurrentHashMap<>();

    void load(@Observes StartupEvent start) {
        Thread loader = new Thread(() -> {
            long began = System.nanoTime();
            try {
                Map<String, Function<String, Analysis>> analyzers = new LinkedHashMap<>();
                for (String code : config.languages()) {
                    analyzers.put(code, new ArticleAnalyzer(Languages.require(code))::analyze);
                }
                analyzer.complete(Map.copyOf(analyzers));
                LOG.infof("NLP models of %s loaded in %d ms", analyzers.keySet(), (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException | Error e) {
                LOG.error("cannot load the NLP models of " + config.languages(), e);
                analyzer.completeExceptionally(e);
            }
        }, "nlp-model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    public boolean isLoaded() {
        return analyzer.isDone() && !analyzer.isCompletedExceptionally();
    }

    public boolean failed() {
        return analyzer.isCompletedExceptionally();
    }

    /**
     * Abandoned analyses still running a budget after they were interrupted: the engine ignores the interruption,
     * and only a restart gives their cores back.
     */
    public int runaways() {
        long limit = System.nanoTime() - config.timeBudget().toNanos();
        return (int) abandoned.values().stream().filter(since -> since < limit).count();
    }

    /**
     * Analyses one text in its language; the models must be loaded ({@link #isLoaded()}).
     *
     * @throws PoisonRecordException with reason {@code timeout} past the budget, {@code engine} if it failed,
     * {@code invalid} for a language the engine cannot read (ingest refuses those, so only a foreign producer's)
     * @throws InterruptedException if the calling thread is interrupted while waiting (the analysis is abandoned)
     */
    public Analysis analyze(String text, String language) throws InterruptedException {
        Map<String, Function<String, Analysis>> loaded = analyzer.getNow(null);
        if (loaded == null) {
            throw new IllegalStateException("the NLP models are not loaded");
        }
        Function<String, Analysis> ready = language == null ? null : loaded.get(language);
        if (ready == null) {
            throw new PoisonRecordException("invalid", "no analyzer for language '" + language + "': this instance"
                    + " loads " + loaded.keySet() + " (verbatim.analysis.languages), and ingest-service should have"
                    + " refused it (verbatim.ingest.supported-languages)");
        }
        Run run = new Run();
        analyses.execute(() -> run.execute(() -> ready.apply(text)));
        try {
            return run.result.get(config.timeBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PoisonRecordException("engine", "analysis failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            abandon(run);
            throw new PoisonRecordException("timeout", "analysis took longer than " + config.timeBudget().toMillis()
                    + " ms (verbatim.analysis.time-budget)");
        } catch (InterruptedException e) {
            abandon(run);
            throw e;
        }
    }

    private void abandon(Run run) {
        abandoned.put(run, System.nanoTime());
        if (!run.interrupt()) {
            abandoned.remove(run);
        }
    }

    /** One analysis on its thread. The lock keeps an interruption from reaching the thread's next task. */
    private final class Run {
        final CompletableFuture<Analysis> result = new CompletableFuture<>();
        private Thread thread;
        private boolean abandonedBeforeStart;
        private boolean finished;

        void execute(Supplier<Analysis> analysis) {
            synchronized (this) {
                if (abandonedBeforeStart) {
                    finished = true;
                    abandoned.remove(this);
                    return;
                }
                thread = Thread.currentThread();
            }
            try {
                result.complete(analysis.get());
            } catch (Throwable e) {
                // Errors too (OutOfMemoryError, StackOverflowError): unwound, their memory and stack are free again.
                result.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    finished = true;
                    Thread.interrupted();
                }
                abandoned.remove(this);
            }
        }

        /** Interrupts the analysis if it still runs; false if it has already finished. */
        synchronized boolean interrupt() {
            if (finished) {
                return false;
            }
            if (thread != null) {
                thread.interrupt();
            } else {
                abandonedBeforeStart = true;
            }
            return true;
        }
    }
}

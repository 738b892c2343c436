package io.verbatim.analysis.service;

import io.quarkus.runtime.StartupEvent;
import io.verbatim.analysis.engine.Analysis;
import io.verbatim.analysis.engine.ArticleAnalyzer;
import io.verbatim.analysis.engine.CoreNlpFrench;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/**
 * Loads the French models once, in the background at start-up (seconds, hundreds of MB), so health endpoints
 * answer meanwhile; readiness stays DOWN and analysis waits until they are loaded.
 */
@ApplicationScoped
public class AnalysisEngine {

    private static final Logger LOG = Logger.getLogger(AnalysisEngine.class);

    private final CompletableFuture<ArticleAnalyzer> analyzer = new CompletableFuture<>();

    void load(@Observes StartupEvent start) {
        Thread loader = new Thread(() -> {
            long began = System.nanoTime();
            try {
                analyzer.complete(new ArticleAnalyzer(new CoreNlpFrench()));
                LOG.infof("French NLP models loaded in %d ms", (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException | Error e) {
                LOG.error("cannot load the French NLP models", e);
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

    public Analysis analyze(String text) {
        return analyzer.join().analyze(text);
    }
}

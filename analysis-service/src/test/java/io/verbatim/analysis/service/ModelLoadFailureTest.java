package io.verbatim.analysis.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.verbatim.analysis.event.RawArticle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Models that failed to load are the service's fault, not the articles': a record waits (it is neither stored nor
 * dead-lettered) and is handed back to Kafka at shutdown, while the engine reports the failure for liveness.
 */
class ModelLoadFailureTest {

    @Test
    void aRecordWaitsForModelsThatFailedToLoadAndIsHandedBackAtShutdown() throws Exception {
        AnalysisEngine engine = new AnalysisEngine();
        engine.analyzer.completeExceptionally(new OutOfMemoryError("Java heap space"));
        ArticleProcessing processing = new ArticleProcessing(new SimpleMeterRegistry());
        processing.engine = engine;
        RawArticle article = new RawArticle(1, "0ca31174-2924-3aa0-83a7-2c5807ed07ac", "Titre", "Texte.", null, null,
                "fr", "given", null, List.of(), Instant.now());

        CompletableFuture<Object> outcome = CompletableFuture.supplyAsync(() -> processing.process(article));
        Thread.sleep(1_000);
        assertFalse(outcome.isDone(), "the record did not wait for the models");
        assertTrue(engine.failed());
        assertTrue(processing.waitingFor().orElse("").contains("failed to load"));

        processing.onStop(null);
        Throwable handedBack = outcome.handle((done, failure) -> failure).get(5, TimeUnit.SECONDS);
        assertInstanceOf(ShuttingDownException.class, handedBack.getCause());
    }
}

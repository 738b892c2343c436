package io.verbatim.analysis.service;

import io.verbatim.analysis.config.AnalysisConfig;
import io.verbatim.engine.model.Analysis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one article can do to the engine stays that article's failure: errors, exceptions and endless analyses
 * come back as poison records with their reason, and the next article is analysed as usual.
 */
class AnalysisEngineTest {

    private static final Analysis EMPTY = new Analysis(List.of(), List.of(), List.of(), 1, "verbatim-fr-1");

    private static AnalysisEngine engine(Duration budget, Function<String, Analysis> analyzer) {
        AnalysisEngine engine = new AnalysisEngine();
        engine.config = new AnalysisConfig() {
            public int maxBodyChars() { return 1 << 20; }
            public Duration timeBudget() { return budget; }
            public Duration firstRetryPause() { return Duration.ofMillis(10); }
            public Duration maxRetryPause() { return Duration.ofMillis(10); }
            public Duration publishTimeout() { return Duration.ofSeconds(1); }
            public int outboxBatch() { return 10; }
            public List<String> languages() { return List.of("fr"); }
        };
        engine.analyzer.complete(java.util.Map.of("fr", analyzer));
        return engine;
    }

    private static String reason(AnalysisEngine engine, String text) {
        return assertThrows(PoisonRecordException.class, () -> engine.analyze(text, "fr")).getMessage();
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void errorsOfOneArticleAreItsFailureAndTheNextIsAnalysed() throws Exception {
        AnalysisEngine engine = engine(Duration.ofSeconds(30), text -> switch (text) {
            case "deep" -> { recurse(0); yield EMPTY; }
            case "huge" -> { long[] tooBig = new long[Integer.MAX_VALUE - 8]; yield EMPTY; }
            case "bug" -> throw new IllegalArgumentException("no rule for this");
            default -> EMPTY;
        });
        assertTrue(reason(engine, "deep").startsWith("engine: analysis failed: java.lang.StackOverflowError"));
        assertTrue(reason(engine, "huge").startsWith("engine: analysis failed: java.lang.OutOfMemoryError"));
        assertTrue(reason(engine, "bug").startsWith("engine: analysis failed: java.lang.IllegalArgumentException"));
        assertEquals(EMPTY, engine.analyze("ordinary", "fr"));
    }

    @Test
    void anAnalysisPastItsBudgetIsAbandonedAndStops() throws Exception {
        AnalysisEngine engine = engine(Duration.ofMillis(300), text -> {
            while (!text.equals("endless") || !Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            throw new IllegalStateException("interrupted");
        });
        assertTrue(reason(engine, "endless").startsWith("timeout: "));
        // Interrupted, the analysis has stopped: nothing is left using a core once the budget has passed again.
        Thread.sleep(600);
        assertEquals(0, engine.runaways());
    }

    @Test
    void anAnalysisThatIgnoresTheInterruptionIsReportedUntilItEnds() throws Exception {
        long[] endsAt = {0};
        AnalysisEngine engine = engine(Duration.ofMillis(200), text -> {
            endsAt[0] = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
            while (System.nanoTime() < endsAt[0]) {
                Thread.onSpinWait();
            }
            return EMPTY;
        });
        assertTrue(reason(engine, "stubborn").startsWith("timeout: "));
        Thread.sleep(600);
        assertEquals(1, engine.runaways(), "still running a budget after it was abandoned");
        while (System.nanoTime() < endsAt[0] + Duration.ofMillis(200).toNanos()) {
            Thread.sleep(50);
        }
        assertEquals(0, engine.runaways());
    }

    @Test
    void anArticleInALanguageWithNoAnalyzerIsAPoisonRecord() {
        AnalysisEngine engine = engine(Duration.ofSeconds(5), text -> EMPTY);
        PoisonRecordException refused = assertThrows(PoisonRecordException.class, () -> engine.analyze("Hello", "en"));
        assertTrue(refused.getMessage().startsWith("invalid: no analyzer for language 'en'"), refused.getMessage());
    }
}

package io.verbatim.engine.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.verbatim.engine.ArticleAnalyzer;
import io.verbatim.engine.lang.fr.CoreNlpFrench;
import io.verbatim.engine.lang.fr.French;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Speed and memory of the engine ({@code analysis-service/benchmark.sh [DIR] [--json]}), on one thread, warm:
 * tokens per second and milliseconds per article for the full engine and for bare CoreNLP French
 * (tokenize, ssplit, mwt, ner) on the same texts, their ratio, and the heap in use with the models loaded.
 * With {@code --threads N}, also the articles per second of the full engine on N threads sharing one engine, as
 * analysis-service runs it (the load benchmark compares the pipeline with this).
 */
public final class BenchmarkCommand {

    private static final int WARM_UP_PASSES = 5;
    private static final long MEASURE_NANOS = 20_000_000_000L;

    private BenchmarkCommand() {
    }

    /** Tokens per second of wall time and of the thread's CPU time (the latter holds on a busy machine). */
    record Run(double tokensPerSecond, double tokensPerCpuSecond, double p50, double p99, int articles) {
    }

    public static void main(String[] args) throws IOException {
        boolean asJson = List.of(args).contains("--json");
        int threadsAt = List.of(args).indexOf("--threads");
        int threads = threadsAt >= 0 && threadsAt + 1 < args.length ? Integer.parseInt(args[threadsAt + 1]) : 0;
        Path dir = Path.of(java.util.stream.IntStream.range(0, args.length)
                .filter(i -> !args[i].startsWith("--") && (threadsAt < 0 || i != threadsAt + 1))
                .mapToObj(i -> args[i]).findFirst().orElse("../shared/corpus/dev"));
        List<String> texts = readTexts(dir);
        if (texts.isEmpty()) {
            System.err.println("no *.json (with \"text\") or *.txt file in " + dir);
            System.exit(2);
        }
        ArticleAnalyzer engine = new ArticleAnalyzer(French.LANGUAGE);
        long heap = heapInUse();

        Run[] runs = measureSideBySide(texts, text -> engine.analyze(text).tokenCount(), CoreNlpFrench.baseline());
        Run full = runs[0];
        Run bare = runs[1];
        double ratio = bare.tokensPerCpuSecond() / full.tokensPerCpuSecond();
        double parallel = threads > 0 ? articlesPerSecond(texts, engine, threads) : 0;

        System.out.printf("%d texts from %s, 1 thread, after %d warm-up passes, engine and baseline in alternating passes%n%n",
                texts.size(), dir, WARM_UP_PASSES);
        System.out.printf("%-26s %12s %14s %10s %10s%n", "", "tokens/s", "tokens/CPU-s", "p50 ms", "p99 ms");
        System.out.printf("%-26s %12.0f %14.0f %10.1f %10.1f%n", "Verbatim engine", full.tokensPerSecond(),
                full.tokensPerCpuSecond(), full.p50(), full.p99());
        System.out.printf("%-26s %12.0f %14.0f %10.1f %10.1f%n", "CoreNLP tokenize+ner", bare.tokensPerSecond(),
                bare.tokensPerCpuSecond(), bare.p50(), bare.p99());
        System.out.printf("%nratio (CoreNLP / engine, CPU time): %.3f%nheap in use with the models loaded: %d MiB%n",
                ratio, heap / (1024 * 1024));
        if (threads > 0) {
            System.out.printf("full engine on %d threads: %.1f articles/s%n", threads, parallel);
        }
        if (asJson) {
            System.out.printf("{\"tokens_per_s\":%.1f,\"tokens_per_cpu_s\":%.1f,\"baseline_tokens_per_s\":%.1f,"
                            + "\"baseline_tokens_per_cpu_s\":%.1f,\"ratio\":%.4f,"
                            + "\"ms_per_article_p50\":%.2f,\"ms_per_article_p99\":%.2f,\"threads\":1,\"heap_mib\":%d%s}%n",
                    full.tokensPerSecond(), full.tokensPerCpuSecond(), bare.tokensPerSecond(), bare.tokensPerCpuSecond(),
                    ratio, full.p50(), full.p99(), heap / (1024 * 1024),
                    threads > 0 ? String.format(java.util.Locale.ROOT, ",\"parallel_threads\":%d,\"parallel_articles_per_s\":%.2f",
                            threads, parallel) : "");
        }
    }

    /**
     * Measures the engine and the baseline in alternating passes over the texts (each warmed first), so that both
     * see the same machine: on a shared machine whose speed drifts by 10% from one minute to the next, measuring
     * one after the other moved the ratio by as much.
     */
    private static Run[] measureSideBySide(List<String> texts, ToIntFunction<String> engine,
                                           ToIntFunction<String> baseline) {
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            texts.forEach(engine::applyAsInt);
            texts.forEach(baseline::applyAsInt);
        }
        Meter engineMeter = new Meter();
        Meter baselineMeter = new Meter();
        long began = System.nanoTime();
        for (int pass = 0; System.nanoTime() - began < 2 * MEASURE_NANOS; pass++) {
            // Alternate which goes first, so neither always runs on caches the other warmed.
            if (pass % 2 == 0) {
                engineMeter.pass(texts, engine);
                baselineMeter.pass(texts, baseline);
            } else {
                baselineMeter.pass(texts, baseline);
                engineMeter.pass(texts, engine);
            }
        }
        return new Run[]{engineMeter.run(), baselineMeter.run()};
    }

    /** Tokens, wall time, CPU time and per-article times of one side of the measure. */
    private static final class Meter {
        private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
        private final List<Double> millis = new ArrayList<>();
        private long tokens;
        private long busy;
        private long cpuNanos;

        void pass(List<String> texts, ToIntFunction<String> analyze) {
            long cpuBegan = CPU.getCurrentThreadCpuTime();
            for (String text : texts) {
                long start = System.nanoTime();
                tokens += analyze.applyAsInt(text);
                long elapsed = System.nanoTime() - start;
                busy += elapsed;
                millis.add(elapsed / 1e6);
            }
            cpuNanos += CPU.getCurrentThreadCpuTime() - cpuBegan;
        }

        Run run() {
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Run(tokens / (busy / 1e9), tokens / (cpuNanos / 1e9), percentile(sorted, 0.50),
                    percentile(sorted, 0.99), sorted.length);
        }
    }

    /** Articles per second of one shared engine on the given number of threads, warm, over the measuring time. */
    private static double articlesPerSecond(List<String> texts, ArticleAnalyzer engine, int threads) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        long began = System.nanoTime();
        long end = began + MEASURE_NANOS / 2;
        List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * texts.size() / threads;
            workers.add(pool.submit(() -> {
                for (int i = first; System.nanoTime() < end; i++) {
                    engine.analyze(texts.get(i % texts.size()));
                    done.incrementAndGet();
                }
            }));
        }
        try {
            for (java.util.concurrent.Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        return done.get() / ((System.nanoTime() - began) / 1e9);
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static long heapInUse() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static List<String> readTexts(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                if (file.toString().endsWith(".json")) {
                    JsonNode text = json.readTree(file.toFile()).get("text");
                    if (text != null) {
                        texts.add(text.asText());
                    }
                } else if (file.toString().endsWith(".txt")) {
                    texts.add(Files.readString(file));
                }
            }
        }
        return texts;
    }
}

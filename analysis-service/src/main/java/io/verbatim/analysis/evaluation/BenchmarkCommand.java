package io.verbatim.analysis.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.verbatim.analysis.engine.Analysis;
import io.verbatim.analysis.engine.ArticleAnalyzer;
import io.verbatim.analysis.engine.CoreNlpFrench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Speed and memory of the engine ({@code analysis-service/benchmark.sh [DIR] [--json]}), on one thread, warm:
 * tokens per second and milliseconds per article for the full engine and for bare CoreNLP French
 * (tokenize, ssplit, mwt, ner) on the same texts, their ratio, and the heap in use with the models loaded.
 */
public final class BenchmarkCommand {

    private static final int WARM_UP_PASSES = 5;
    private static final long MEASURE_NANOS = 20_000_000_000L;

    private BenchmarkCommand() {
    }

    record Run(double tokensPerSecond, double p50, double p99, int articles) {
    }

    public static void main(String[] args) throws IOException {
        boolean asJson = List.of(args).contains("--json");
        Path dir = Path.of(Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst()
                .orElse("../shared/corpus/dev"));
        List<String> texts = readTexts(dir);
        if (texts.isEmpty()) {
            System.err.println("no *.json (with \"text\") or *.txt file in " + dir);
            System.exit(2);
        }
        CoreNlpFrench coreNlp = new CoreNlpFrench();
        ArticleAnalyzer engine = new ArticleAnalyzer(coreNlp);
        long heap = heapInUse();

        Run full = measure(texts, text -> {
            Analysis analysis = engine.analyze(text);
            return analysis.tokenCount();
        });
        Run bare = measure(texts, coreNlp::annotateOnly);
        double ratio = bare.tokensPerSecond() / full.tokensPerSecond();

        System.out.printf("%d texts from %s, 1 thread, after %d warm-up passes%n%n", texts.size(), dir, WARM_UP_PASSES);
        System.out.printf("%-26s %12s %10s %10s%n", "", "tokens/s", "p50 ms", "p99 ms");
        System.out.printf("%-26s %12.0f %10.1f %10.1f%n", "Verbatim engine", full.tokensPerSecond(), full.p50(), full.p99());
        System.out.printf("%-26s %12.0f %10.1f %10.1f%n", "CoreNLP tokenize+ner", bare.tokensPerSecond(), bare.p50(), bare.p99());
        System.out.printf("%nratio (CoreNLP / engine speed): %.3f%nheap in use with the models loaded: %d MiB%n",
                ratio, heap / (1024 * 1024));
        if (asJson) {
            System.out.printf("{\"tokens_per_s\":%.1f,\"baseline_tokens_per_s\":%.1f,\"ratio\":%.4f,"
                            + "\"ms_per_article_p50\":%.2f,\"ms_per_article_p99\":%.2f,\"threads\":1,\"heap_mib\":%d}%n",
                    full.tokensPerSecond(), bare.tokensPerSecond(), ratio, full.p50(), full.p99(), heap / (1024 * 1024));
        }
    }

    private static Run measure(List<String> texts, ToIntFunction<String> analyze) {
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            texts.forEach(analyze::applyAsInt);
        }
        List<Double> millis = new ArrayList<>();
        long tokens = 0;
        long busy = 0;
        long began = System.nanoTime();
        while (System.nanoTime() - began < MEASURE_NANOS) {
            for (String text : texts) {
                long start = System.nanoTime();
                tokens += analyze.applyAsInt(text);
                long elapsed = System.nanoTime() - start;
                busy += elapsed;
                millis.add(elapsed / 1e6);
            }
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Run(tokens / (busy / 1e9), percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length);
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

package io.verbatim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole pipeline under load, on this machine's real Kafka and PostgreSQL, with the packaged services:
 *
 * <ol>
 *   <li>ingest alone, after a warm-up: articles posted as fast as 32 concurrent clients can, each acknowledged by
 *       Kafka, with the CPU per article of ingest, Kafka and this client;</li>
 *   <li>the pipeline at a steady rate, after a warm-up at that rate: latency POST → on articles.tagged and
 *       POST → visible in query-service, consumer lag, heap and CPU of each service sampled every second, and CPU
 *       per article of every part (services, Kafka, PostgreSQL, this client; of it the JIT compilers);</li>
 *   <li>the pipeline saturated: a burst, drained as fast as analysis can, compared with the analysis engine alone
 *       on the same texts and thread count (analysis-service/benchmark.sh --threads): the pipeline efficiency.</li>
 * </ol>
 * Writes target/bench/load.md (table) and target/bench/load-latency.svg (latency and lag over time).
 *
 * <pre>java io.verbatim.bench.LoadBenchmark [--articles 1200] [--rate 20] [--warmup 1200] [--ingest-articles 10000]
 *      [--ingest-warmup 20000] [--burst 600] [--threads 2]</pre>
 */
public final class LoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+-]+)",
            Pattern.MULTILINE);
    private static final Pattern CPU = Pattern.compile("^process_cpu_usage(?:\\{[^}]*})? ([0-9.eE+-]+)", Pattern.MULTILINE);
    /** analysis-service's timer of the statement grouping in its store transaction (ArticleStore). */
    private static final Pattern GROUPING_COUNT = Pattern.compile(
            "^verbatim_statements_grouping_seconds_count(?:\\{[^}]*})? ([0-9.eE+-]+)", Pattern.MULTILINE);
    private static final Pattern GROUPING_SUM = Pattern.compile(
            "^verbatim_statements_grouping_seconds_sum(?:\\{[^}]*})? ([0-9.eE+-]+)", Pattern.MULTILINE);
    private static final Pattern GROUPING_P99 = Pattern.compile(
            "^verbatim_statements_grouping_seconds\\{[^}]*quantile=\"0.99\"[^}]*} ([0-9.eE+-]+)", Pattern.MULTILINE);

    private final Map<String, String> options;
    private final Path repo;
    private final Path out;
    private final String kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String key = "bench-" + UUID.randomUUID();
    private final List<ObjectNode> texts = new ArrayList<>();
    /** Each text as a JSON object left open: a post appends its own source, url and date (no re-serialising). */
    private final List<String> openBodies = new ArrayList<>();
    private final AtomicLong posted = new AtomicLong();
    private final Vertx vertx = Vertx.vertx();
    private final io.vertx.core.http.HttpClient posting = vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
    private final StringBuilder report = new StringBuilder();
    private final List<String> json = new ArrayList<>();
    private double pipelineCpuMsPerArticle;

    private LoadBenchmark(Map<String, String> options) throws Exception {
        this.options = options;
        repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        out = Files.createDirectories(repo.resolve("target/bench"));
        kafka = options.getOrDefault("kafka", "127.0.0.1:39092");
        ArticleGenerator generator = new ArticleGenerator(11, 1500);
        OffsetDateTime day = OffsetDateTime.of(2025, 3, 3, 8, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 300; i++) {
            ArticleGenerator.Article a = generator.next(day, 400, 800);
            ObjectNode text = JSON.createObjectNode().put("title", a.title()).put("body", a.body()).put("language", "fr");
            texts.add(text);
            String body = text.toString();
            openBodies.add(body.substring(0, body.length() - 1));
        }
    }

    public static void main(String[] args) throws Exception {
        LoadBenchmark benchmark = new LoadBenchmark(QueryBenchmark.options(args));
        try {
            benchmark.run();
        } finally {
            benchmark.vertx.close();
        }
    }

    private int option(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private void run() throws Exception {
        int threads = option("threads", 2);
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka,
                "VERBATIM_DB_URL", options.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:35432/verbatim"),
                "VERBATIM_API_KEYS", key, "VERBATIM_ANALYSIS_THREADS", Integer.toString(threads),
                // One benchmark client posts far above the per-client limit meant for newsroom feeds.
                "VERBATIM_INGEST_RATE_LIMIT", "1000000", "VERBATIM_INGEST_RATE_BURST", "1000000"));
        // and polls query-service for each article, far above the per-client limit meant for readers.
        env.putAll(Map.of("VERBATIM_QUERY_RATE_LIMIT", "1000000", "VERBATIM_QUERY_RATE_BURST", "1000000"));
        report.append(String.format("Load benchmark, run %s: %d cores, analysis on %d threads, articles of 400-800 words.%n%n",
                run, Runtime.getRuntime().availableProcessors(), threads));
        ServiceProcess ingest = ServiceProcess.start(repo, "ingest-service", env, out);
        ServiceProcess analysis = null;
        ServiceProcess query = null;
        try {
            System.out.printf("ingest-service ready in %d ms%n", ingest.awaitReady(Duration.ofMinutes(3)).toMillis());
            ingestAlone(ingest, option("ingest-articles", 10_000));
            ingestBatches(ingest, option("ingest-articles", 10_000), 50);
            if (option("articles", 1200) == 0) {
                finish();
                return;
            }
            skipBacklog();
            query = ServiceProcess.start(repo, "query-service", env, out);
            analysis = ServiceProcess.start(repo, "analysis-service", env, out);
            System.out.printf("query-service ready in %d ms, analysis-service in %d ms%n",
                    query.awaitReady(Duration.ofMinutes(3)).toMillis(), analysis.awaitReady(Duration.ofMinutes(3)).toMillis());
            double drained = pipeline(ingest, analysis, query, option("articles", 1200), option("rate", 20),
                    option("burst", 600));
            for (ServiceProcess s : new ServiceProcess[]{ingest, analysis, query}) {
                s.close();
            }
            engineAlone(threads, drained);
        } finally {
            for (ServiceProcess s : new ServiceProcess[]{ingest, analysis, query}) {
                if (s != null) {
                    s.close();
                }
            }
        }
        finish();
    }

    private void finish() throws IOException {
        System.out.print("\n" + report);
        Files.writeString(out.resolve("load.md"), report);
        System.out.printf("%ntable: %s, plot: %s%n", out.resolve("load.md"), out.resolve("load-latency.svg"));
        System.out.println("{" + String.join(",", json) + "}");
    }

    // ---- 1. ingest alone ----------------------------------------------------------------------------------------

    private void ingestAlone(ServiceProcess ingest, int n) throws Exception {
        // Warm-up: until the JIT compilers are done with ingest's request path they take half a core.
        post(ingest, option("ingest-warmup", 20_000), 32, "warm-up", null, null);
        Latencies latency = new Latencies("POST → 202 (acknowledged by Kafka)");
        AtomicInteger errors = new AtomicInteger();
        CpuBudget budget = new CpuBudget()
                .part("ingest-service", () -> Stream.of(ingest.handle()))
                .part("Kafka broker", this::kafkaBroker)
                .part("benchmark client", () -> Stream.of(ProcessHandle.current()));
        CpuBudget.Snapshot cpuBefore = budget.snapshot();
        long began = System.nanoTime();
        int accepted = post(ingest, n, 32, "ingest", null, (status, nanos) -> {
            if (status == 202) {
                latency.add(nanos);
            } else {
                errors.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - began) / 1e9;
        CpuBudget.Snapshot cpuAfter = budget.snapshot();
        double perSecond = accepted / seconds;
        // On 2 cores, 1 ms of CPU per article in all processes together caps at 2000/s.
        double cpuMs = cpuAfter.total(cpuBefore) / n;
        report.append(String.format(Locale.ROOT, "## Ingest alone (32 concurrent clients, %d articles, after %d)%n%n"
                        + "accepted: %d/s (goal ≥ 2000), errors: %d%n%n", n, option("ingest-warmup", 20_000),
                        Math.round(perSecond), errors.get()))
                .append(Latencies.tableHeader()).append(latency.tableRow()).append('\n')
                .append(cpuAfter.perArticle(cpuBefore, n)).append('\n');
        json.add(String.format(Locale.ROOT, "\"ingest_accepted_per_s\":%.0f,\"ingest_p50_ms\":%.2f,\"ingest_p99_ms\":%.2f,"
                + "\"ingest_errors\":%d,\"ingest_cpu_ms_per_article\":%.2f", perSecond, latency.percentile(0.5),
                latency.percentile(0.99), errors.get(), cpuMs));
        System.out.printf(Locale.ROOT, "ingest alone: %.0f accepted/s, p99 %.1f ms, %d errors; CPU per article, all"
                + " processes: %.2f ms%n", perSecond, latency.percentile(0.99), errors.get(), cpuMs);
    }

    /** The batch endpoint: arrays of `size` articles, 4 requests in flight, each answered once Kafka has them all. */
    private void ingestBatches(ServiceProcess ingest, int n, int size) throws Exception {
        Latencies latency = new Latencies("POST batch of " + size + " → 200");
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore inFlight = new Semaphore(4);
        long began = System.nanoTime();
        for (int sent = 0; sent < n; sent += size) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < size; i++) {
                batch.append(i == 0 ? "" : ",").append(article("batch"));
            }
            inFlight.acquire();
            long start = System.nanoTime();
            post(ingest, "/api/v1/articles/batch", batch.append(']').toString()).whenComplete((response, error) -> {
                if (error == null && response.status() == 200) {
                    latency.add(System.nanoTime() - start);
                    int ok = readAccepted(response);
                    accepted.addAndGet(ok);
                    failed.addAndGet(size - ok);
                } else {
                    failed.addAndGet(size);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(4);
        double perSecond = accepted.get() / ((System.nanoTime() - began) / 1e9);
        report.append(String.format(Locale.ROOT, "## Ingest alone, batches of %d (4 concurrent requests, %d articles)%n%n"
                        + "accepted: %d articles/s, not accepted: %d%n%n", size, n, Math.round(perSecond), failed.get()))
                .append(Latencies.tableHeader()).append(latency.tableRow()).append('\n');
        json.add(String.format(Locale.ROOT, "\"ingest_batch_accepted_per_s\":%.0f,\"ingest_batch_p99_ms\":%.2f",
                perSecond, latency.percentile(0.99)));
        System.out.printf(Locale.ROOT, "ingest alone in batches of %d: %.0f accepted/s, batch p99 %.1f ms, %d not accepted%n",
                size, perSecond, latency.percentile(0.99), failed.get());
    }

    private static int readAccepted(Answer response) {
        try {
            return JSON.readTree(response.body()).get("accepted").asInt();
        } catch (Exception e) {
            throw new IllegalStateException("unreadable batch answer: " + response.body(), e);
        }
    }

    private static String commandLine(ProcessHandle p) {
        return p.info().commandLine().orElse("");
    }

    private String pgPort() {
        Matcher port = Pattern.compile(":(\\d+)/").matcher(options.getOrDefault("db-url", ":35432/"));
        return port.find() ? port.group(1) : "35432";
    }

    /** The broker of this benchmark, found by its command line (it runs from this repository's bench state). */
    private Stream<ProcessHandle> kafkaBroker() {
        return ProcessHandle.allProcesses()
                .filter(p -> commandLine(p).contains("kafka.Kafka") && commandLine(p).contains(repo.toString()));
    }

    /** The analysis consumer group starts after the ingest-only articles: they measured ingest, not analysis. */
    private void skipBacklog() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<TopicPartition, OffsetSpec> latest = partitions(admin, "articles.raw").stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets("analysis-service", ends).all().get();
        }
    }

    // ---- 2. the pipeline at a steady rate, then saturated ---------------------------------------------------

    private double pipeline(ServiceProcess ingest, ServiceProcess analysis, ServiceProcess query, int n, int rate,
                            int burst) throws Exception {
        Map<String, Long> posted = new ConcurrentHashMap<>();
        Map<String, Long> tagged = new ConcurrentHashMap<>();
        Map<String, Long> visible = new ConcurrentHashMap<>();
        List<long[]> lag = new CopyOnWriteArrayList<>();
        Map<String, List<double[]>> usage = new ConcurrentHashMap<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        String source = "Load " + run;
        List<Thread> watchers = List.of(
                daemon(() -> watchTagged(tagged, watching)),
                daemon(() -> watchVisible(query, tagged, visible, watching)),
                daemon(() -> sample(Map.of("ingest", ingest, "analysis", analysis, "query", query), lag, usage, watching)));

        // Warm-up at the same rate: the JIT compilers of five fresh JVMs (three services, Kafka, this client) take
        // a good part of the machine for minutes; a service that runs for days pays that once. The measured phase
        // then starts from a quiet pipeline.
        steady(ingest, option("warmup", 1200), rate, source, posted, null);
        awaitAll(posted.keySet(), visible, Duration.ofMinutes(5));
        Map<String, Long> warm = Map.copyOf(posted);
        Map<String, Long> measured = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        CpuBudget budget = new CpuBudget()
                .part("ingest-service", () -> Stream.of(ingest.handle()))
                .part("analysis-service", () -> Stream.of(analysis.handle()))
                .part("query-service", () -> Stream.of(query.handle()))
                .part("Kafka broker", this::kafkaBroker)
                .part("PostgreSQL", () -> ProcessHandle.allProcesses()
                        .filter(p -> commandLine(p).contains("verbatim-postgres-" + pgPort() + "/data"))
                        .flatMap(p -> Stream.concat(Stream.of(p), p.descendants())))
                .part("benchmark client", () -> Stream.of(ProcessHandle.current()));
        CpuBudget.Snapshot cpuBefore = budget.snapshot();
        String groupingBefore = metrics(analysis);
        long began = System.nanoTime();
        steady(ingest, n, rate, source, measured, errors);
        posted.putAll(measured);
        boolean complete = awaitAll(measured.keySet(), visible, Duration.ofMinutes(5));
        awaitAll(measured.keySet(), tagged, Duration.ofSeconds(30));
        long ended = System.nanoTime();
        CpuBudget.Snapshot cpuAfter = budget.snapshot();
        pipelineCpuMsPerArticle = cpuAfter.total(cpuBefore) / measured.size();
        String groupingAfter = metrics(analysis);
        double grouped = sum(GROUPING_COUNT, groupingAfter) - sum(GROUPING_COUNT, groupingBefore);
        double groupingMs = 1000 * (sum(GROUPING_SUM, groupingAfter) - sum(GROUPING_SUM, groupingBefore)) / grouped;
        double groupingP99Ms = 1000 * sum(GROUPING_P99, groupingAfter);

        Latencies toTagged = new Latencies("POST → on articles.tagged");
        Latencies toVisible = new Latencies("POST → visible in query-service");
        measured.forEach((id, at) -> {
            if (tagged.containsKey(id)) {
                toTagged.add(tagged.get(id) - at);
            }
            if (visible.containsKey(id)) {
                toVisible.add(visible.get(id) - at);
            }
        });
        long lost = measured.keySet().stream().filter(id -> !visible.containsKey(id)).count();
        double window = (ended - began) / 1e9;
        report.append(String.format(Locale.ROOT, "## Pipeline at %d articles/s (%d articles, after %d warm-up)%n%n"
                        + "accepted: %d, refused or failed: %d, not visible after 5 min: %d%n"
                        + "end-to-end throughput: %.1f articles/s over %.0f s (goal: sustain %d/s with p95 ≤ 2 s)%n%n",
                rate, n, warm.size(), measured.size(), errors.get(), lost, measured.size() / window, window, rate))
                .append(Latencies.tableHeader()).append(toTagged.tableRow()).append(toVisible.tableRow()).append('\n');
        report.append(usageTable(lag, usage, began));
        report.append(String.format("CPU per article over the steady phase, every part of the pipeline on this machine:%n%n"))
                .append(cpuAfter.perArticle(cpuBefore, measured.size())).append('\n');
        report.append(String.format(Locale.ROOT, "Statements: grouping an article's quotes in its store transaction took"
                + " %.2f ms per article on average over the steady phase (%d articles stored), p99 %.2f ms over the last"
                + " minutes (analysis-service's verbatim_statements_grouping_seconds).%n%n", groupingMs, (long) grouped,
                groupingP99Ms));
        json.add(String.format(Locale.ROOT, "\"grouping_ms_per_article\":%.3f,\"grouping_p99_ms\":%.3f", groupingMs,
                groupingP99Ms));
        json.add(String.format(Locale.ROOT, "\"rate\":%d,\"accepted\":%d,\"errors\":%d,\"lost\":%d,"
                        + "\"tagged_p50_ms\":%.1f,\"tagged_p95_ms\":%.1f,\"tagged_p99_ms\":%.1f,"
                        + "\"visible_p50_ms\":%.1f,\"visible_p95_ms\":%.1f,\"visible_p99_ms\":%.1f,\"max_lag\":%d",
                rate, measured.size(), errors.get(), lost, toTagged.percentile(0.5), toTagged.percentile(0.95),
                toTagged.percentile(0.99), toVisible.percentile(0.5), toVisible.percentile(0.95),
                toVisible.percentile(0.99), lag.stream().mapToLong(s -> s[1]).max().orElse(0)));
        plot(measured, visible, lag, began, rate);
        if (!complete) {
            System.out.println("warning: some articles were not visible after 5 minutes");
        }

        // Saturated: a burst as fast as ingest takes it, drained as fast as analysis can.
        Map<String, Long> burstPosted = new ConcurrentHashMap<>();
        long burstBegan = System.nanoTime();
        post(ingest, burst, 16, source, burstPosted, null);
        posted.putAll(burstPosted);
        awaitAll(burstPosted.keySet(), visible, Duration.ofMinutes(10));
        long firstVisible = burstPosted.keySet().stream().mapToLong(visible::get).min().orElse(burstBegan);
        long lastVisible = burstPosted.keySet().stream().mapToLong(visible::get).max().orElse(burstBegan);
        double drained = burst / ((lastVisible - burstBegan) / 1e9);
        report.append(String.format(Locale.ROOT, "## Pipeline saturated (%d articles at once)%n%n"
                        + "first visible after %.1f s, all after %.1f s: %.1f articles/s end to end%n%n", burst,
                (firstVisible - burstBegan) / 1e9, (lastVisible - burstBegan) / 1e9, drained));
        watching.set(false);
        for (Thread t : watchers) {
            t.join(5000);
        }
        return drained;
    }

    private void engineAlone(int threads, double pipelinePerSecond) throws Exception {
        Path dir = Files.createDirectories(out.resolve("load-texts"));
        for (int i = 0; i < texts.size(); i++) {
            Files.writeString(dir.resolve(String.format("%03d.txt", i)), texts.get(i).get("body").asText());
        }
        Process engine = new ProcessBuilder(repo.resolve("analysis-service/benchmark.sh").toString(), dir.toString(),
                "--json", "--threads", Integer.toString(threads)).directory(repo.resolve("analysis-service").toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new String(engine.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (engine.waitFor() != 0 || lines.isEmpty()) {
            throw new IllegalStateException("analysis-service/benchmark.sh failed: " + lines);
        }
        double engineAlone = JSON.readTree(lines.get(lines.size() - 1)).get("parallel_articles_per_s").asDouble();
        double efficiency = pipelinePerSecond / engineAlone;
        double engineMs = 1000.0 * threads / engineAlone;
        report.append(String.format(Locale.ROOT, "## Efficiency%n%nengine alone on %d threads, same texts: %.1f articles/s%n"
                        + "pipeline saturated: %.1f articles/s%nefficiency: %.2f (goal ≥ 0.8)%n%n"
                        + "The engine alone spends %.1f ms of CPU per article; the whole pipeline spent %.1f ms per article"
                        + " in the steady phase (table above), so on a machine that runs every part the efficiency cannot"
                        + " pass about %.2f.%n", threads, engineAlone, pipelinePerSecond, efficiency, engineMs,
                pipelineCpuMsPerArticle, engineMs / pipelineCpuMsPerArticle));
        json.add(String.format(Locale.ROOT, "\"pipeline_articles_per_s\":%.2f,\"engine_articles_per_s\":%.2f,"
                + "\"efficiency\":%.3f,\"engine_cpu_ms_per_article\":%.1f,\"pipeline_cpu_ms_per_article\":%.1f",
                pipelinePerSecond, engineAlone, efficiency, engineMs, pipelineCpuMsPerArticle));
    }

    // ---- posting ----------------------------------------------------------------------------------------------

    interface Outcome {
        void record(int status, long nanos);
    }

    /**
     * Posts n articles with at most `concurrency` in flight; returns how many were accepted (202). Each accepted
     * id goes into `accepted` (if given) with its send time; every outcome goes to `outcome` (if given).
     */
    private int post(ServiceProcess ingest, int n, int concurrency, String source, Map<String, Long> accepted,
                     Outcome outcome) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger ok = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            long start = System.nanoTime();
            send(ingest, source).whenComplete((response, error) -> {
                long nanos = System.nanoTime() - start;
                int status = error == null ? response.status() : 0;
                if (status == 202) {
                    ok.incrementAndGet();
                    if (accepted != null) {
                        accepted.put(id(response), start);
                    }
                }
                if (outcome != null) {
                    outcome.record(status, nanos);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        return ok.get();
    }

    /** Posts n articles at a fixed rate (not waiting for answers), recording when each accepted one was sent. */
    private void steady(ServiceProcess ingest, int n, int rate, String source, Map<String, Long> accepted,
                        AtomicInteger errors) throws Exception {
        long began = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long due = began + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long start = System.nanoTime();
            pending.add(send(ingest, source).whenComplete((response, error) -> {
                if (error == null && response.status() == 202) {
                    accepted.put(id(response), start);
                } else if (errors != null) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (var p : pending) {
            p.exceptionally(e -> null).join();
        }
    }

    /** An answer of ingest-service. */
    private record Answer(int status, String body) {
    }

    private java.util.concurrent.CompletableFuture<Answer> send(ServiceProcess ingest, String source) {
        return post(ingest, "/api/v1/articles", article(source));
    }

    /** One generated article with a url of its own; source is one of the benchmark's plain words (no escaping). */
    private String article(String source) {
        return openBodies.get(RoundRobin.next(openBodies.size())) + ",\"source\":\"" + source
                + "\",\"url\":\"https://example.org/load/" + run + "/" + posted.incrementAndGet()
                + "\",\"publishedAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}";
    }

    private java.util.concurrent.CompletableFuture<Answer> post(ServiceProcess ingest, String path, String body) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                .setPort(ingest.port).setURI(path).setTimeout(30_000)
                .putHeader("Content-Type", "application/json").putHeader("X-API-Key", key);
        return posting.request(request)
                .compose(r -> r.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b.toString())))
                .toCompletionStage().toCompletableFuture();
    }

    private static String id(Answer response) {
        try {
            return JSON.readTree(response.body()).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("unreadable 202 body: " + response.body(), e);
        }
    }

    /** Round-robin over the generated texts, shared by all posting threads. */
    private static final class RoundRobin {
        private static final AtomicInteger NEXT = new AtomicInteger();

        static int next(int size) {
            return Math.floorMod(NEXT.getAndIncrement(), size);
        }
    }

    // ---- watching ---------------------------------------------------------------------------------------------

    private void watchTagged(Map<String, Long> tagged, AtomicBoolean watching) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor("articles.tagged").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (watching.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    tagged.putIfAbsent(record.key(), System.nanoTime());
                }
            }
        }
    }

    /**
     * Asks query-service for each article seen on articles.tagged (analysis publishes only after its commit) until
     * it answers it: one small request per article, so watching costs the pipeline next to nothing. (Paging the
     * newest-first list instead cost query-service and PostgreSQL a good part of a core during a burst.)
     */
    private void watchVisible(ServiceProcess query, Map<String, Long> tagged, Map<String, Long> visible,
                              AtomicBoolean watching) {
        while (watching.get()) {
            boolean asked = false;
            for (String id : tagged.keySet()) {
                if (visible.containsKey(id)) {
                    continue;
                }
                asked = true;
                try {
                    int status = HTTP.send(HttpRequest.newBuilder(URI.create(query.url("/api/v1/articles/" + id))).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        visible.put(id, System.nanoTime());
                    }
                } catch (Exception e) {
                    sleepQuietly();
                }
            }
            if (!asked) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Every second: consumer lag of analysis-service, heap and CPU of each service. */
    private void sample(Map<String, ServiceProcess> services, List<long[]> lag, Map<String, List<double[]>> usage,
                        AtomicBoolean watching) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            List<TopicPartition> raw;
            try {
                raw = partitions(admin, "articles.raw");
            } catch (Exception e) {
                throw new IllegalStateException("cannot describe articles.raw", e);
            }
            while (watching.get()) {
                long now = System.nanoTime();
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("analysis-service")
                            .partitionsToOffsetAndMetadata().get();
                    long behind = 0;
                    for (var end : admin.listOffsets(raw.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                            .all().get().entrySet()) {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        behind += end.getValue().offset() - (at == null ? 0 : at.offset());
                    }
                    lag.add(new long[]{now, behind});
                    for (var service : services.entrySet()) {
                        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(service.getValue().managementUrl("/q/metrics")))
                                .build(), HttpResponse.BodyHandlers.ofString()).body();
                        usage.computeIfAbsent(service.getKey(), k -> new CopyOnWriteArrayList<>())
                                .add(new double[]{now, sum(HEAP, metrics), sum(CPU, metrics)});
                    }
                } catch (Exception e) {
                    // A missed sample is not worth failing the run.
                }
                sleepQuietly();
            }
        }
    }

    private static String metrics(ServiceProcess service) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.managementUrl("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double sum(Pattern pattern, String metrics) {
        double total = 0;
        Matcher m = pattern.matcher(metrics);
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean awaitAll(java.util.Set<String> ids, Map<String, Long> seen, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (seen.keySet().containsAll(ids)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- reporting --------------------------------------------------------------------------------------------

    private String usageTable(List<long[]> lag, Map<String, List<double[]>> usage, long began) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "max consumer lag of analysis-service: %d records, by committed offset (analysis commits every 5 s, so"
                        + " up to 5 s of articles count as lag though done)%n%n| service | heap used max MiB | CPU mean %% of machine | CPU max %% |%n|---|---|---|---|%n",
                lag.stream().filter(s -> s[0] >= began).mapToLong(s -> s[1]).max().orElse(0)));
        for (String service : List.of("ingest", "analysis", "query")) {
            List<double[]> samples = usage.getOrDefault(service, List.of()).stream().filter(s -> s[0] >= began).toList();
            t.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", service,
                    samples.stream().mapToDouble(s -> s[1]).max().orElse(0) / (1024 * 1024),
                    100 * samples.stream().mapToDouble(s -> s[2]).average().orElse(0),
                    100 * samples.stream().mapToDouble(s -> s[2]).max().orElse(0)));
        }
        return t.append('\n').toString();
    }

    /** Latency of each article (POST → visible) by when it was posted, and the consumer lag, as an SVG. */
    private void plot(Map<String, Long> posted, Map<String, Long> visible, List<long[]> lag, long began, int rate)
            throws Exception {
        int width = 900, height = 360, left = 60, right = 60, top = 30, bottom = 40;
        double span = Math.max(1, posted.values().stream().mapToLong(t -> t - began).max().orElse(1) / 1e9);
        double maxMs = Math.max(100, posted.entrySet().stream().filter(e -> visible.containsKey(e.getKey()))
                .mapToDouble(e -> (visible.get(e.getKey()) - e.getValue()) / 1e6).max().orElse(100));
        long maxLag = Math.max(1, lag.stream().filter(s -> s[0] >= began).mapToLong(s -> s[1]).max().orElse(1));
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"18\">POST → visible in query-service (dots, left axis, ms) and consumer lag"
                        + " (line, right axis, records) at %d articles/s</text>%n", width, height, left, rate));
        double plotW = width - left - right, plotH = height - top - bottom;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", left, top, left, height - bottom,
                left, height - bottom, width - right, height - bottom));
        for (int i = 0; i <= 4; i++) {
            double y = top + plotH * (1 - i / 4.0);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.0f\" text-anchor=\"end\">%.0f</text>%n"
                            + "<text x=\"%d\" y=\"%.0f\">%.0f</text>%n<line x1=\"%d\" y1=\"%.0f\" x2=\"%d\" y2=\"%.0f\" stroke=\"#eee\"/>%n",
                    left - 6, y + 4, maxMs * i / 4, width - right + 6, y + 4, maxLag * i / 4.0, left, y, width - right, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">%.0f s</text>%n",
                    left + plotW * i / 4, height - bottom + 18, span * i / 4));
        }
        posted.forEach((id, at) -> {
            Long seen = visible.get(id);
            if (seen != null) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#1f5fbf\" fill-opacity=\"0.6\"/>%n",
                        left + plotW * ((at - began) / 1e9) / span, top + plotH * (1 - ((seen - at) / 1e6) / maxMs)));
            }
        });
        String points = lag.stream().filter(s -> s[0] >= began && (s[0] - began) / 1e9 <= span)
                .map(s -> String.format(Locale.ROOT, "%.1f,%.1f", left + plotW * ((s[0] - began) / 1e9) / span,
                        top + plotH * (1 - (double) s[1] / maxLag))).collect(Collectors.joining(" "));
        svg.append("<polyline fill=\"none\" stroke=\"#d9480f\" stroke-width=\"1.5\" points=\"").append(points).append("\"/>\n</svg>\n");
        Files.writeString(out.resolve("load-latency.svg"), svg);
    }
}

package io.verbatim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.verbatim.bench.ServiceProcess;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The three packaged services, each in its own JVM, on the test broker and database; and their HTTP API. */
final class Pipeline implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Path LOGS = Path.of("target", "e2e-logs");

    final String apiKey = "e2e-" + UUID.randomUUID();
    private final Path repo = Path.of(System.getProperty("verbatim.repo", "../.."));
    private final Map<String, String> env = new HashMap<>();
    /** analysis-service's own settings and JVM options, kept for its restarts. */
    private final Map<String, String> analysisSettings = new HashMap<>();
    private List<String> analysisJvm = List.of("-Xmx1g");
    ServiceProcess ingest;
    ServiceProcess analysis;
    ServiceProcess query;

    static String kafka() {
        return System.getProperty("verbatim.test.kafka", "127.0.0.1:19092");
    }

    Pipeline start() throws Exception {
        return start(Map.of(), analysisJvm);
    }

    /** Starts the pipeline with these settings added to analysis-service's and its JVM started with these options. */
    Pipeline start(Map<String, String> analysisSettings, List<String> analysisJvm) throws Exception {
        this.analysisSettings.putAll(analysisSettings);
        this.analysisJvm = analysisJvm;
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka());
        env.put("VERBATIM_DB_URL", System.getProperty("verbatim.test.db-url", "jdbc:postgresql://127.0.0.1:15432/verbatim"));
        // Short pauses between retries, so that faults longer than many of them are quick to test.
        env.put("VERBATIM_ANALYSIS_MAX_RETRY_PAUSE", "2s");
        Map<String, String> analysisEnv = new HashMap<>(env);
        analysisEnv.putAll(analysisSettings);
        analysis = ServiceProcess.start(repo, "analysis-service", analysisEnv, LOGS, analysisJvm);
        Map<String, String> queryEnv = new HashMap<>(env);
        // The tests poll from one address, faster than the per-client limit meant for readers.
        queryEnv.put("VERBATIM_QUERY_RATE_LIMIT", "100000");
        queryEnv.put("VERBATIM_QUERY_RATE_BURST", "100000");
        query = ServiceProcess.start(repo, "query-service", queryEnv, LOGS);
        Map<String, String> ingestEnv = new HashMap<>(env);
        ingestEnv.put("VERBATIM_QUERY_BASE_URL", query.url(""));
        ingestEnv.put("VERBATIM_API_KEYS", apiKey);
        ingest = ServiceProcess.start(repo, "ingest-service", ingestEnv, LOGS);
        for (ServiceProcess service : new ServiceProcess[]{analysis, query, ingest}) {
            System.out.printf("[e2e] %s ready in %d ms%n", service.name, service.awaitReady(Duration.ofMinutes(3)).toMillis());
        }
        return this;
    }

    /** Starts analysis-service again after it was stopped or killed. */
    void restartAnalysis() throws Exception {
        restartAnalysis(Map.of());
    }

    /** Starts analysis-service again with these settings added. */
    void restartAnalysis(Map<String, String> settings) throws Exception {
        analysis = startAnalysis(settings);
    }

    /** Starts one more analysis-service instance (same consumer group) and waits until it is ready. */
    ServiceProcess startAnalysis(Map<String, String> settings) throws Exception {
        Map<String, String> analysisEnv = new HashMap<>(env);
        analysisEnv.putAll(analysisSettings);
        analysisEnv.putAll(settings);
        ServiceProcess started = ServiceProcess.start(repo, "analysis-service", analysisEnv, LOGS, analysisJvm);
        System.out.printf("[e2e] analysis-service ready in %d ms%n", started.awaitReady(Duration.ofMinutes(3)).toMillis());
        return started;
    }

    /** Runs deploy/local/dlq.sh on the test broker and returns what it printed. */
    String deadLetters(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", repo.resolve("deploy/local/dlq.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafka());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("dlq.sh " + String.join(" ", args) + " failed:\n" + output);
        }
        return output;
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** How many analysed articles of this source query-service serves, and how many quotes they hold. */
    long articlesOfSource(String source) throws Exception {
        JsonNode page = JSON.readTree(get(query.url("/api/v1/articles?size=1&source="
                + URLEncoder.encode(source, StandardCharsets.UTF_8))).body());
        return page.path("total").asLong();
    }

    long quotesContaining(String text) throws Exception {
        JsonNode page = JSON.readTree(get(query.url("/api/v1/quotes?size=1&q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8))).body());
        return page.path("total").asLong();
    }

    int readiness(ServiceProcess service) throws Exception {
        return health(service, "/q/health/ready").statusCode();
    }

    /** The answer of a health endpoint, or status 0 with an empty body while the service does not listen. */
    Health health(ServiceProcess service, String path) throws Exception {
        try {
            HttpResponse<String> response = get(service.managementUrl(path));
            return new Health(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return new Health(0, "");
        }
    }

    record Health(int statusCode, String body) {
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : new ServiceProcess[]{ingest, analysis, query}) {
            if (service != null) {
                service.close();
            }
        }
    }
}

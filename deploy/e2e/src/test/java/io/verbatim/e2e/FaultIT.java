package io.verbatim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Nothing lost, nothing duplicated, while the pipeline is hurt: analysis killed with SIGKILL or stopped with
 * SIGTERM mid-stream, the broker stopped during a burst, PostgreSQL stopped for 12 s. Controls the test
 * infrastructure through deploy/local/infra.sh, so it runs under deploy/local/test.sh only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIT {

    private static Pipeline pipeline;
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(System.getenv("VERBATIM_STATE_DIR") != null,
                "fault tests stop and start the test broker and database: run them with deploy/local/test.sh");
        pipeline = new Pipeline().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** Posts {@code count} distinct articles, each with exactly one quote carrying the run's marker. */
    private static List<String> postArticles(String run, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int first = 0; first < count; first += 100) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = first; i < Math.min(count, first + 100); i++) {
                batch.append(i > first ? "," : "").append(Pipeline.JSON.writeValueAsString(Map.of(
                        "title", "Article " + i + " " + run, "source", run,
                        "body", "Article numéro " + i + " de la série.\n\n« Nous tiendrons l'engagement " + run + "-" + i
                                + " », a déclaré la ministre Claire Morel.")));
            }
            HttpResponse<String> response = pipeline.post("/api/v1/articles/batch", "application/json", batch + "]");
            assertEquals(200, response.statusCode(), response.body());
            for (JsonNode item : Pipeline.JSON.readTree(response.body()).get("items")) {
                assertEquals(202, item.get("status").asInt(), item.toString());
                ids.add(item.get("id").asText());
            }
        }
        return ids;
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    /** Every article stored once with its one quote, published on articles.tagged, absent from the DLQ. */
    private static void assertExactlyOnce(String run, List<String> ids) throws Exception {
        await("all " + ids.size() + " articles of " + run, () -> pipeline.articlesOfSource(run) == ids.size());
        assertEquals(ids.size(), pipeline.quotesContaining(run), "quotes of " + run + " (one per article)");
        Set<String> wanted = new HashSet<>(ids);
        Map<String, Integer> tagged = Topics.count("articles.tagged", wanted, Duration.ofMinutes(2));
        assertEquals(wanted, tagged.keySet(), "articles on articles.tagged");
        assertEquals(Map.of(), Topics.count("articles.dlq", wanted, Duration.ofSeconds(5)), "articles in the DLQ");
    }

    private static void infra(String action, String part) throws Exception {
        Path script = Path.of(System.getProperty("verbatim.repo", "../..")).resolve("deploy/local/infra.sh");
        Process process = new ProcessBuilder("bash", script.toString(), action, part).inheritIO().start();
        assertEquals(0, process.waitFor(), "infra.sh " + action + " " + part);
    }

    @Test
    @Order(1)
    void killNineDuringAFlowOf500() throws Exception {
        String run = "kill-" + UUID.randomUUID();
        List<String> ids = postArticles(run, 500);
        await("the first analysed articles", () -> pipeline.articlesOfSource(run) >= 40);
        pipeline.analysis.kill();
        long stored = pipeline.articlesOfSource(run);
        System.out.printf("[e2e] analysis-service killed (SIGKILL) after %d of 500 articles%n", stored);
        assertTrue(stored < 500, "the kill came too late to prove anything");
        pipeline.restartAnalysis();
        assertExactlyOnce(run, ids);
    }

    @Test
    @Order(2)
    void sigtermHandsBackInFlightWork() throws Exception {
        String run = "term-" + UUID.randomUUID();
        List<String> ids = postArticles(run, 300);
        await("the first analysed articles", () -> pipeline.articlesOfSource(run) >= 20);
        int exit = pipeline.analysis.terminate();
        System.out.printf("[e2e] analysis-service stopped by SIGTERM (exit %d) after %d of 300 articles%n", exit,
                pipeline.articlesOfSource(run));
        pipeline.restartAnalysis();
        assertExactlyOnce(run, ids);
    }

    @Test
    @Order(3)
    void brokerDownMeans503AndEvery202IsProcessed() throws Exception {
        String run = "broker-" + UUID.randomUUID();
        List<String> accepted = new ArrayList<>(postArticles(run, 20));
        infra("stop", "kafka");
        int refused = 0;
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = pipeline.post("/api/v1/articles", "application/json",
                        Pipeline.JSON.writeValueAsString(Map.of("title", "Pendant la panne " + i, "source", run,
                                "body", "« Rien ne se perd » pendant la panne " + run + "-x" + i + ", a assuré Paul Dubois.")));
                if (response.statusCode() == 202) {
                    accepted.add(Pipeline.JSON.readTree(response.body()).get("id").asText());
                } else {
                    assertEquals(503, response.statusCode(), response.body());
                    assertTrue(response.headers().firstValue("Retry-After").isPresent());
                    refused++;
                }
            }
        } finally {
            infra("start", "kafka");
        }
        System.out.printf("[e2e] broker down: %d of 5 posts refused with 503%n", refused);
        assertTrue(refused > 0, "ingest never noticed the broker was gone");
        accepted.addAll(postArticles(run + "-after", 10));
        await("every accepted article of " + run, () -> pipeline.articlesOfSource(run) + pipeline.articlesOfSource(run + "-after")
                == accepted.size());
    }

    @Test
    @Order(4)
    void databaseDownForTwelveSecondsLosesNothing() throws Exception {
        String run = "db-" + UUID.randomUUID();
        infra("stop", "postgres");
        List<String> ids;
        boolean reportedNotReady = false;
        try {
            ids = postArticles(run, 30);
            long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            while (System.nanoTime() < until) {
                reportedNotReady |= pipeline.readiness(pipeline.analysis) != 200;
                Thread.sleep(500);
            }
        } finally {
            infra("start", "postgres");
        }
        assertTrue(reportedNotReady, "analysis-service stayed ready without its database");
        assertExactlyOnce(run, ids);
        await("analysis-service ready again", () -> pipeline.readiness(pipeline.analysis) == 200);
    }
}

package io.verbatim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.verbatim.bench.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * Nothing lost, nothing stored twice, no good article dead-lettered, while the pipeline is hurt: analysis killed
 * with SIGKILL or stopped with SIGTERM mid-stream, one of two instances killed, the broker stopped during a burst,
 * PostgreSQL stopped for 30 s; and dead-lettered articles replayed after a fix. Controls the test infrastructure
 * through deploy/local/infra.sh, so it runs under deploy/local/test.sh only. Prints a table of the faults.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIT {

    private static Pipeline pipeline;
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final List<String> TABLE = new ArrayList<>();

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
        System.out.println("[e2e] | fault | lasted | all stored and published after | posted (202) | stored once "
                + "| on articles.tagged (records) | dead-lettered |");
        System.out.println("[e2e] |---|---|---|---|---|---|---|");
        TABLE.forEach(row -> System.out.println("[e2e] " + row));
    }

    /** Posts {@code count} distinct articles, each with exactly one quote carrying the run's marker. */
    private static List<String> postArticles(String run, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int first = 0; first < count; first += 100) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = first; i < Math.min(count, first + 100); i++) {
                batch.append(i > first ? "," : "").append(Pipeline.JSON.writeValueAsString(Map.of(
                        "title", "Article " + i + " " + run, "source", run, "language", "fr",
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

    /**
     * Every article stored once with its one quote, published on articles.tagged, absent from the DLQ; the
     * numbers go to the table, with the time from the fault's start until all were stored and published.
     */
    private static void assertExactlyOnce(String fault, String lasted, long faultStart, String run, List<String> ids)
            throws Exception {
        await("all " + ids.size() + " articles of " + run, () -> pipeline.articlesOfSource(run) == ids.size());
        Set<String> wanted = new HashSet<>(ids);
        // Every article is stored by now; with the parser a backlog of 500 takes the relay a few minutes to publish.
        Map<String, Integer> tagged = Topics.count("articles.tagged", wanted, Duration.ofMinutes(5));
        Duration recovered = since(faultStart);
        long stored = pipeline.articlesOfSource(run);
        long quotes = pipeline.quotesContaining(run);
        Map<String, Integer> dead = Topics.count("articles.dlq", wanted, Duration.ofSeconds(5));
        TABLE.add(String.format("| %s | %s | %s | %d | %d | %d (%d) | %d |", fault, lasted, seconds(recovered),
                ids.size(), stored, tagged.size(), records(tagged), dead.size()));
        assertEquals(ids.size(), quotes, "quotes of " + run + " (one per article)");
        assertEquals(wanted, tagged.keySet(), "articles on articles.tagged");
        assertEquals(Map.of(), dead, "articles in the DLQ");
    }

    private static void infra(String action, String part) throws Exception {
        Path script = Path.of(System.getProperty("verbatim.repo", "../..")).resolve("deploy/local/infra.sh");
        Process process = new ProcessBuilder("bash", script.toString(), action, part).inheritIO().start();
        assertEquals(0, process.waitFor(), "infra.sh " + action + " " + part);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** Records on the topic: more than keys when an event was sent again (at least once). */
    private static int records(Map<String, Integer> perKey) {
        return perKey.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    @Test
    @Order(1)
    void killNineDuringAFlowOf500() throws Exception {
        String run = "kill-" + UUID.randomUUID();
        List<String> ids = postArticles(run, 500);
        await("the first analysed articles", () -> pipeline.articlesOfSource(run) >= 40);
        pipeline.analysis.kill();
        long down = System.nanoTime();
        long stored = pipeline.articlesOfSource(run);
        System.out.printf("[e2e] analysis-service killed (SIGKILL) after %d of 500 articles%n", stored);
        assertTrue(stored < 500, "the kill came too late to prove anything");
        pipeline.restartAnalysis();
        assertExactlyOnce("analysis SIGKILL, restarted", seconds(since(down)) + " (down until ready)", down, run, ids);
    }

    @Test
    @Order(2)
    void sigtermHandsBackInFlightWork() throws Exception {
        String run = "term-" + UUID.randomUUID();
        List<String> ids = postArticles(run, 300);
        await("the first analysed articles", () -> pipeline.articlesOfSource(run) >= 20);
        long down = System.nanoTime();
        ServiceProcess stopped = pipeline.analysis;
        int exit = stopped.terminate();
        long done = pipeline.articlesOfSource(run);
        long handedBack = Files.readAllLines(stopped.log).stream().filter(l -> l.contains("handed back")).count();
        System.out.printf("[e2e] analysis-service stopped by SIGTERM (exit %d) after %d of 300 articles,"
                + " %d record(s) handed back mid-analysis%n", exit, done, handedBack);
        // 128 + 15: the JVM ended on the signal after its shutdown hooks, neither crashed nor was killed (137).
        assertEquals(143, exit, "exit code after SIGTERM, see " + stopped.log);
        // Records it had been given but had not stored are what it must hand back: there must be some.
        assertTrue(done < 300, "every article was stored before SIGTERM came: no work was in flight");
        pipeline.restartAnalysis();
        assertExactlyOnce("analysis SIGTERM, restarted", seconds(since(down)) + " (down until ready)", down, run, ids);
    }

    @Test
    @Order(3)
    void oneOfTwoInstancesKilledUnderLoad() throws Exception {
        ServiceProcess second = pipeline.startAnalysis(Map.of());
        try {
            String run = "pair-" + UUID.randomUUID();
            List<String> ids = postArticles(run, 500);
            await("the first analysed articles", () -> pipeline.articlesOfSource(run) >= 60);
            pipeline.analysis.kill();
            long down = System.nanoTime();
            System.out.printf("[e2e] one of two analysis-service instances killed after %d of 500 articles%n",
                    pipeline.articlesOfSource(run));
            // The survivor takes the dead one's partitions; nothing is restarted.
            assertExactlyOnce("1 of 2 analysis instances SIGKILL", "not restarted", down, run, ids);
        } finally {
            pipeline.analysis = second;
        }
    }

    @Test
    @Order(4)
    void brokerDownMeans503AndEveryArticleIsStoredAndPublishedAfterwards() throws Exception {
        String run = "broker-" + UUID.randomUUID();
        List<String> accepted = new ArrayList<>(postArticles(run, 300));
        await("the first analysed articles", () -> pipeline.articlesOfSource(run) >= 20);
        infra("stop", "kafka");
        long down = System.nanoTime();
        long storedAtStop = pipeline.articlesOfSource(run);
        int refused = 0;
        boolean eventsWaited = false;
        Duration lasted;
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = pipeline.post("/api/v1/articles", "application/json",
                        Pipeline.JSON.writeValueAsString(Map.of("title", "Pendant la panne " + i, "source", run, "language", "fr",
                                "body", "« Rien ne se perd » pendant la panne " + run + "-x" + i + ", a assuré Paul Dubois.")));
                if (response.statusCode() == 202) {
                    accepted.add(Pipeline.JSON.readTree(response.body()).get("id").asText());
                } else {
                    assertEquals(503, response.statusCode(), response.body());
                    assertTrue(response.headers().firstValue("Retry-After").isPresent());
                    refused++;
                }
            }
            // Longer than many retry pauses of analysis (2 s at most here). Records it had already fetched are
            // stored meanwhile, and their events wait in the outbox: readiness says so, once the relay's attempt
            // to send them has failed.
            while (since(down).compareTo(Duration.ofSeconds(30)) < 0
                    || !eventsWaited && since(down).compareTo(Duration.ofSeconds(90)) < 0) {
                eventsWaited |= pipeline.health(pipeline.analysis, "/q/health/ready").body().contains("publishing");
                Thread.sleep(500);
            }
        } finally {
            lasted = since(down);
            infra("start", "kafka");
        }
        long storedDuringOutage = pipeline.articlesOfSource(run) - storedAtStop;
        System.out.printf("[e2e] broker down: %d of 5 posts refused with 503, %d articles stored meanwhile%n", refused,
                storedDuringOutage);
        assertTrue(refused > 0, "ingest never noticed the broker was gone");
        assertTrue(storedDuringOutage > 0 && eventsWaited, "no stored article waited for the broker to publish it");
        assertExactlyOnce("Kafka stopped (" + storedDuringOutage + " articles stored meanwhile, their events held "
                + "in the outbox)", seconds(lasted), down, run, accepted);
    }

    @Test
    @Order(5)
    void databaseDownForThirtySecondsLosesNothing() throws Exception {
        String run = "db-" + UUID.randomUUID();
        List<String> before = postArticles(run, 30);
        infra("stop", "postgres");
        long down = System.nanoTime();
        boolean reportedNotReady = false;
        List<String> during;
        Duration lasted;
        try {
            during = postArticles(run + "-during", 30);
            // Longer than many retry pauses of analysis (2 s at most here).
            while (since(down).compareTo(Duration.ofSeconds(30)) < 0) {
                reportedNotReady |= pipeline.readiness(pipeline.analysis) != 200;
                Thread.sleep(500);
            }
        } finally {
            lasted = since(down);
            infra("start", "postgres");
        }
        assertTrue(reportedNotReady, "analysis-service stayed ready without its database");
        assertExactlyOnce("PostgreSQL stopped (articles posted before)", seconds(lasted), down, run, before);
        assertExactlyOnce("PostgreSQL stopped (articles posted during)", seconds(lasted), down, run + "-during", during);
        await("analysis-service ready again", () -> pipeline.readiness(pipeline.analysis) == 200);
    }

    @Test
    @Order(6)
    void deadLetteredArticlesAreReplayedAfterAFix() throws Exception {
        // The "bug": a time budget no article can meet, so every article is dead-lettered with reason timeout.
        pipeline.analysis.terminate();
        pipeline.restartAnalysis(Map.of("VERBATIM_ANALYSIS_TIME_BUDGET", "1ms"));
        String run = "replay-" + UUID.randomUUID();
        List<String> ids = postArticles(run, 20);
        Set<String> wanted = new HashSet<>(ids);
        long broken = System.nanoTime();
        await("articles dead-lettered", () -> Topics.count("articles.dlq", wanted, Duration.ofSeconds(5)).size()
                + pipeline.articlesOfSource(run) >= ids.size());
        Set<String> dead = Topics.count("articles.dlq", wanted, Duration.ofSeconds(5)).keySet();
        int deadLettered = dead.size();
        assertTrue(deadLettered > 0, "the 1 ms budget dead-lettered nothing");
        assertTrue(pipeline.deadLetters("list", "--reason", "timeout").contains(dead.iterator().next()));

        // The fix, then the replay: every article analysed and published, and a second replay sends nothing.
        pipeline.analysis.terminate();
        pipeline.restartAnalysis();
        Duration fixed = since(broken);
        String replayed = pipeline.deadLetters("replay", "--reason", "timeout");
        assertTrue(replayed.contains("replayed "), replayed);
        await("every article of " + run, () -> pipeline.articlesOfSource(run) == ids.size());
        assertTrue(pipeline.deadLetters("replay", "--reason", "timeout").contains("replayed 0 record(s)"));
        long stored = pipeline.articlesOfSource(run);
        // Every article is stored by now; with the parser a backlog of 500 takes the relay a few minutes to publish.
        Map<String, Integer> tagged = Topics.count("articles.tagged", wanted, Duration.ofMinutes(5));
        TABLE.add(String.format("| time budget of 1 ms, then fixed and `dlq.sh replay --reason timeout` | %s | %s | %d "
                        + "| %d | %d (%d) | %d, all replayed |", seconds(fixed), seconds(since(broken)), ids.size(), stored,
                tagged.size(), records(tagged), deadLettered));
        assertEquals(ids.size(), pipeline.quotesContaining(run));
        assertEquals(wanted, tagged.keySet());
    }
}

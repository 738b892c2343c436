package io.verbatim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Articles written to hurt the analysis, each a body of exactly the largest size ingest accepts (1 MiB of UTF-8),
 * posted through ingest one after another on the real broker and database: each is analysed and stored, or
 * dead-lettered (past its time budget, failed in the engine, refused by PostgreSQL), within the budget that
 * analysis-service enforces plus the pipeline around it; then an ordinary article is analysed as usual.
 * analysis-service runs in the heap its pod gives it and stops on an OutOfMemoryError as it does there. Prints a
 * table of what became of each article and how long it took.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileTextIT {

    /** Ingest's limit on a body (VERBATIM_INGEST_MAX_BODY_BYTES, default): every hostile body is exactly this. */
    private static final int LIMIT = 1_048_576;
    /**
     * The engine's budget per article, enforced by analysis-service (VERBATIM_ANALYSIS_TIME_BUDGET); shorter than
     * the default 120 s so that the suite stays short whatever the texts cost.
     */
    private static final Duration BUDGET = Duration.parse("PT" + System.getProperty("verbatim.e2e.hostile-budget", "60s"));
    /** Ingest, the broker, storing up to a MiB of analysis and query-service, around the engine's budget. */
    private static final Duration MARGIN = Duration.ofSeconds(90);
    /** Reasons that say the article itself was too much for the analysis or the database. */
    private static final Set<String> EXPECTED_REASONS = Set.of("timeout", "engine", "refused");

    /**
     * A dead-letter topic of its own, as articles.dlq is set up (one partition, 10 MiB records): FaultIT replays
     * every dead letter of reason timeout it finds on articles.dlq, and would analyse these again.
     */
    private static final String DEAD_LETTERS = "articles.dlq.hostile-test";

    private static final List<String> TABLE = new ArrayList<>();
    private static final String RUN = "hostile-" + UUID.randomUUID();
    private static Pipeline pipeline;
    private static KafkaConsumer<String, String> deadLetters;
    private static long worstMillis;

    @BeforeAll
    static void start() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Pipeline.kafka()))) {
            admin.createTopics(List.of(new NewTopic(DEAD_LETTERS, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "10485760")))).all().get(30, TimeUnit.SECONDS);
        }
        pipeline = new Pipeline().start(Map.of("VERBATIM_ANALYSIS_TIME_BUDGET", BUDGET.toMillis() + "ms"),
                // The pod's heap: 65 % of its 1 GiB limit, exiting on OutOfMemoryError (deploy/k8s).
                List.of("-Xmx998m", "-XX:+ExitOnOutOfMemoryError",
                        "-Dmp.messaging.incoming.articles-raw.dead-letter-queue.topic=" + DEAD_LETTERS));
        deadLetters = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Pipeline.kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        deadLetters.assign(List.of(new TopicPartition(DEAD_LETTERS, 0)));
        deadLetters.seekToBeginning(deadLetters.assignment());
    }

    @AfterAll
    static void stop() throws Exception {
        if (deadLetters != null) {
            deadLetters.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Pipeline.kafka()))) {
            admin.deleteTopics(List.of(DEAD_LETTERS)).all().get(30, TimeUnit.SECONDS);
        }
        System.out.printf("[e2e] hostile texts, time budget %d s per article, analysis-service at -Xmx998m%n",
                BUDGET.toSeconds());
        System.out.println("[e2e] | article | body (UTF-8 bytes / chars) | outcome | engine time | posted → outcome |");
        System.out.println("[e2e] |---|---|---|---|---|");
        TABLE.forEach(row -> System.out.println("[e2e] " + row));
        System.out.printf("[e2e] worst time per hostile article (posted → stored or dead-lettered): %.1f s%n",
                worstMillis / 1000.0);
    }

    @Test
    @Order(1)
    void straightQuotesWithoutPunctuation() throws Exception {
        // The body that once exhausted the heap: one endless sentence of quotations.
        String body = fill("", i -> "mot \"mot mot\" ", "");
        // At the real limit: one byte more is refused.
        HttpResponse<String> over = pipeline.post("/api/v1/articles", "application/json", Pipeline.JSON
                .writeValueAsString(Map.of("title", "Hostile: over the limit", "body", body + "x", "source", RUN)));
        assertEquals(413, over.statusCode(), over.body());
        survives("straight quotes, no punctuation", body);
    }

    @Test
    @Order(2)
    void aRunOfAdverbsBetweenAQuoteAndItsVerb() throws Exception {
        String[] adverbs = {"vraiment", "encore", "toujours", "aussi", "également", "ensuite", "déjà", "bien", "très",
                "pourtant"};
        String body = fill("« Nous tiendrons parole », a ", i -> adverbs[i % adverbs.length] + " ",
                "déclaré le maire Paul Girard.");
        assertTrue(body.split(" ").length > 100_000, "fewer than 100k adverbs");
        survives("100k+ adverbs between a quote and its verb", body);
    }

    @Test
    @Order(3)
    void aRunOfCommas() throws Exception {
        String body = fill("Selon le maire, ", i -> "oui, ", "a-t-il ajouté.");
        survives("200k+ words and commas, one sentence", body);
    }

    @Test
    @Order(4)
    void oneGiantParagraphOfQuotes() throws Exception {
        String[] first = {"Anne", "Paul", "Léa", "Marc", "Inès", "Hugo", "Clara", "Louis", "Emma", "Jules"};
        String[] last = {"Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Roux", "Fournier"};
        // Ordinary sentences, each with a quote and its speaker, and not one line break.
        survives("one paragraph of quoted sentences", fill("", i -> "« Le chantier " + i + " avance bien », a déclaré "
                + first[i % first.length] + " " + last[i / first.length % last.length] + " devant le conseil. ", ""));
    }

    @Test
    @Order(5)
    void thousandsOfCapitalisedNames() throws Exception {
        String[] first = {"Anne", "Paul", "Léa", "Marc", "Inès", "Hugo", "Clara", "Louis", "Emma", "Jules"};
        String[] syllables = {"Ker", "Bou", "Lan", "Mor", "Dal", "Vi", "Sa", "Ro", "Tel", "Gan"};
        // Tens of thousands of distinct full names in one sentence, no verb.
        survives("distinct capitalised names", fill("", i -> first[i % 10] + " " + syllables[i / 10 % 10]
                + syllables[i / 100 % 10].toLowerCase() + syllables[i / 1000 % 10].toLowerCase() + "ec" + i / 10000
                + ", ", "."));
    }

    @Test
    @Order(6)
    void deeplyNestedQuoteMarks() throws Exception {
        String[] open = {"« ", "“", "‹ ", "\"", "‘"};
        String[] close = {" »", "”", " ›", "\"", "’"};
        int depth = 0;
        int bytes = utf8("a déclaré Anne Martin.");
        while (bytes + utf8(open[depth % 5] + "il a dit ") + utf8(close[depth % 5]) <= LIMIT) {
            bytes += utf8(open[depth % 5] + "il a dit ") + utf8(close[depth % 5]);
            depth++;
        }
        StringBuilder body = new StringBuilder(LIMIT);
        for (int i = 0; i < depth; i++) {
            body.append(open[i % 5]).append("il a dit ");
        }
        for (int i = depth - 1; i >= 0; i--) {
            body.append(close[i % 5]);
        }
        body.append("a déclaré Anne Martin.");
        body.append(" ".repeat(LIMIT - utf8(body.toString())));
        survives(depth + " nested quotations", body.toString());
    }

    @Test
    @Order(7)
    void everyScriptAndEveryAllowedControlCharacter() throws Exception {
        StringBuilder controls = new StringBuilder();
        // All of C0 but NUL (which ingest refuses: PostgreSQL cannot store it), DEL, all of C1.
        for (char c = 1; c < 0x20; c++) {
            controls.append(c);
        }
        for (char c = 0x7f; c < 0xa0; c++) {
            controls.append(c);
        }
        String[] segments = {
                "« Nous restons prudents », a déclaré Anne Martin à Besançon. ",
                "Η κυβέρνηση ανακοίνωσε νέα μέτρα. ", "Правительство объявило новые меры. ",
                "أعلنت الحكومة عن إجراءات جديدة. ", "הממשלה הודיעה על צעדים חדשים. ", "政府宣布了新的措施。",
                "政府は新しい措置を発表した。", "정부가 새로운 조치를 발표했다. ", "सरकार ने नए उपायों की घोषणा की। ",
                "รัฐบาลประกาศมาตรการใหม่ ", "Ḽơᶉëᶆ ȋṕšᶙṁ ", "Z\u0336\u0337\u0338\u0334a\u0301\u0302\u0303\u0304l\u0308\u030Ag\u0327o ",
                "👩\u200D👩\u200D👧 🇫🇷 👍🏽 😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀀𠀁 ", "\u200F\u202Eesrever\u202C \u2067عربى\u2069 \u200E",
                controls.toString(), "\u2028\u2029\uFEFF\u00AD\u200B\u2060\uFDD0\uFFFE\uFFFF ",
                "« “ \" ‹ ‘ ’ › \" ” » „ ‚ 「 」 『 』 ",
        };
        String body = fill("", i -> segments[i % segments.length], "");
        assertTrue(body.codePoints().anyMatch(Character::isSupplementaryCodePoint));
        survives("every script, RTL marks, emoji, combining marks, control characters", body);
    }

    @Test
    @Order(8)
    void anOrdinaryArticleAfterThemIsAnalysedAsUsual() throws Exception {
        String body = "La médiathèque de Saint-Brieuc a rouvert ses portes samedi, après huit mois de travaux.\n\n"
                + "« Nous avons voulu un lieu où chacun se sente attendu », a déclaré la directrice Solène Kervella"
                + " devant une centaine de visiteurs.\n\nLes horaires d'ouverture sont élargis le mercredi.";
        long posted = System.nanoTime();
        String id = post("La médiathèque de Saint-Brieuc rouvre après travaux", body, "ordinary");
        JsonNode stored = awaitStored(id, BUDGET.plus(MARGIN));
        long millis = (System.nanoTime() - posted) / 1_000_000;
        TABLE.add(String.format("| ordinary article, posted after them | %d / %d | stored, %d quote(s) | %s | %.1f s |",
                utf8(body), body.length(), stored.get("quotes").size(), engineTime(id), millis / 1000.0));
        List<String> quotes = new ArrayList<>();
        stored.get("quotes").forEach(q -> quotes.add(q.path("speaker").path("name").asText() + ": " + q.get("text").asText()));
        assertEquals(List.of("Solène Kervella: Nous avons voulu un lieu où chacun se sente attendu"), quotes);
        // Nothing a hostile article did is left behind: no analysis still running past its budget, still ready.
        assertTrue(pipeline.analysis.alive(), "analysis-service died, see " + pipeline.analysis.log);
        assertEquals(200, pipeline.health(pipeline.analysis, "/q/health/live").statusCode());
        assertEquals(200, pipeline.readiness(pipeline.analysis));
    }

    /**
     * Posts the body and waits for its outcome: stored and served by query-service as it was sent, or on
     * the dead-letter topic with one of the expected reasons, within the budget and the margin.
     */
    private static void survives(String kind, String body) throws Exception {
        assertEquals(LIMIT, utf8(body), "body size");
        long posted = System.nanoTime();
        String id = post("Hostile: " + kind, body, kind);
        long deadline = posted + BUDGET.plus(MARGIN).toNanos();
        String outcome = null;
        while (outcome == null) {
            assertTrue(pipeline.analysis.alive(), "analysis-service died on " + kind + ", see " + pipeline.analysis.log);
            assertTrue(System.nanoTime() < deadline, kind + ": neither stored nor dead-lettered within "
                    + BUDGET.plus(MARGIN).toSeconds() + " s");
            HttpResponse<String> article = pipeline.get(pipeline.query.url("/api/v1/articles/" + id));
            if (article.statusCode() == 200) {
                JsonNode stored = Pipeline.JSON.readTree(article.body());
                assertServedAsSent(kind, body, stored);
                outcome = "stored, " + stored.get("entities").size() + " mentions, " + stored.get("quotes").size()
                        + " quotes";
            } else {
                assertEquals(404, article.statusCode(), article.body());
                String reason = deadLetterReason(id);
                if (reason != null) {
                    String head = reason.split(":")[0];
                    assertTrue(EXPECTED_REASONS.contains(head), kind + " dead-lettered: " + reason);
                    outcome = "dead-lettered, reason `" + head + "`";
                    System.out.printf("[e2e] %s dead-lettered: %s%n", kind, reason);
                }
            }
        }
        long millis = (System.nanoTime() - posted) / 1_000_000;
        worstMillis = Math.max(worstMillis, millis);
        TABLE.add(String.format("| %s | %d / %d | %s | %s | %.1f s |", kind, utf8(body), body.length(), outcome,
                engineTime(id), millis / 1000.0));
    }

    /** What a reader gets is what was posted, and every offset points at the text it names. */
    private static void assertServedAsSent(String kind, String body, JsonNode stored) {
        String served = stored.get("body").asText();
        assertTrue(body.equals(served), kind + ": the body served differs from the body posted");
        for (JsonNode mention : stored.get("entities")) {
            assertEquals(mention.get("text").asText(), served.substring(mention.get("start").asInt(), mention.get("end").asInt()));
        }
        for (JsonNode quote : stored.get("quotes")) {
            assertEquals(quote.get("text").asText(), served.substring(quote.get("start").asInt(), quote.get("end").asInt()));
        }
    }

    /** In French, given: these texts try the engine, not the language detector (which may refuse them). */
    private static String post(String title, String body, String kind) throws Exception {
        HttpResponse<String> response = pipeline.post("/api/v1/articles", "application/json",
                Pipeline.JSON.writeValueAsString(Map.of("title", title, "body", body, "source", RUN, "language", "fr",
                        "url", "https://example.org/" + RUN + "/" + kind.replaceAll("\\W+", "-"))));
        assertEquals(202, response.statusCode(), kind + ": " + response.body());
        return Pipeline.JSON.readTree(response.body()).get("id").asText();
    }

    private static JsonNode awaitStored(String id, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(pipeline.analysis.alive(), "analysis-service died, see " + pipeline.analysis.log);
            HttpResponse<String> article = pipeline.get(pipeline.query.url("/api/v1/articles/" + id));
            if (article.statusCode() == 200) {
                return Pipeline.JSON.readTree(article.body());
            }
            assertEquals(404, article.statusCode(), article.body());
            assertTrue(deadLetterReason(id) == null, "article " + id + " dead-lettered");
            Thread.sleep(100);
        }
        throw new AssertionError("article " + id + " not served within " + patience.toSeconds() + " s");
    }

    /** The dead-letter reason of the article if it reached the dead-letter topic since the last look. */
    private static String deadLetterReason(String id) {
        for (ConsumerRecord<String, String> record : deadLetters.poll(Duration.ofMillis(200))) {
            if (id.equals(record.key())) {
                Header reason = record.headers().lastHeader("dead-letter-reason");
                return reason == null ? "(no reason)" : new String(reason.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static final Pattern ENGINE_TIME = Pattern.compile("in (\\d+) ms");

    /** The engine's time on a stored article, as analysis-service logs it ("-" for one it did not store). */
    private static String engineTime(String id) throws Exception {
        for (String line : Files.readAllLines(pipeline.analysis.log)) {
            Matcher time = ENGINE_TIME.matcher(line);
            if (line.contains("article " + id + " stored") && time.find()) {
                return String.format("%.1f s", Long.parseLong(time.group(1)) / 1000.0);
            }
        }
        return "-";
    }

    /** Head, then the unit for i = 0, 1, 2… as long as it fits, then the tail, padded to exactly LIMIT bytes. */
    private static String fill(String head, IntFunction<String> unit, String tail) {
        StringBuilder body = new StringBuilder(LIMIT).append(head);
        int bytes = utf8(head) + utf8(tail);
        for (int i = 0; ; i++) {
            String next = unit.apply(i);
            if (bytes + utf8(next) > LIMIT) {
                break;
            }
            body.append(next);
            bytes += utf8(next);
        }
        return body.append(" ".repeat(LIMIT - bytes)).append(tail).toString();
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}

package io.verbatim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Query-service under a realistic archive: loads generated articles straight into PostgreSQL (as analysis-service
 * would have stored them; the pipeline would take hours for 50,000), starts the packaged query-service on that
 * database and measures p50/p99 of its main reads over HTTP, one request at a time, warm. Writes the table and the
 * plans (EXPLAIN ANALYZE) of the queries behind them under target/bench/.
 *
 * <pre>java io.verbatim.bench.QueryBenchmark [--articles 50000] [--requests 300] [--db-url URL]</pre>
 */
public final class QueryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final OffsetDateTime FIRST_DAY = OffsetDateTime.of(2024, 1, 1, 6, 0, 0, 0, ZoneOffset.UTC);
    private static final int DAYS = 730;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int articles = Integer.parseInt(options.getOrDefault("articles", "50000"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "300"));
        String dbUrl = options.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:25432/verbatim");
        Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path out = Files.createDirectories(repo.resolve("target/bench"));

        Flyway.configure().dataSource(dbUrl, "verbatim", "verbatim")
                .locations("filesystem:" + repo.resolve("analysis-service/src/main/resources/db/migration"))
                .load().migrate();
        try (Connection db = DriverManager.getConnection(dbUrl + "?reWriteBatchedInserts=true", "verbatim", "verbatim")) {
            load(db, articles);
        }
        try (ServiceProcess query = ServiceProcess.start(repo, "query-service",
                // One benchmark client reads far above the per-client limit meant for readers.
                Map.of("VERBATIM_DB_URL", dbUrl, "KAFKA_BOOTSTRAP_SERVERS", options.getOrDefault("kafka", "127.0.0.1:29092"),
                        "VERBATIM_QUERY_RATE_LIMIT", "1000000", "VERBATIM_QUERY_RATE_BURST", "1000000"),
                out);
             Connection db = DriverManager.getConnection(dbUrl, "verbatim", "verbatim")) {
            System.out.printf("query-service ready in %d ms%n", query.awaitReady(Duration.ofMinutes(3)).toMillis());
            Samples samples = Samples.of(db);
            List<Latencies> results = measure(query, samples, requests);
            results.add(groupingProbe(db, 500));
            StringBuilder report = new StringBuilder();
            report.append(String.format("query-service over %d articles (%d in a story of copies), %d quotes in %d"
                            + " statements, %d mentions, %d entities; one client, sequential requests, after a warm-up."
                            + " The last row is analysis-service's grouping of an article's quotes into statements"
                            + " (the SQL function alone), for articles added to this archive.%n%n",
                    count(db, "article"), longs(db, "SELECT count(*) FROM article a WHERE story_id IS NOT NULL"
                            + " OR EXISTS (SELECT 1 FROM article c WHERE c.story_id = a.id)").get(0),
                    count(db, "quote"), count(db, "statement"), count(db, "mention"), count(db, "entity")));
            report.append(Latencies.tableHeader());
            results.forEach(r -> report.append(r.tableRow()));
            System.out.print("\n" + report);
            Files.writeString(out.resolve("query-latency.md"), report);
            String plans = explain(db, samples);
            Files.writeString(out.resolve("query-explain.txt"), plans);
            System.out.printf("%nplans: %s, table: %s%n", out.resolve("query-explain.txt"), out.resolve("query-latency.md"));
            System.out.println("{" + String.join(",", results.stream().map(Latencies::json).toList()) + "}");
        }
    }

    // ---- loading ----------------------------------------------------------------------------------------------

    /** Share of the generated dispatches that other outlets republish (one to three copies each). */
    private static final double REPUBLISHED = 0.25;

    private static void load(Connection db, int wanted) throws Exception {
        long have = count(db, "article");
        if (have >= wanted) {
            System.out.printf("%d articles already loaded%n", have);
            return;
        }
        db.setAutoCommit(false);
        ArticleGenerator generator = new ArticleGenerator(42 + have, 2500);
        Map<String, Long> entities = new HashMap<>();
        Random random = new Random(have);
        long began = System.nanoTime();
        int batch = 250;
        List<UUID> stored = new ArrayList<>();
        Latencies grouping = new Latencies("grouping, articles " + have + "–");
        try (Writer writer = new Writer(db, entities)) {
            java.util.ArrayDeque<ArticleGenerator.Article> copies = new java.util.ArrayDeque<>();
            for (long i = have; i < wanted; i++) {
                ArticleGenerator.Article a = copies.poll();
                if (a == null) {
                    OffsetDateTime published = FIRST_DAY.plusSeconds((long) ((double) i / wanted * DAYS * 86_400L))
                            .plusMinutes(random.nextInt(600));
                    a = generator.next(published, 400, 800);
                    if (random.nextDouble() < REPUBLISHED) {
                        for (int c = 1 + random.nextInt(3); c > 0; c--) {
                            copies.add(generator.copy(a, generator.otherSource(a.source()),
                                    published.plusMinutes(10 + random.nextInt(240))));
                        }
                    }
                }
                stored.add(writer.add(a));
                if ((i + 1) % batch == 0 || i + 1 == wanted) {
                    writer.flush();
                    // Grouped one article after another, as analysis-service stores them.
                    for (UUID id : stored) {
                        grouping.add(writer.group(id));
                    }
                    stored.clear();
                    db.commit();
                }
                if ((i + 1) % 10_000 == 0 || i + 1 == wanted) {
                    double seconds = (System.nanoTime() - began) / 1e9;
                    System.out.printf(Locale.ROOT, "loaded %d/%d articles (%.0f/s); statements grouped in p50 %.2f ms,"
                                    + " p99 %.2f ms per article over the last %d%n", i + 1, wanted,
                            (i + 1 - have) / seconds, grouping.percentile(0.5), grouping.percentile(0.99), grouping.count());
                    grouping = new Latencies("grouping");
                }
            }
        }
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
        System.out.printf("loaded %d articles in %.0f s%n", wanted - have, (System.nanoTime() - began) / 1e9);
    }

    /**
     * What grouping costs once the archive is loaded: n more articles (a quarter of them republished, as in the
     * archive) dated after its last day, stored and grouped one after another, in a transaction rolled back at the
     * end so the archive stays as it was. Times the grouping function alone, per article.
     */
    private static Latencies groupingProbe(Connection db, int n) throws Exception {
        Latencies grouping = new Latencies("statement grouping, per article");
        ArticleGenerator generator = new ArticleGenerator(7, 2500);
        Random random = new Random(7);
        db.setAutoCommit(false);
        try (Writer writer = new Writer(db, new HashMap<>())) {
            OffsetDateTime day = FIRST_DAY.plusDays(DAYS);
            for (int i = 0; i < n; ) {
                ArticleGenerator.Article a = generator.next(day.plusMinutes(20L * i), 400, 800);
                List<ArticleGenerator.Article> story = new ArrayList<>(List.of(a));
                if (random.nextDouble() < REPUBLISHED) {
                    for (int c = 1 + random.nextInt(3); c > 0; c--) {
                        story.add(generator.copy(a, generator.otherSource(a.source()), a.publishedAt().plusMinutes(10L * c)));
                    }
                }
                for (ArticleGenerator.Article article : story) {
                    UUID id = writer.add(article);
                    writer.flush();
                    grouping.add(writer.group(id));
                    i++;
                }
            }
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
        return grouping;
    }

    /** Writes generated articles as analysis-service stores them: the article, its mentions and quotes. */
    private static final class Writer implements AutoCloseable {
        private final Map<String, Long> entities;
        private final PreparedStatement article;
        private final PreparedStatement mention;
        private final PreparedStatement quote;
        private final PreparedStatement entity;
        private final PreparedStatement group;

        Writer(Connection db, Map<String, Long> entities) throws Exception {
            this.entities = entities;
            article = db.prepareStatement("INSERT INTO article (id, title, body, source, language,"
                    + " published_at, received_at, analyzed_at, analyzer_version, token_count) VALUES (?, ?, ?, ?, 'fr', ?, ?, ?,"
                    + " 'bench', ?)");
            mention = db.prepareStatement("INSERT INTO mention (article_id, entity_id, start_offset,"
                    + " end_offset, text, type) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
            quote = db.prepareStatement("INSERT INTO quote (article_id, start_offset, end_offset, text,"
                    + " type, cue, speaker_entity_id, speaker_mention_start, speaker_mention_end, speaker_mention_text,"
                    + " speaker_descriptor, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)");
            entity = db.prepareStatement("INSERT INTO entity (normalized_key, name, type) VALUES (?, ?, ?)"
                    + " ON CONFLICT (normalized_key) DO UPDATE SET name = EXCLUDED.name RETURNING id");
            group = db.prepareStatement("SELECT count(*) FROM verbatim_group_statements(?)");
        }

        UUID add(ArticleGenerator.Article a) throws Exception {
            UUID id = UUID.randomUUID();
            article.setObject(1, id);
            article.setString(2, a.title());
            article.setString(3, a.body());
            article.setString(4, a.source());
            article.setObject(5, a.publishedAt());
            article.setObject(6, a.publishedAt().plusMinutes(3));
            article.setObject(7, a.publishedAt().plusMinutes(3));
            article.setInt(8, a.words() * 6 / 5);
            article.addBatch();
            for (ArticleGenerator.Mention m : a.mentions()) {
                mention.setObject(1, id);
                mention.setLong(2, entityId(entity, entities, m.key(), m.name(), m.type()));
                mention.setInt(3, m.start());
                mention.setInt(4, m.end());
                mention.setString(5, m.text());
                mention.setString(6, m.type());
                mention.addBatch();
            }
            for (ArticleGenerator.GeneratedQuote q : a.quotes()) {
                quote.setObject(1, id);
                quote.setInt(2, q.start());
                quote.setInt(3, q.end());
                quote.setString(4, q.text());
                quote.setString(5, q.type());
                quote.setString(6, q.cue());
                quote.setLong(7, entityId(entity, entities, q.speaker().key(), q.speaker().name(), "PER"));
                quote.setString(8, q.descriptor());
                quote.setDouble(9, 0.9);
                quote.addBatch();
            }
            return id;
        }

        void flush() throws Exception {
            article.executeBatch();
            mention.executeBatch();
            quote.executeBatch();
        }

        /** Groups the article's quotes into statements; returns the nanoseconds it took. */
        long group(UUID id) throws Exception {
            long start = System.nanoTime();
            group.setObject(1, id);
            try (ResultSet rs = group.executeQuery()) {
                rs.next();
            }
            return System.nanoTime() - start;
        }

        @Override
        public void close() throws Exception {
            for (PreparedStatement s : List.of(article, mention, quote, entity, group)) {
                s.close();
            }
        }
    }

    private static long entityId(PreparedStatement insert, Map<String, Long> cache, String key, String name, String type)
            throws Exception {
        Long id = cache.get(key);
        if (id == null) {
            insert.setString(1, key);
            insert.setString(2, name);
            insert.setString(3, type);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            cache.put(key, id);
        }
        return id;
    }

    // ---- measuring --------------------------------------------------------------------------------------------

    /** Ids and words the requests pick from, read from the loaded data. */
    record Samples(List<String> articleIds, List<Long> speakers, List<Long> entities, List<String> words,
                   List<Long> statements) {

        static Samples of(Connection db) throws Exception {
            List<String> words = new ArrayList<>(ArticleGenerator.searchWords());
            words.addAll(strings(db, "SELECT split_part(name, ' ', 2) FROM entity WHERE type = 'PER' ORDER BY id LIMIT 60"));
            words.addAll(List.of("\"plan climat\"", "tramway -bus", "urgences hôpital", "ecole", "deputes", "reforme"));
            return new Samples(strings(db, "SELECT id::text FROM article TABLESAMPLE SYSTEM (5) LIMIT 2000"),
                    longs(db, "SELECT speaker_entity_id FROM quote GROUP BY 1 ORDER BY count(*) DESC LIMIT 500"),
                    longs(db, "SELECT entity_id FROM mention GROUP BY 1 ORDER BY count(*) DESC LIMIT 500"), words,
                    // The most reported first: the heaviest statements to show.
                    longs(db, "SELECT id FROM statement ORDER BY article_count DESC, id LIMIT 500"));
        }
    }

    private static List<Latencies> measure(ServiceProcess query, Samples s, int n) throws Exception {
        Random random = new Random(7);
        Supplier<String> period = () -> {
            LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(DAYS - 31));
            return "from=" + from + "&to=" + from.plusDays(30);
        };
        Map<String, Supplier<String>> requests = new LinkedHashMap<>();
        requests.put("search, by relevance", () -> "/api/v1/articles?q=" + enc(pick(random, s.words())));
        requests.put("search + period + type, by date", () -> "/api/v1/articles?q=" + enc(pick(random, s.words()))
                + "&" + period.get() + "&entityType=PER&sort=date");
        requests.put("speaker ranking, 30 days", () -> "/api/v1/speakers?" + period.get());
        requests.put("speaker ranking, all time", () -> "/api/v1/speakers");
        requests.put("quotes of a speaker", () -> "/api/v1/speakers/" + pick(random, s.speakers()) + "/quotes");
        requests.put("speaker profile", () -> "/api/v1/speakers/" + pick(random, s.speakers()));
        requests.put("article detail", () -> "/api/v1/articles/" + pick(random, s.articleIds()));
        requests.put("quote search", () -> "/api/v1/quotes?q=" + enc(pick(random, s.words())));
        requests.put("statements of a speaker", () -> "/api/v1/statements?speaker=" + pick(random, s.speakers()));
        requests.put("statements of a speaker + period", () -> "/api/v1/statements?speaker=" + pick(random, s.speakers())
                + "&" + period.get());
        requests.put("statement search", () -> "/api/v1/statements?q=" + enc(pick(random, s.words())));
        requests.put("statement detail", () -> "/api/v1/statements/" + pick(random, s.statements()));
        requests.put("top entities, 30 days", () -> "/api/v1/entities/top?" + period.get());
        requests.put("co-occurring entities", () -> "/api/v1/entities/" + pick(random, s.entities()) + "/cooccurring");
        requests.put("entity timeline", () -> "/api/v1/entities/" + pick(random, s.entities()) + "/timeline");

        for (int i = 0; i < 3; i++) { // warm-up: JIT, connection pool, PostgreSQL caches
            for (Supplier<String> r : requests.values()) {
                for (int j = 0; j < 20; j++) {
                    get(query.url(r.get()));
                }
            }
        }
        List<Latencies> results = new ArrayList<>();
        for (Map.Entry<String, Supplier<String>> r : requests.entrySet()) {
            Latencies latencies = new Latencies(r.getKey());
            for (int i = 0; i < n; i++) {
                String url = query.url(r.getValue().get());
                long start = System.nanoTime();
                get(url);
                latencies.add(System.nanoTime() - start);
            }
            results.add(latencies);
        }
        results.add(deepPages(query, n));
        return results;
    }

    /** Follows nextCursor down the newest-first list; only pages past the 500th are counted. */
    private static Latencies deepPages(ServiceProcess query, int n) throws Exception {
        Latencies deep = new Latencies("cursor page, 500+ pages deep");
        String cursor = null;
        for (int page = 0; page < 500 + n; page++) {
            String url = query.url("/api/v1/articles?size=20" + (cursor == null ? "" : "&cursor=" + cursor));
            long start = System.nanoTime();
            JsonNode body = JSON.readTree(get(url));
            if (page >= 500) {
                deep.add(System.nanoTime() - start);
            }
            cursor = body.path("nextCursor").asText(null);
            if (cursor == null) {
                break;
            }
        }
        return deep;
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    // ---- plans ------------------------------------------------------------------------------------------------

    /** The plans of the SQL behind the main reads (kept in step with query-service's service package). */
    private static String explain(Connection db, Samples s) throws Exception {
        String date = "coalesce(a.published_at, a.received_at)";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("search, by relevance (ArticleQueries.list)", "SELECT a.id, a.title, ts_rank_cd(a.rank_vector, q) AS rank"
                + " FROM article a, websearch_to_tsquery(verbatim_search_config('fr'), verbatim_search_text('tramway')) q WHERE a.search_vector @@ q"
                + " ORDER BY rank DESC, " + date + " DESC, a.id DESC LIMIT 21");
        queries.put("speaker ranking, all time (SpeakerQueries.ranking: the monthly rollup)", "SELECT speaker_entity_id,"
                + " sum(quotes), sum(articles) FROM speaker_month GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 21");
        queries.put("speaker ranking, 30 days (SpeakerQueries.ranking: partial months from the quotes)",
                "SELECT q.speaker_entity_id, count(*), count(DISTINCT q.article_id), max(q.article_date) FROM quote q"
                        + " WHERE q.speaker_entity_id IS NOT NULL AND q.article_date >= '2025-03-05'"
                        + " AND q.article_date < '2025-04-04' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 21");
        queries.put("quotes of a speaker (QuoteQueries.list)", "SELECT q.id FROM quote q WHERE q.speaker_entity_id = "
                + s.speakers().get(0) + " ORDER BY q.article_date DESC, q.id DESC LIMIT 21");
        queries.put("quote search, many matches (QuoteQueries.list: the date index, filtered)", "SELECT q.id FROM quote q"
                + " WHERE q.search_vector @@ websearch_to_tsquery(verbatim_search_config('fr'), verbatim_search_text('usagers'))"
                + " ORDER BY q.article_date DESC, q.id DESC LIMIT 21");
        queries.put("quote search, few matches (QuoteQueries.list: the matches first, then sorted)",
                "WITH matching AS MATERIALIZED (SELECT q.id AS id, q.article_date AS date FROM quote q"
                        + " WHERE q.search_vector @@ websearch_to_tsquery(verbatim_search_config('fr'), verbatim_search_text('réquisitoire')))"
                        + " SELECT id FROM matching ORDER BY date DESC, id DESC LIMIT 21");
        queries.put("statements of a speaker (StatementQueries.list)", "SELECT s.id FROM statement s"
                + " WHERE s.speaker_entity_id = " + s.speakers().get(0) + " ORDER BY s.first_seen_at DESC, s.id DESC LIMIT 21");
        queries.put("a statement's reports (StatementQueries.list: one probe per statement)", "SELECT r.* FROM"
                + " unnest(ARRAY(SELECT id FROM statement ORDER BY article_count DESC LIMIT 21)) s(id) CROSS JOIN LATERAL"
                + " (SELECT q.article_id, a.source FROM quote q JOIN article a ON a.id = q.article_id"
                + " WHERE q.statement_id = s.id ORDER BY q.article_date, q.id LIMIT 20) r");
        queries.put("co-occurring entities (EntityQueries.coOccurring)", "SELECT m.entity_id, count(DISTINCT m.article_id)"
                + " FROM mention m WHERE m.entity_id <> " + s.entities().get(0) + " AND m.article_id = ANY (ARRAY("
                + "SELECT article_id FROM mention WHERE entity_id = " + s.entities().get(0) + " GROUP BY article_id"
                + " ORDER BY max(article_date) DESC LIMIT 500)) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 21");
        queries.put("cursor page deep in the list (ArticleQueries.list)", "SELECT a.id, a.title FROM article a WHERE ("
                + date + ", a.id) < ('2024-06-01T00:00:00Z', '00000000-0000-0000-0000-000000000000') ORDER BY " + date
                + " DESC, a.id DESC LIMIT 21");
        StringBuilder out = new StringBuilder();
        try (Statement st = db.createStatement()) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                out.append("== ").append(q.getKey()).append('\n').append(q.getValue()).append("\n\n");
                try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + q.getValue())) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static long count(Connection db, String table) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static List<Long> longs(Connection db, String sql) throws Exception {
        List<Long> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2).toLowerCase(Locale.ROOT), args[++i]);
        }
        return options;
    }
}

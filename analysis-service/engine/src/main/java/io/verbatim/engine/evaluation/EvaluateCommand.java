package io.verbatim.engine.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.verbatim.engine.ArticleAnalyzer;
import io.verbatim.engine.Languages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores the engine on a folder of gold articles ({@code analysis-service/evaluate.sh DIR [DIR …] [--json] [--errors]}):
 * a table, the errors counted by kind (listed with --errors), and with --json one JSON object on the last line. Needs neither Kafka nor PostgreSQL.
 */
public final class EvaluateCommand {

    private EvaluateCommand() {
    }

    public static void main(String[] args) throws IOException {
        List<String> options = List.of(args);
        List<Path> dirs = options.stream().filter(a -> !a.startsWith("--")).map(Path::of).toList();
        if (dirs.isEmpty()) {
            System.err.println("usage: analysis-service/evaluate.sh DIR [DIR …] [--json] [--errors]");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                System.err.println(dir + " is not a directory");
                System.exit(2);
            }
            try (Stream<Path> listing = Files.list(dir)) {
                files.addAll(listing.filter(p -> p.toString().endsWith(".json")).sorted().toList());
            }
        }
        if (files.isEmpty()) {
            System.err.println("no *.json gold file in " + dirs);
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        ArticleAnalyzer analyzer = new ArticleAnalyzer(Languages.require("fr"));
        Scoreboard board = new Scoreboard();
        for (Path file : files) {
            GoldArticle gold = GoldArticle.read(file, json);
            board.add(gold, analyzer.analyze(gold.text()));
        }
        printTable(board);
        printErrorKinds(board, options.contains("--errors"));
        if (options.contains("--json")) {
            System.out.println(json.writeValueAsString(toJson(board, json)));
        }
    }

    /** How many errors of each kind; with --errors, each error under its kind. */
    private static void printErrorKinds(Scoreboard board, boolean each) {
        Map<Scoreboard.Kind, List<Scoreboard.Miss>> byKind = new EnumMap<>(Scoreboard.Kind.class);
        board.misses.forEach(m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m));
        System.out.printf("%nerrors by kind%n");
        for (Scoreboard.Kind kind : Scoreboard.Kind.values()) {
            System.out.printf("  %-34s %4d%n", kind.label, byKind.getOrDefault(kind, List.of()).size());
        }
        if (each) {
            byKind.forEach((kind, misses) -> {
                System.out.printf("%n## %s (%d)%n", kind.label, misses.size());
                misses.forEach(System.out::println);
            });
        }
    }

    private static void printTable(Scoreboard board) {
        System.out.printf("documents: %d%n%n%-8s %6s %6s %6s %6s %6s%n", board.documents, "NER", "P", "R", "F1", "pred", "gold");
        board.ner.forEach((type, c) -> System.out.printf("%-8s %6.3f %6.3f %6.3f %6d %6d%n", type, c.precision(),
                c.recall(), c.f1(), c.predicted, c.gold));
        Scoreboard.Counts micro = board.micro();
        System.out.printf("%-8s %6.3f %6.3f %6.3f %6d %6d   (PER+LOC+ORG)%n%n", "micro", micro.precision(),
                micro.recall(), micro.f1(), micro.predicted, micro.gold);
        System.out.printf("%-8s %6s %6s %6s%n", "quotes", "P", "R", "F1");
        System.out.printf("%-8s %6.3f %6.3f %6.3f%n", "30%", board.quotes30.precision(), board.quotes30.recall(),
                board.quotes30.f1());
        System.out.printf("%-8s %6.3f %6.3f %6.3f%n%n", "80%", board.quotes80.precision(), board.quotes80.recall(),
                board.quotes80.f1());
        System.out.printf("speaker accuracy %.3f over %d matched quotes; cue accuracy %.3f%n",
                board.speakerAccuracy(), board.matched, board.cueAccuracy());
    }

    private static ObjectNode toJson(Scoreboard board, ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("documents", board.documents);
        ObjectNode ner = root.putObject("ner");
        board.ner.forEach((type, c) -> prf(ner.putObject(type), c));
        prf(ner.putObject("micro"), board.micro());
        ObjectNode quotes = root.putObject("quotes");
        quotes.put("p30", round(board.quotes30.precision())).put("r30", round(board.quotes30.recall()))
                .put("f30", round(board.quotes30.f1()))
                .put("p80", round(board.quotes80.precision())).put("r80", round(board.quotes80.recall()))
                .put("f80", round(board.quotes80.f1()));
        root.putObject("speaker").put("accuracy", round(board.speakerAccuracy())).put("matched", board.matched);
        root.putObject("cue").put("accuracy", round(board.cueAccuracy()));
        return root;
    }

    private static void prf(ObjectNode node, Scoreboard.Counts c) {
        node.put("p", round(c.precision())).put("r", round(c.recall())).put("f1", round(c.f1()));
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}

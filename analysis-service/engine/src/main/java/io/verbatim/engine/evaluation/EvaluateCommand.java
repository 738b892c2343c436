package io.verbatim.engine.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.verbatim.engine.ArticleAnalyzer;
import io.verbatim.engine.Languages;
import io.verbatim.engine.lang.Language;
import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.model.Analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores the engine on folders of gold articles ({@code analysis-service/evaluate.sh DIR [DIR …] [--json] [--errors]}):
 * a table, speaker accuracy by how the speaker is designated, the errors counted by kind (listed with --errors,
 * except those of the blind half), and with --json one JSON object on the last line. Articles of the blind half
 * ({@link BlindHalf}) are also scored apart, in aggregate. Needs neither Kafka nor PostgreSQL.
 */
public final class EvaluateCommand {

    private EvaluateCommand() {
    }

    public static void main(String[] args) throws IOException {
        List<String> options = new ArrayList<>(List.of(args));
        int polnearAt = options.indexOf("--polnear");
        if (polnearAt >= 0) {
            int splitAt = options.indexOf("--split");
            if (polnearAt + 1 >= options.size() || splitAt < 0 || splitAt + 1 >= options.size()) {
                System.err.println("usage: analysis-service/evaluate.sh --polnear DIR --split train|dev|test");
                System.exit(2);
            }
            PolNearEvaluation.run(Path.of(options.get(polnearAt + 1)), options.get(splitAt + 1));
            return;
        }
        int chainsAt = options.indexOf("--chains");
        Path chainsOf = chainsAt >= 0 && chainsAt + 1 < options.size() ? Path.of(options.remove(chainsAt + 1)) : null;
        List<Path> dirs = options.stream().filter(a -> !a.startsWith("--")).map(Path::of).toList();
        ObjectMapper json = new ObjectMapper();
        Language language = Languages.require("fr");
        if (chainsOf != null) {
            ChainsView.print(new ArticleAnalyzer(language), GoldArticle.read(chainsOf, json), language.lexicon());
            return;
        }
        if (dirs.isEmpty()) {
            System.err.println("usage: analysis-service/evaluate.sh DIR [DIR …] [--json] [--errors] [--cross-validate]"
                    + "\n       analysis-service/evaluate.sh --chains FILE"
                    + "\n       analysis-service/evaluate.sh --polnear DIR --split train|dev|test");
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
        ArticleAnalyzer analyzer = new ArticleAnalyzer(language);
        Lexicon lexicon = language.lexicon();
        List<RankerTraining.Article> articles = new ArrayList<>();
        for (Path file : files) {
            GoldArticle gold = GoldArticle.read(file, json);
            articles.add(RankerTraining.Article.of(gold, analyzer.analyzeInDetail(gold.text())));
        }
        boolean crossValidate = options.contains("--cross-validate");
        if (crossValidate) {
            // The weights that score an article are learned from every other article (leave one out).
            System.out.printf("rules alone:              %s%n", summary(score(articles, lexicon, BlindHalf.load(),
                    RankerTraining.Article::byRules)[0]));
            System.out.printf("ranker, weights of %s (fit): %s%n", Lexicon.RANKER_WEIGHTS, summary(score(articles, lexicon,
                    BlindHalf.load(), a -> a.detail().analysis())[0]));
            System.out.printf("ranker, cross-validated by article (leave one out), below:%n%n");
        }
        BlindHalf blindHalf = BlindHalf.load();
        Scoreboard[] boards = score(articles, lexicon, blindHalf, crossValidate
                ? a -> a.rankedWith(RankerTraining.train(RankerTraining.allBut(articles, a, blindHalf)))
                : a -> a.detail().analysis());
        Scoreboard all = boards[0];
        Scoreboard open = boards[1];
        Scoreboard blind = boards[2];
        printTable(all);
        printSpeakerPhrases(all);
        if (blind.documents > 0) {
            System.out.printf("%nof which open: %s%nof which the blind half: %s%n", summary(open), summary(blind));
        }
        printErrorKinds(all, open, options.contains("--errors"), blind.misses.size());
        if (options.contains("--json")) {
            ObjectNode root = toJson(all, json);
            if (blind.documents > 0) {
                root.set("open", toJson(open, json));
                root.set("blindHalf", toJson(blind, json));
            }
            System.out.println(json.writeValueAsString(root));
        }
    }

    /** The articles scored as {@code found} analyses them: all, the open ones and the blind half's. */
    private static Scoreboard[] score(List<RankerTraining.Article> articles, Lexicon lexicon, BlindHalf blindHalf,
                                      java.util.function.Function<RankerTraining.Article, Analysis> found) {
        Scoreboard open = new Scoreboard(lexicon);
        Scoreboard blind = new Scoreboard(lexicon);
        for (RankerTraining.Article article : articles) {
            (blindHalf.contains(article.gold().name()) ? blind : open).add(article.gold(), found.apply(article));
        }
        Scoreboard all = new Scoreboard(lexicon);
        all.add(open);
        all.add(blind);
        return new Scoreboard[]{all, open, blind};
    }

    /** Quote F1 and speaker accuracy of a part of the set, in one line. */
    private static String summary(Scoreboard board) {
        return String.format("%d articles, NER micro-F1 %.3f, quote F1@30 %.3f, speaker %.3f over %d, cue %.3f",
                board.documents, board.micro().f1(), board.quotes30.f1(), board.speakerAccuracy(), board.matched,
                board.cueAccuracy());
    }

    /** Speaker accuracy by how the article designates the speaker. */
    private static void printSpeakerPhrases(Scoreboard board) {
        System.out.printf("%nspeaker by how the article designates them      right / matched%n");
        board.speakerByPhrase.forEach((phrase, counts) -> System.out.printf("  %-34s %6.3f  %4d / %d%n", phrase.label,
                counts[0] == 0 ? 0 : (double) counts[1] / counts[0], counts[1], counts[0]));
    }

    /**
     * How many errors of each kind (all articles); with --errors, each error under its kind, for the open articles
     * only: the blind half's errors are never shown.
     */
    private static void printErrorKinds(Scoreboard all, Scoreboard open, boolean each, int blindErrors) {
        System.out.printf("%nerrors by kind%n");
        for (Scoreboard.Kind kind : Scoreboard.Kind.values()) {
            System.out.printf("  %-34s %4d%n", kind.label, all.misses.stream().filter(m -> m.kind() == kind).count());
        }
        if (each) {
            Map<Scoreboard.Kind, List<Scoreboard.Miss>> byKind = new EnumMap<>(Scoreboard.Kind.class);
            open.misses.forEach(m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m));
            byKind.forEach((kind, misses) -> {
                System.out.printf("%n## %s (%d)%n", kind.label, misses.size());
                misses.forEach(System.out::println);
            });
            if (blindErrors > 0) {
                System.out.printf("%n(%d errors in the blind half are not listed)%n", blindErrors);
            }
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
        ObjectNode speaker = root.putObject("speaker").put("accuracy", round(board.speakerAccuracy()))
                .put("matched", board.matched);
        ObjectNode byPhrase = speaker.putObject("byPhrase");
        board.speakerByPhrase.forEach((phrase, counts) -> byPhrase.putObject(phrase.name().toLowerCase(java.util.Locale.ROOT))
                .put("right", counts[1]).put("matched", counts[0]));
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

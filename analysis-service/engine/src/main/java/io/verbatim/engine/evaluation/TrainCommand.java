package io.verbatim.engine.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.verbatim.engine.ArticleAnalyzer;
import io.verbatim.engine.Languages;
import io.verbatim.engine.lang.Language;
import io.verbatim.engine.lang.Lexicon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Learns the speaker ranker's weights from folders of gold articles and writes them as the language's data
 * ({@code analysis-service/train.sh DIR [DIR …] [--language fr]} writes
 * {@code engine/src/main/resources/lang/<code>/speaker-ranker.txt}). Articles of the blind half ({@link BlindHalf})
 * are left out. The features come from the rules and the chains, which the weights do not change, so training is
 * reproducible: same articles, same engine, same weights.
 */
public final class TrainCommand {

    private TrainCommand() {
    }

    public static void main(String[] args) throws IOException {
        List<String> options = new ArrayList<>(List.of(args));
        int languageAt = options.indexOf("--language");
        String code = languageAt >= 0 && languageAt + 1 < options.size() ? options.remove(languageAt + 1) : "fr";
        options.remove("--language");
        List<Path> files = new ArrayList<>();
        for (String dir : options) {
            try (Stream<Path> listing = Files.list(Path.of(dir))) {
                files.addAll(listing.filter(p -> p.toString().endsWith(".json")).sorted().toList());
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: analysis-service/train.sh DIR [DIR …] [--language fr]");
            System.exit(2);
        }
        Language language = Languages.require(code);
        ArticleAnalyzer analyzer = new ArticleAnalyzer(language);
        ObjectMapper json = new ObjectMapper();
        List<RankerTraining.Example> examples = new ArrayList<>();
        BlindHalf blindHalf = BlindHalf.load();
        int quotes = 0;
        int blind = 0;
        for (Path file : files) {
            GoldArticle gold = GoldArticle.read(file, json);
            if (blindHalf.contains(gold.name())) {
                blind++;
                continue;
            }
            quotes += gold.quotes().size();
            examples.addAll(RankerTraining.Article.of(gold, analyzer.analyzeInDetail(gold.text())).examples());
        }
        Map<String, Double> weights = RankerTraining.train(examples);
        Path out = Path.of(System.getProperty("verbatim.engine", "analysis-service/engine"))
                .resolve("src/main/resources/lang/" + code + "/" + Lexicon.RANKER_WEIGHTS);
        StringBuilder file = new StringBuilder()
                .append("# The speaker ranker's weights for ").append(code).append(" (attribution/SpeakerRanker), learned by\n")
                .append("# analysis-service/train.sh on ").append(LocalDate.now()).append(" from ").append(files.size() - blind)
                .append(" annotated articles (").append(examples.size()).append(" of their ").append(quotes)
                .append(" quotes found and with their speaker among the candidates),\n")
                .append("# logistic regression with an L2 prior of sigma ").append(RankerTraining.SIGMA)
                .append(". A feature and its weight a line. Do not edit: train again.\n");
        weights.forEach((feature, weight) -> file.append(feature).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.4f", weight)).append('\n'));
        Files.writeString(out, file.toString());
        System.out.printf("%d weights from %d cases of %d articles (%d of the blind half left out) written to %s%n",
                weights.size(), examples.size(), files.size() - blind, blind, out);
    }
}

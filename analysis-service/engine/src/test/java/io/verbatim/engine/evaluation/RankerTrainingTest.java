package io.verbatim.engine.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.verbatim.engine.Engine;
import io.verbatim.engine.lang.fr.French;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training on our own articles: reproducible, and the ranked speakers score at least what the weights were fit to. */
class RankerTrainingTest {

    @Test
    void trainingIsReproducibleAndTheFitRanksAtLeastAsWellAsTheRules() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<RankerTraining.Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/gold"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                GoldArticle gold = GoldArticle.read(file, json);
                articles.add(RankerTraining.Article.of(gold, Engine.get().analyzeInDetail(gold.text())));
            }
        }
        List<RankerTraining.Example> examples = RankerTraining.allBut(articles, null, BlindHalf.load());
        Map<String, Double> weights = RankerTraining.train(examples);
        assertEquals(weights, RankerTraining.train(examples), "the same examples give the same weights");

        Scoreboard rules = new Scoreboard(French.LANGUAGE.lexicon());
        Scoreboard ranked = new Scoreboard(French.LANGUAGE.lexicon());
        articles.forEach(a -> {
            rules.add(a.gold(), a.byRules());
            ranked.add(a.gold(), a.rankedWith(weights));
        });
        assertTrue(ranked.speakerAccuracy() >= rules.speakerAccuracy(), "fit " + ranked.speakerAccuracy()
                + " under the rules' " + rules.speakerAccuracy());
    }
}

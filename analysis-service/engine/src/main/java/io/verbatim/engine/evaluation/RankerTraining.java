package io.verbatim.engine.evaluation;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import io.verbatim.engine.ArticleAnalyzer;
import io.verbatim.engine.attribution.SpeakerRanker;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.Quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Learns the speaker ranker's weights from annotated articles: each gold quote the rules found (matched at 30%) is a
 * case whose right candidate is the entity named as the gold speaker (or nobody for an unnamed source). A logistic
 * regression over (quote, candidate) pairs, CoreNLP's {@link LinearClassifier} with its L2 prior, scores each
 * candidate; the ranker takes the best of a quote's candidates.
 */
final class RankerTraining {

    /** The prior's sigma: small enough that a feature seen in a handful of quotes gets a modest weight. */
    static final double SIGMA = 0.5;
    private static final String SPEAKER = "speaker";
    private static final String OTHER = "other";

    /** A case with the index of its right candidate. */
    record Example(SpeakerRanker.Case quote, int right) {
    }

    /** One article: its gold annotations, what the engine found, and its labelled cases. */
    record Article(GoldArticle gold, ArticleAnalyzer.Detail detail, List<Example> examples) {

        static Article of(GoldArticle gold, ArticleAnalyzer.Detail detail) {
            List<Quote> ruled = detail.cases().stream().map(SpeakerRanker.Case::quote).toList();
            Map<GoldArticle.GoldQuote, Quote> matches = Scoreboard.match(gold, ruled, 0.3);
            List<Example> examples = new ArrayList<>();
            matches.forEach((g, q) -> {
                SpeakerRanker.Case c = detail.cases().get(ruled.indexOf(q));
                for (int i = 0; i < c.candidates().size(); i++) {
                    int entity = c.candidates().get(i).entity();
                    String name = entity < 0 ? null : detail.analysis().entities().get(entity).name();
                    if (Objects.equals(Scoreboard.normalize(name), Scoreboard.normalize(g.speaker()))) {
                        examples.add(new Example(c, i));
                        break;
                    }
                }
            });
            return new Article(gold, detail, examples);
        }

        /** What the engine found with the quotes attributed by these weights. */
        Analysis rankedWith(Map<String, Double> weights) {
            Analysis found = detail.analysis();
            List<Quote> quotes = SpeakerRanker.pick(detail.cases(), weights, found.entities(), detail.chains());
            return new Analysis(found.entities(), found.mentions(), quotes, found.tokenCount(), found.analyzerVersion());
        }

        /** What the rules alone found. */
        Analysis byRules() {
            Analysis found = detail.analysis();
            return new Analysis(found.entities(), found.mentions(),
                    detail.cases().stream().map(SpeakerRanker.Case::quote).toList(), found.tokenCount(),
                    found.analyzerVersion());
        }
    }

    private RankerTraining() {
    }

    /** The weights learned from these examples: per feature, its weight for a speaker over its weight otherwise. */
    static Map<String, Double> train(List<Example> examples) {
        RVFDataset<String, String> dataset = new RVFDataset<>();
        for (Example example : examples) {
            List<SpeakerRanker.Candidate> candidates = example.quote().candidates();
            for (int i = 0; i < candidates.size(); i++) {
                Counter<String> features = new ClassicCounter<>();
                candidates.get(i).features().forEach(features::setCount);
                features.setCount("bias", 1.0);
                dataset.add(new RVFDatum<>(features, i == example.right() ? SPEAKER : OTHER));
            }
        }
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(SIGMA);
        factory.setVerbose(false);
        LinearClassifier<String, String> classifier = factory.trainClassifier(dataset);
        Map<String, Counter<String>> byLabel = classifier.weightsAsMapOfCounters();
        Map<String, Double> weights = new TreeMap<>();
        for (String feature : byLabel.get(SPEAKER).keySet()) {
            weights.put(feature, byLabel.get(SPEAKER).getCount(feature) - byLabel.get(OTHER).getCount(feature));
        }
        return weights;
    }

    /** The examples of every article but one and but those of the blind half, which are never trained on. */
    static List<Example> allBut(List<Article> articles, Article left, BlindHalf blindHalf) {
        List<Example> examples = new ArrayList<>();
        articles.stream().filter(a -> a != left && !blindHalf.contains(a.gold().name()))
                .forEach(a -> examples.addAll(a.examples()));
        return examples;
    }
}

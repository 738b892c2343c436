package io.verbatim.engine.evaluation;

import io.verbatim.engine.ArticleAnalyzer;
import io.verbatim.engine.attribution.SpeakerRanker;
import io.verbatim.engine.coreference.Chains;
import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.model.Entity;
import io.verbatim.engine.model.Quote;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate.sh --chains FILE}: one article's chains of mentions (each entity with its names, pronouns and
 * descriptions, their roles and sentences), the references no entity took, and each quote's candidate speakers with
 * the ranker's scores, beside the gold speaker — to see why coreference and attribution chose what they did.
 */
final class ChainsView {

    private ChainsView() {
    }

    static void print(ArticleAnalyzer analyzer, GoldArticle gold, Lexicon lexicon) {
        ArticleAnalyzer.Detail detail = analyzer.analyzeInDetail(gold.text());
        List<Entity> entities = detail.analysis().entities();
        Chains chains = detail.chains();
        System.out.printf("%s: %d entities, %d mentions in chains%n", gold.name(), entities.size(), chains.links().size());
        for (int e = 0; e < entities.size(); e++) {
            Entity entity = entities.get(e);
            System.out.printf("%n[%d] %s %s, gender %s, designated by %s%n", e, entity.type(), entity.name(),
                    chains.genderOf(e), chains.roleWords(e));
            chains.chain(e).forEach(ChainsView::printLink);
        }
        System.out.printf("%nreferences to nobody in the article%n");
        chains.chain(-1).forEach(ChainsView::printLink);

        Map<String, Double> weights = lexicon.rankerWeights();
        Map<GoldArticle.GoldQuote, Quote> matches = Scoreboard.match(gold,
                detail.cases().stream().map(SpeakerRanker.Case::quote).toList(), 0.3);
        System.out.printf("%nquotes (rules' speaker, then the candidates by the ranker's score)%n");
        for (SpeakerRanker.Case c : detail.cases()) {
            Quote q = c.quote();
            String goldSpeaker = matches.entrySet().stream().filter(m -> m.getValue() == q).map(m -> String.valueOf(m.getKey().speaker()))
                    .findFirst().orElse("(no gold quote)");
            System.out.printf("%n  %d–%d %s «%s» rules: %s via %s; gold: %s%n", q.start(), q.end(), q.type().label(),
                    excerpt(q.text()), name(entities, q.speaker()),
                    q.speakerMention() == null ? "-" : "\"" + q.speakerMention().text() + "\"", goldSpeaker);
            c.candidates().stream()
                    .sorted(Comparator.comparingDouble((SpeakerRanker.Candidate k) -> -SpeakerRanker.score(k, weights)))
                    .forEach(k -> System.out.printf("    %7.2f %-28s %s%n", SpeakerRanker.score(k, weights),
                            name(entities, k.entity()), k.features().keySet()));
        }
    }

    private static void printLink(Chains.Link link) {
        System.out.printf("    s%-3d %-11s %-8s %s%n", link.sentence(), link.kind(), link.role(), link.text());
    }

    private static String name(List<Entity> entities, int entity) {
        return entity < 0 ? "nobody" : entities.get(entity).name();
    }

    private static String excerpt(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 50 ? flat.substring(0, 50) + "…" : flat;
    }
}

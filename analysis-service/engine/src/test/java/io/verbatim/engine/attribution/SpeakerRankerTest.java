package io.verbatim.engine.attribution;

import io.verbatim.engine.ArticleAnalyzer;
import io.verbatim.engine.Engine;
import io.verbatim.engine.model.Quote;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ranker's candidates and how weights choose among them, on an article written for the test. */
class SpeakerRankerTest {

    private static final String TEXT = "La maire de Nantes, Johanna Rolland, a répondu à Pierre Lemoine, le chef de "
            + "l'opposition. « Nous tiendrons le calendrier », a-t-elle assuré.\n\n"
            + "Pierre Lemoine a haussé les épaules. « Le budget ne suffira pas. »";

    private static String speaker(ArticleAnalyzer.Detail detail, Quote quote) {
        return quote.hasSpeaker() ? detail.analysis().entities().get(quote.speaker()).name() : null;
    }

    @Test
    void candidatesAreTheRulesPickThePeopleNamedAroundAndNobody() {
        ArticleAnalyzer.Detail detail = Engine.get().analyzeInDetail(TEXT);
        SpeakerRanker.Case first = detail.cases().get(0);
        List<String> names = first.candidates().stream()
                .map(c -> c.entity() < 0 ? "nobody" : detail.analysis().entities().get(c.entity()).name()).toList();
        assertTrue(names.containsAll(List.of("Johanna Rolland", "Pierre Lemoine", "nobody")), names.toString());
        SpeakerRanker.Candidate rolland = first.candidates().get(names.indexOf("Johanna Rolland"));
        assertTrue(rolland.features().containsKey("rule"), rolland.features().toString());
        assertTrue(rolland.features().containsKey("pronoun.agrees"), rolland.features().toString());
        assertTrue(first.candidates().get(names.indexOf("Pierre Lemoine")).features().containsKey("pronoun.clashes"));
    }

    @Test
    void theWeightsDecideWhoSpeaks() {
        ArticleAnalyzer.Detail detail = Engine.get().analyzeInDetail(TEXT);
        List<Quote> byRules = SpeakerRanker.pick(detail.cases(), Map.of("rule", 1.0), detail.analysis().entities(),
                detail.chains());
        assertEquals("Johanna Rolland", speaker(detail, byRules.get(0)));
        // The second quote has no reporting clause: the subject of the sentence before it says it.
        List<Quote> bySubject = SpeakerRanker.pick(detail.cases(), Map.of("previous.subject.no.phrase", 1.0,
                "rule", 0.5), detail.analysis().entities(), detail.chains());
        assertEquals("Pierre Lemoine", speaker(detail, bySubject.get(1)));
        assertEquals("Pierre Lemoine", bySubject.get(1).speakerMention().text(),
                "the speaker mention is the nearest mention of the speaker before the quote");
    }
}

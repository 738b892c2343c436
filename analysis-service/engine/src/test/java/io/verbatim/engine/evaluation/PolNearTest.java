package io.verbatim.engine.evaluation;

import io.verbatim.engine.model.QuoteType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PolNeAR converter on a brat annotation of our own text: spans, fragments, events, types and speech cues. */
class PolNearTest {

    private static final String TEXT = "“We will rebuild,” the mayor said, “and soon.” Critics believe the plan is too costly. "
            + "The council said the work was “overdue” and would start in May.";

    private static final List<String> ANNOTATION = List.of(
            "T1\tContent 1 17;36 44\tWe will rebuild,” the mayor said, “and soon",
            "T2\tSource 19 28\tthe mayor",
            "T3\tCue 29 33\tsaid",
            "T4\tAttribution 29 33\tsaid",
            "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
            "T5\tSource 47 54\tCritics",
            "T6\tCue 55 62\tbelieve",
            "T7\tContent 63 85\tthe plan is too costly",
            "T8\tAttribution 55 62\tbelieve",
            "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
            "T9\tCue 99 103\tsaid",
            "T10\tContent 104 148\tthe work was “overdue” and would start in May",
            "T11\tAttribution-no-source 99 103\tsaid",
            "E3\tAttribution-no-source:T11 Content:T10 Cue:T9");

    @Test
    void readsEachAttributionWithItsFragmentsTypeAndCue() {
        List<PolNear.Attribution> attributions = PolNear.attributions(TEXT, ANNOTATION);
        assertEquals(3, attributions.size());

        PolNear.Attribution mayor = attributions.get(0);
        assertEquals(2, mayor.content().size(), "a quotation cut by its reporting clause keeps both fragments");
        assertEquals(QuoteType.DIRECT, mayor.type());
        assertEquals("the mayor", TEXT.substring(mayor.source().get(0)[0], mayor.source().get(0)[1]));
        assertTrue(mayor.speech());

        PolNear.Attribution critics = attributions.get(1);
        assertEquals(QuoteType.INDIRECT, critics.type());
        assertFalse(critics.speech(), "a belief is no speech cue");

        PolNear.Attribution council = attributions.get(2);
        assertEquals(QuoteType.MIXED, council.type());
        assertTrue(council.source().isEmpty());
        assertTrue(council.speech());
    }

    @Test
    void foundQuotesInsideOneContentCoverItTogetherAndTheSourceMustOverlap() {
        PolNear.Article article = new PolNear.Article("own", TEXT, PolNear.attributions(TEXT, ANNOTATION));
        AttributionScore score = new AttributionScore();
        // The two fragments of the mayor's quotation, with the mayor; the belief (not scored); nothing for the council.
        score.add(article, List.of(new AttributionScore.Found(1, 17, 19, 28), new AttributionScore.Found(36, 44, 19, 28),
                new AttributionScore.Found(63, 85, 47, 54)));
        AttributionScore.Counts all = score.all();
        assertEquals(2, all.gold);
        assertEquals(1, all.goldMatched80);
        assertEquals(2, all.found, "the quote matched to a belief counts neither way");
        assertEquals(2, all.foundMatched30);
        assertEquals(1, all.sourceRight);
    }
}

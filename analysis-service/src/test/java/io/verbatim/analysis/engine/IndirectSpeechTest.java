package io.verbatim.analysis.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Reported speech without quote marks, on sentences written for the test. */
class IndirectSpeechTest {

    private static Quote only(String text) {
        Analysis a = Engine.get().analyze(text);
        assertEquals(1, a.quotes().size(), () -> "quotes: " + a.quotes());
        return a.quotes().get(0);
    }

    @Test
    void verbThenQueGivesTheReportedClause() {
        Analysis a = Engine.get().analyze("Pierre Lemoine, maire de Nantes, a estimé mardi que la fermeture de l'usine était évitable.");
        Quote q = a.quotes().get(0);
        assertEquals("la fermeture de l'usine était évitable", q.text());
        assertEquals(QuoteType.INDIRECT, q.type());
        assertEquals("estimer", q.cue());
        assertEquals("Pierre Lemoine", a.speakerName(q));
    }

    @Test
    void selonOpeningTheSentence() {
        Quote q = only("Selon la préfecture, une centaine de manifestants se sont rassemblés devant la mairie.");
        assertEquals("une centaine de manifestants se sont rassemblés devant la mairie", q.text());
        assertEquals("selon", q.cue());
        assertNull(q.speakerMention() == null ? null : (q.hasSpeaker() ? "named" : null));
    }

    @Test
    void reportingClauseAfterTheContent() {
        Analysis a = Engine.get().analyze("Le trafic reprendra normalement dès lundi matin, a indiqué Sandrine Aubry.");
        Quote q = a.quotes().get(0);
        assertEquals("Le trafic reprendra normalement dès lundi matin", q.text());
        assertEquals("indiquer", q.cue());
        assertEquals("Sandrine Aubry", a.speakerName(q));
    }

    @Test
    void aClauseHoldingAQuotedFragmentIsOnlyTheMixedQuote() {
        Analysis a = Engine.get().analyze("Louis Garnier a affirmé que le projet était « une erreur historique ».");
        assertEquals(1, a.quotes().size(), () -> "quotes: " + a.quotes());
        assertEquals(QuoteType.MIXED, a.quotes().get(0).type());
        assertEquals("une erreur historique", a.quotes().get(0).text());
    }

    @Test
    void conjunctionsEndingInQueAreNotReportedSpeech() {
        Analysis a = Engine.get().analyze("La ville a annoncé la rénovation du stade ainsi que celle de la piscine.");
        assertEquals(0, a.quotes().size(), () -> "quotes: " + a.quotes());
    }
}

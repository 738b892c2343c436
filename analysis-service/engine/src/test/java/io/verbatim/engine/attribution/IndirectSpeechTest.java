package io.verbatim.engine.attribution;

import io.verbatim.engine.Engine;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.Quote;
import io.verbatim.engine.model.QuoteType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void dApresOpeningOrClosingTheSentenceAsSelonDoes() {
        Quote opening = only("D'après Jean Dupont, les manifestants auraient été trois mille.");
        assertEquals("les manifestants auraient été trois mille", opening.text());
        assertEquals("d'après", opening.cue());
        assertEquals("Jean Dupont", opening.speakerMention().text());
        Quote closing = only("Les manifestants auraient été 3000, d'après la police.");
        assertEquals("Les manifestants auraient été 3000", closing.text());
        assertEquals("la police", closing.speakerMention().text().strip());
    }

    @Test
    void whatASourceSaysIsNotAnAppositionDescribingIt() {
        Analysis a = Engine.get().analyze("Selon Jean Dupont, les manifestants auraient été trois mille.");
        assertNull(a.entities().get(a.quotes().get(0).speaker()).descriptor());
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

    @Test
    void aRequestReportsItsInfinitive() {
        Analysis a = Engine.get().analyze("La ministre Claire Dubois a demandé aux préfets de fermer les écoles dès lundi.");
        assertEquals(1, a.quotes().size(), () -> "quotes: " + a.quotes());
        Quote q = a.quotes().get(0);
        assertEquals("fermer les écoles dès lundi", q.text());
        assertEquals("demander", q.cue());
        assertEquals("Claire Dubois", a.speakerName(q));
    }

    @Test
    void fearsAndDisclosuresReportTheirClause() {
        Analysis a = Engine.get().analyze("Le maire Paul Mercier craint que la fermeture de l'usine ne ruine le village.");
        assertEquals("craindre", a.quotes().get(0).cue());
        assertEquals("Paul Mercier", a.speakerName(a.quotes().get(0)));
        Quote q = only("L'association Terre Vivante publie un rapport dans lequel elle dévoile que les rivières de la "
                + "région sont polluées.");
        assertEquals("les rivières de la région sont polluées", q.text());
        assertEquals("dévoiler", q.cue());
    }

    @Test
    void aPronounBeforeAnyPersonIsNamedIsTheOrganisation() {
        Analysis a = Engine.get().analyze("L'association Terre Vivante publie un rapport dans lequel elle dévoile que les "
                + "rivières de la région sont polluées.");
        assertEquals("Terre Vivante", a.speakerName(a.quotes().get(0)));
    }

    @Test
    void aCausativeReportingVerbReportsItsClause() {
        Analysis a = Engine.get().analyze("Le ministère de l'Intérieur a fait savoir que des renforts venus de l'Hérault "
                + "seraient engagés dans la journée.");
        assertEquals(1, a.quotes().size(), () -> "quotes: " + a.quotes());
        Quote q = a.quotes().get(0);
        assertEquals("faire savoir", q.cue());
        assertEquals("ministère de l'Intérieur", a.speakerName(q));
        assertTrue(q.text().startsWith("des renforts"), q.text());
    }

    @Test
    void aQueHungByTheParserOnTheClauseStillOpensWhatTheVerbReports() {
        Analysis a = Engine.get().analyze("Elle a aussi affirmé qu'un tiers des habitants de la circonscription vit à "
                + "plus de trente minutes d'un service d'urgences.");
        assertEquals(1, a.quotes().size(), () -> "quotes: " + a.quotes());
        assertTrue(a.quotes().get(0).text().startsWith("un tiers des habitants"), a.quotes().get(0).text());
    }

    @Test
    void anImpersonalReportTakesItsSourceFromTheObliqueAndLearningIsNoReport() {
        Analysis a = Engine.get().analyze("Un incendie a parcouru 1 200 hectares de garrigue depuis mardi, a-t-on appris "
                + "mercredi auprès des pompiers de l'Aude.\n\nIl a appris que son fils était malade.");
        assertEquals(1, a.quotes().size(), () -> "quotes: " + a.quotes());
        Quote q = a.quotes().get(0);
        assertEquals("apprendre", q.cue());
        assertEquals(QuoteType.INDIRECT, q.type());
        assertEquals("pompiers de l'Aude", q.speakerMention().text());
    }
}

package io.verbatim.engine.attribution;

import io.verbatim.engine.Engine;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.Entity;
import io.verbatim.engine.model.EntityType;
import io.verbatim.engine.model.Quote;
import io.verbatim.engine.model.QuoteType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attribution read from the dependency tree, on sentences written for the test: the subject of the reporting
 * verb wins over the last name before the quote, and what a verb reports is decided by its complement.
 */
class SyntacticAttributionTest {

    private static Quote quoteStarting(Analysis a, String start) {
        return a.quotes().stream().filter(q -> q.text().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no quote starting with '" + start + "' in " + a.quotes()));
    }

    @Test
    void theSubjectOfTheVerbSpeaksNotTheLastNameBeforeTheQuote() {
        Analysis a = Engine.get().analyze("Répondant à une question sur Marc Dubreuil, la sénatrice Hélène Vasseur "
                + "a déclaré : « Le débat sur les retraites doit reprendre dès la rentrée. »");
        Quote q = quoteStarting(a, "Le débat");
        assertEquals("Hélène Vasseur", a.speakerName(q));
        assertEquals("déclarer", q.cue());
    }

    @Test
    void aRelativeSubjectStandsForThePhraseItFollows() {
        Analysis a = Engine.get().analyze("La fédération Cycloville, qui regroupe quarante clubs, a dénoncé « une décision "
                + "prise sans la moindre concertation avec les usagers ».");
        Quote q = quoteStarting(a, "une décision");
        assertEquals("Cycloville", a.speakerName(q));
        assertEquals("dénoncer", q.cue());
        assertEquals(QuoteType.MIXED, q.type());
    }

    @Test
    void theAgentOfAPassiveSpeaks() {
        Analysis a = Engine.get().analyze("Le projet a été qualifié de « ruineux » par le député Armand Leclerc.");
        Quote q = quoteStarting(a, "ruineux");
        assertEquals("Armand Leclerc", a.speakerName(q));
        assertEquals("qualifier", q.cue());
    }

    @Test
    void aShortFragmentThatAVerbQualifiesIsAQuote() {
        Analysis a = Engine.get().analyze("Lors du meeting, Claire Fontaine a jugé la réforme « injuste et brutale ».");
        Quote q = quoteStarting(a, "injuste");
        assertEquals("Claire Fontaine", a.speakerName(q));
        assertEquals("juger", q.cue());
    }

    @Test
    void aTitleAfterANamingWordIsNotAQuote() {
        Analysis a = Engine.get().analyze("Le festival présentera le film « Les Derniers Jours de l'été » en ouverture, "
                + "a annoncé la directrice Nadia Berger.");
        assertTrue(a.quotes().stream().noneMatch(q -> q.text().startsWith("Les Derniers Jours")), () -> "" + a.quotes());
    }

    @Test
    void aNamingWordInThePreviousSentenceNamesNothing() {
        Analysis a = Engine.get().analyze("Troisième épisode de la série.\n\n« Nous tiendrons nos engagements », "
                + "a déclaré la ministre Claire Morel.");
        Quote q = quoteStarting(a, "Nous tiendrons");
        assertEquals("Claire Morel", a.speakerName(q));
    }

    @Test
    void aVerbWithAnInfinitiveReportsWhatItAffirms() {
        Analysis a = Engine.get().analyze("Le témoin Paul Ravel affirme avoir vu deux hommes quitter la banque avant l'alarme.");
        Quote q = quoteStarting(a, "avoir vu");
        assertEquals(QuoteType.INDIRECT, q.type());
        assertEquals("affirmer", q.cue());
        assertEquals("Paul Ravel", a.speakerName(q));
    }

    @Test
    void aVerbOfWantingDoesNotReportSpeech() {
        Analysis a = Engine.get().analyze("Le maire Paul Ravel veut construire une piscine avant la fin de son mandat.");
        assertTrue(a.quotes().isEmpty(), () -> "" + a.quotes());
    }

    @Test
    void anOpeningPourNamesTheSourceOfTheClause() {
        Analysis a = Engine.get().analyze("Pour l'économiste Sylvie Marchal, la hausse des taux freinera l'investissement "
                + "des ménages.");
        Quote q = quoteStarting(a, "la hausse");
        assertEquals("pour", q.cue());
        assertEquals("Sylvie Marchal", a.speakerName(q));
    }

    @Test
    void anOpeningPourOfTimeIsNotASource() {
        Analysis a = Engine.get().analyze("Pour la première fois, la ville accueillera le championnat de natation.");
        assertTrue(a.quotes().isEmpty(), () -> "" + a.quotes());
    }

    @Test
    void anAcronymJoinsTheNameWhoseInitialsItSpells() {
        Analysis a = Engine.get().analyze("L'Observatoire national des prix agricoles publie son bilan. "
                + "Selon l'ONPA, le prix du lait a baissé de 4 % en un an.");
        Quote q = quoteStarting(a, "le prix du lait");
        assertEquals("Observatoire national des prix agricoles", a.speakerName(q));
    }

    @Test
    void initialsJoinTheFullFirstName() {
        Analysis a = Engine.get().analyze("Jean-Marc Delorme a été réélu président du club. J-M Delorme a promis "
                + "de recruter trois joueurs cet été.");
        List<Entity> people = a.entities().stream().filter(e -> e.type() == EntityType.PER).toList();
        assertEquals(1, people.size(), () -> "" + people);
        assertEquals("Jean-Marc Delorme", people.get(0).name());
        Quote q = quoteStarting(a, "recruter");
        assertEquals("promettre", q.cue());
        assertEquals("Jean-Marc Delorme", a.speakerName(q));
    }

    @Test
    void wordsQuotedWithoutAVerbAreSpokenByTheSubject() {
        Analysis a = Engine.get().analyze("La navigatrice Lise Carmin a regagné le port après avoir entendu deux "
                + "« craquements inquiétants » dans la coque.");
        Quote q = quoteStarting(a, "craquements");
        assertEquals("Lise Carmin", a.speakerName(q));
        assertNull(q.cue());
    }

    @Test
    void aSingleQuotedWordIsAScareQuote() {
        Analysis a = Engine.get().analyze("Les « vraies » couleurs du tableau ont été retrouvées par les restaurateurs.");
        assertFalse(a.quotes().stream().anyMatch(q -> q.text().equals("vraies")), () -> "" + a.quotes());
    }

    @Test
    void elleAfterAMansWordsGoesToTheLastWomanNamed() {
        Analysis a = Engine.get().analyze("« Le budget sera tenu », a déclaré Paul Girard. Mme Claire Fontaine, élue "
                + "de l'opposition, lui a répondu dans la soirée.\n\n« Personne ne le croit », a-t-elle ajouté.");
        Quote q = quoteStarting(a, "Personne");
        assertEquals("Claire Fontaine", a.speakerName(q));
        assertEquals("Paul Girard", a.speakerName(quoteStarting(a, "Le budget")));
    }

    @Test
    void aStressedPronounAfterSelonIsTheLastPersonNamed() {
        Analysis a = Engine.get().analyze("Le ministre de l'Agriculture Bruno Levasseur veut réduire les pesticides. "
                + "Selon lui, « les agriculteurs ont besoin de temps pour s'adapter ».");
        Quote q = quoteStarting(a, "les agriculteurs");
        assertEquals("Bruno Levasseur", a.speakerName(q));
        assertEquals("selon", q.cue());
        assertEquals("lui", q.speakerMention().text());
    }

    @Test
    void aNameAloneBeforeTheColonSpeaksTheQuote() {
        Analysis a = Engine.get().analyze("Élection municipale\n\nMartine Aubry : « Je ne serai pas candidate à "
                + "un nouveau mandat ».");
        Quote q = quoteStarting(a, "Je ne serai");
        assertEquals("Martine Aubry", a.speakerName(q));
        assertEquals(QuoteType.DIRECT, q.type());
    }

    @Test
    void anOpeningParticipleSharesTheSubjectOfTheClauseAfterIt() {
        Analysis a = Engine.get().analyze("Le conseil municipal a examiné mardi le budget présenté par le maire Paul Mercier. "
                + "Estimant que « ce budget sacrifie les écoles du quartier nord », il a voté contre le texte.");
        Quote q = quoteStarting(a, "ce budget");
        assertEquals("Paul Mercier", a.speakerName(q));
        assertEquals("estimer", q.cue());
    }

    @Test
    void aVerbCoordinatedWithAPassiveSharesItsSubject() {
        Analysis a = Engine.get().analyze("Le sénateur Paul Mercier fut exclu de son groupe la semaine dernière et "
                + "déclara alors : « Je ne regrette rien de ce que j'ai dit devant mes électeurs. »");
        Quote q = quoteStarting(a, "Je ne regrette");
        assertEquals("Paul Mercier", a.speakerName(q));
        assertEquals("déclarer", q.cue());
    }

    @Test
    void peopleOfANamedOrganisationSpeakForIt() {
        Analysis a = Engine.get().analyze("Les analystes de la banque Crédit Lyonnais estiment que « la croissance "
                + "restera faible pendant encore deux ans dans toute la zone euro ».");
        Quote q = quoteStarting(a, "la croissance");
        assertEquals("Crédit Lyonnais", a.speakerName(q));
    }

    @Test
    void aSpokespersonOfAnOrganisationNeverNamedDesignatesNobody() {
        Analysis a = Engine.get().analyze("La banque Crédit Lyonnais a publié ses résultats. Selon le porte-parole du "
                + "gouvernement, « les comptes publics seront à l'équilibre dès l'an prochain ».");
        Quote q = quoteStarting(a, "les comptes");
        assertNull(a.speakerName(q));
    }

    @Test
    void aDocumentSpeaksForWhoeverIssuedIt() {
        Analysis a = Engine.get().analyze("Selon une étude réalisée par l'Observatoire des loyers sur « Le logement des "
                + "étudiants », les loyers ont augmenté de huit pour cent en un an dans les grandes villes.");
        Quote q = quoteStarting(a, "les loyers");
        assertEquals("Observatoire des loyers", a.speakerName(q));
        assertEquals("selon", q.cue());
    }

    @Test
    void aNameTheTaggerCouldNotTypeSpeaksAsTheWholeSubject() {
        Analysis a = Engine.get().analyze("Le site a été fermé pendant une journée.\n\nWikipédia explique dans un "
                + "communiqué que « cette loi menace la liberté d'expression en ligne ».");
        Quote q = quoteStarting(a, "cette loi");
        assertEquals("Wikipédia", a.speakerName(q));
        assertEquals("expliquer", q.cue());
    }

    @Test
    void pourOpeningTheSentenceTakesTheWholePhraseBeforeItsComma() {
        Analysis a = Engine.get().analyze("La fédération Cycloville a publié son bilan annuel. Pour l'association fondée "
                + "par des cyclistes lyonnais, le manque de pistes montre que la ville reste « hostile aux vélos et à "
                + "ceux qui les utilisent chaque jour ».");
        Quote q = quoteStarting(a, "hostile");
        assertEquals("Cycloville", a.speakerName(q));
        assertEquals("pour", q.cue());
    }
}

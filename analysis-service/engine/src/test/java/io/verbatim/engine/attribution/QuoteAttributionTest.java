package io.verbatim.engine.attribution;

import io.verbatim.engine.Engine;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.Quote;
import io.verbatim.engine.model.QuoteType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Reporting patterns, each on sentences written for the test. */
class QuoteAttributionTest {

    private static Quote onlyQuote(Analysis analysis) {
        assertEquals(1, analysis.quotes().size(), () -> "quotes: " + analysis.quotes());
        return analysis.quotes().get(0);
    }

    @Test
    void speakerNamedAfterTheQuoteWithATitle() {
        Analysis a = Engine.get().analyze(
                "La maire de Lille Martine Vasseur a visité le chantier.\n\n« Nous ouvrirons la ligne avant l'hiver », a assuré Mme Vasseur.");
        Quote q = onlyQuote(a);
        assertEquals("Nous ouvrirons la ligne avant l'hiver", q.text());
        assertEquals("Martine Vasseur", a.speakerName(q));
        assertEquals("assurer", q.cue());
        assertEquals(QuoteType.DIRECT, q.type());
    }

    @Test
    void roleNounFindsThePersonIntroducedWithThatRole() {
        Analysis a = Engine.get().analyze("La présidente de la région Bretagne, Sophie Le Gall, et le préfet Yann Cadiou "
                + "ont signé l'accord.\n\n« C'est une étape décisive pour nos ports », a estimé la présidente de la région.");
        Quote q = onlyQuote(a);
        assertEquals("Sophie Le Gall", a.speakerName(q));
        assertEquals("présidente de la région Bretagne", q.speakerDescriptor());
        assertEquals("estimer", q.cue());
    }

    @Test
    void personNamedAfterAnOrganisationInTheSubjectIsTheSpeaker() {
        // The name ends in "a", like the auxiliary "a": it must not be cut.
        Analysis a = Engine.get().analyze("La directrice de l'Agence régionale de santé, Mme Lucia Moretta, a déclaré : "
                + "« La situation reste sous contrôle dans tous les hôpitaux. »");
        Quote q = onlyQuote(a);
        assertEquals("Lucia Moretta", a.speakerName(q));
        assertEquals("déclarer", q.cue());
    }

    @Test
    void inciseInsideTheMarksCutsTheQuoteInTwo() {
        Analysis a = Engine.get().analyze("« Nous, dit-il, nous ne lâcherons rien sur les salaires », a lancé Karim Haddad.");
        assertEquals(2, a.quotes().size(), () -> "quotes: " + a.quotes());
        assertEquals("Nous", a.quotes().get(0).text());
        assertEquals("nous ne lâcherons rien sur les salaires", a.quotes().get(1).text());
        assertEquals("dire", a.quotes().get(1).cue());
    }

    @Test
    void invertedPronounTakesTheLastSpeaker() {
        Analysis a = Engine.get().analyze(
                "« La grève est suspendue », a annoncé Paul Girard.\n\n« Nous reprendrons le dialogue lundi », a-t-il précisé.");
        assertEquals(2, a.quotes().size());
        assertEquals("Paul Girard", a.speakerName(a.quotes().get(1)));
        assertEquals("préciser", a.quotes().get(1).cue());
    }

    @Test
    void speakerBeforeAColon() {
        Analysis a = Engine.get().analyze("Le syndicaliste Marc Lefèvre a prévenu : « Sans accord, l'usine fermera ses portes. »");
        Quote q = onlyQuote(a);
        assertEquals("Marc Lefèvre", a.speakerName(q));
        assertEquals("prévenir", q.cue());
        assertEquals(QuoteType.DIRECT, q.type());
    }

    @Test
    void fragmentInsideTheReportersSentenceIsMixed() {
        Analysis a = Engine.get().analyze("Claire Dumas a dénoncé « une décision brutale et injuste » devant les élus.");
        Quote q = onlyQuote(a);
        assertEquals("une décision brutale et injuste", q.text());
        assertEquals(QuoteType.MIXED, q.type());
        assertEquals("Claire Dumas", a.speakerName(q));
        assertEquals("dénoncer", q.cue());
    }

    @Test
    void selonGivesTheSpeaker() {
        Analysis a = Engine.get().analyze("« Les réserves d'eau sont au plus bas depuis vingt ans », selon Hélène Roux.");
        Quote q = onlyQuote(a);
        assertEquals("Hélène Roux", a.speakerName(q));
        assertEquals("selon", q.cue());
    }

    @Test
    void unnamedSourceHasNoSpeakerButADescriptor() {
        Analysis a = Engine.get().analyze("« Le suspect a été interpellé sans violence », a indiqué un porte-parole de la police.");
        Quote q = onlyQuote(a);
        assertNull(a.speakerName(q));
        assertEquals("un porte-parole de la police", q.speakerDescriptor());
    }

    @Test
    void shortQuotedTitlesAreNotQuotes() {
        Analysis a = Engine.get().analyze("Le festival a projeté « Les Vagues » et le documentaire « Terre brûlée » samedi.");
        assertEquals(0, a.quotes().size());
    }

    @Test
    void nestedQuoteStaysInsideItsOuterQuote() {
        Analysis a = Engine.get().analyze("« Ils m'ont dit +ce n'est pas notre affaire+, puis « attendez » », a raconté Julie Martin.");
        Quote q = onlyQuote(a);
        assertEquals("Ils m'ont dit +ce n'est pas notre affaire+, puis « attendez »", q.text());
        assertEquals("Julie Martin", a.speakerName(q));
    }

    @Test
    void theVoiceOfAnOrganisationIsTheOrganisationNamedLast() {
        Analysis a = Engine.get().analyze("Le constructeur Valmorel Industries va fermer son usine de Tulle. "
                + "Environ 300 emplois seront supprimés d'ici à 2027, a indiqué la direction.");
        Quote q = onlyQuote(a);
        assertEquals(QuoteType.INDIRECT, q.type());
        assertEquals("Valmorel Industries", a.speakerName(q));
        assertEquals("indiquer", q.cue());
    }

    @Test
    void aQuoteAfterAnAttributedOneContinuesItsSpeaker() {
        Analysis a = Engine.get().analyze("« Les comptes sont sains », a ensuite assuré le directeur Vincent Morel. "
                + "« Aucun client ne perdra un centime de ses dépôts. »");
        assertEquals(2, a.quotes().size(), () -> "quotes: " + a.quotes());
        assertEquals(a.speakerName(a.quotes().get(0)), a.speakerName(a.quotes().get(1)));
        assertEquals("Vincent Morel", a.speakerName(a.quotes().get(1)));
    }

    @Test
    void aParticipleAfterTheQuoteDoesNotReplaceTheSubjectBefore() {
        Analysis a = Engine.get().analyze("Le collectif Vigie Citoyenne estime que « les mesures annoncées arrivent bien "
                + "trop tard pour les riverains » évoquant des nuisances qui durent depuis des années.");
        Quote q = a.quotes().get(0);
        assertEquals("Vigie Citoyenne", a.speakerName(q));
        assertEquals("estimer", q.cue());
    }

    @Test
    void aShortNameOfAnOrganisationJoinsItsFullName() {
        Analysis a = Engine.get().analyze("Le groupe Martel-Dufresne (MD) réorganise ses ateliers. Le syndicat "
                + "Solidaires-Métaux s'y oppose.\n\nLe syndicat Solidaires a dénoncé « un plan de casse sociale ». "
                + "Les départs seront volontaires, a assuré MD.");
        assertEquals(2, a.quotes().size(), () -> "quotes: " + a.quotes());
        assertEquals("Solidaires-Métaux", a.speakerName(a.quotes().get(0)));
        assertEquals("Martel-Dufresne", a.speakerName(a.quotes().get(1)));
    }

    @Test
    void aPronounWithNoSpeakerYetTakesThePersonTheStoryIsAbout() {
        Analysis a = Engine.get().analyze("L'alpiniste Lucien Barthès a renoncé à l'ascension.\n\n"
                + "Lucien Barthès, parti avec son guide Pierre Vautrin, a fait demi-tour à 8 000 mètres. "
                + "Il a expliqué : « La montagne sera encore là l'an prochain. »");
        Quote q = onlyQuote(a);
        assertEquals("Lucien Barthès", a.speakerName(q));
    }

    @Test
    void coordinatedFragmentsShareTheSpeakerAndCue() {
        Analysis a = Engine.get().analyze("Nadia Ferhat, directrice de l'usine, a promis « de rouvrir la ligne "
                + "deux » et de « garder chaque emploi ».");
        assertEquals(2, a.quotes().size(), () -> "quotes: " + a.quotes());
        assertEquals("Nadia Ferhat", a.speakerName(a.quotes().get(1)));
        assertEquals("promettre", a.quotes().get(1).cue());
        assertEquals(QuoteType.MIXED, a.quotes().get(1).type());
    }

    @Test
    void aParticipleBetweenTwoQuotesKeepsTheSpeakerWithItsOwnCue() {
        Analysis a = Engine.get().analyze("Le maire Olivier Brun juge que « le projet ne tient pas compte des "
                + "habitants du quartier » dénonçant des « promesses jamais tenues ».");
        assertEquals(2, a.quotes().size(), () -> "quotes: " + a.quotes());
        assertEquals("Olivier Brun", a.speakerName(a.quotes().get(1)));
        assertEquals("dénoncer", a.quotes().get(1).cue());
    }

    @Test
    void aRelativePronounSubjectStandsForTheNearestPhrase() {
        Analysis a = Engine.get().analyze("Le collectif Terres Vives a porté plainte. La préfecture a reçu une "
                + "délégation de l'association, qui dénonce « un mépris total des riverains ».");
        Quote q = onlyQuote(a);
        assertEquals("Terres Vives", a.speakerName(q));
        assertEquals("dénoncer", q.cue());
    }

    @Test
    void aPronounAfterAnOrganisationsQuoteTakesThePersonNamedSince() {
        Analysis a = Engine.get().analyze("Le syndicat Force-Rail dénonce « une provocation ». Sa secrétaire, "
                + "Martine Roux, a pris la parole à Lyon. « Nous ne céderons rien », a-t-elle prévenu.");
        assertEquals(2, a.quotes().size(), () -> "quotes: " + a.quotes());
        assertEquals("Martine Roux", a.speakerName(a.quotes().get(1)));
    }

    @Test
    void aPronounFollowsAPersonMadeTheSubjectSinceTheLastSpeaker() {
        Analysis a = Engine.get().analyze("« Nous tiendrons les délais », a assuré Claire Morin, la présidente du "
                + "syndicat mixte.\n\nLe troisième élu, Bruno Caradec, a renvoyé les deux camps dos à dos. "
                + "Selon lui, « personne ne veut payer la facture ».");
        assertEquals("Bruno Caradec", a.speakerName(a.quotes().get(1)));
    }

    @Test
    void aRoleNounFindsAPersonIntroducedWithAnotherRoleOfItsClass() {
        Analysis a = Engine.get().analyze("Le rapport a été rédigé par Laure Castagné, sociologue à l'université "
                + "de Nantes.\n\n« Les loyers ont encore augmenté cette année », a estimé la chercheuse.");
        Quote q = onlyQuote(a);
        assertEquals("Laure Castagné", a.speakerName(q));
        assertEquals("estimer", q.cue());
    }

    @Test
    void anAppositionMayRunToTheEndOfTheSentence() {
        Analysis a = Engine.get().analyze("« Le prix ne suit pas », résume Laurent Guillot, éleveur à Grézieu.\n\n"
                + "« Nos charges augmentent plus vite », a ajouté l'éleveur.");
        assertEquals("éleveur à Grézieu", a.entities().stream().filter(e -> e.name().equals("Laurent Guillot"))
                .findFirst().orElseThrow().descriptor());
        assertEquals("Laurent Guillot", a.speakerName(a.quotes().get(1)));
    }

    @Test
    void aQuotationStandingAloneIsTheSubjectOfTheSentenceBefore() {
        Analysis a = Engine.get().analyze("Le conseil municipal a voté le budget mardi.\n\nPierre Lemoine a haussé "
                + "les épaules. « Ce budget ne suffira pas à rénover les écoles. »");
        assertEquals("Pierre Lemoine", a.speakerName(onlyQuote(a)));
    }

    @Test
    void aSecondFragmentOfTheSameSentenceKeepsItsSpeaker() {
        Analysis a = Engine.get().analyze("La députée Claire Vidal a dénoncé « un projet mal ficelé et sans aucun "
                + "budget » et manquant « cruellement d'ambition ».");
        assertEquals(2, a.quotes().size(), () -> "quotes: " + a.quotes());
        assertEquals("Claire Vidal", a.speakerName(a.quotes().get(0)));
        assertEquals("Claire Vidal", a.speakerName(a.quotes().get(1)));
    }

    @Test
    void theNameInAppositionToTheWholePhraseSpeaksNotANameInItsComplement() {
        Analysis a = Engine.get().analyze("Le directeur de la fondation Jean Monnet, Pierre Durand, a dénoncé "
                + "« un projet écrit sans les habitants du quartier ».");
        assertEquals("Pierre Durand", a.speakerName(onlyQuote(a)));
    }
}

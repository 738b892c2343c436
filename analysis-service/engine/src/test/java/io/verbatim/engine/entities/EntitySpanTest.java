package io.verbatim.engine.entities;

import io.verbatim.engine.Engine;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.EntityType;
import io.verbatim.engine.model.Mention;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entity spans and types that need the context of the name, each on sentences written for the test. */
class EntitySpanTest {

    private static List<String> mentions(Analysis analysis, EntityType type) {
        return analysis.mentions().stream().filter(m -> m.type() == type).map(Mention::text).toList();
    }

    @Test
    void anArticleWrittenWithACapitalInsideASentenceBelongsToTheName() {
        Analysis a = Engine.get().analyze("La Poste recrute des facteurs en Bretagne. Les syndicats de La Poste "
                + "jugent l'effort insuffisant.");
        assertEquals(List.of("La Poste", "La Poste"), mentions(a, EntityType.ORG));
    }

    @Test
    void anArticleOpeningASentenceIsNotPartOfTheName() {
        Analysis a = Engine.get().analyze("La France a voté le texte. Le Portugal s'est abstenu.");
        assertEquals(List.of("France", "Portugal"), mentions(a, EntityType.LOC));
    }

    @Test
    void aPlaceGluedToAPersonEndsWhereTheFirstNameStarts() {
        Analysis a = Engine.get().analyze("Selon le nouveau directeur de l'usine de Karawang Thomas Lefort, « les lignes "
                + "tournent en trois équipes depuis mars ».");
        assertEquals(List.of("Thomas Lefort"), mentions(a, EntityType.PER));
        assertEquals("Thomas Lefort", a.speakerName(a.quotes().get(0)));
    }

    @Test
    void aNameEndsBeforeTheDayAndEitherApostropheSpellsIt() {
        Analysis a = Engine.get().analyze("La note de la Belgique a été abaissée par Moody’s mardi soir.\n\nMoody's "
                + "explique dans un communiqué que « la dette publique du pays reste bien trop élevée ».");
        assertEquals(List.of("Moody’s", "Moody's"), mentions(a, EntityType.ORG));
        assertEquals("Moody’s", a.speakerName(a.quotes().get(0)));
    }

    @Test
    void clubsAndCompaniesNamedWithTheirAbbreviationAreOrganisations() {
        Analysis a = Engine.get().analyze("Le FC Metz a battu l'AS Nancy-Lorraine samedi soir devant vingt mille "
                + "spectateurs.");
        assertEquals(List.of("FC Metz", "AS Nancy-Lorraine"), mentions(a, EntityType.ORG));
    }

    @Test
    void schoolsClinicsAndPrefecturesNamedAfterTheirKindAreOrganisations() {
        Analysis a = Engine.get().analyze("Les élèves de l'école Jean-Macé ont été reçus à la préfecture du Rhône, puis "
                + "ont visité la clinique du Parc.");
        assertEquals(List.of("école Jean-Macé", "préfecture du Rhône", "clinique du Parc"), mentions(a, EntityType.ORG));
        assertEquals(List.of(), mentions(a, EntityType.PER));
    }

    @Test
    void anAcronymNeverTakesTheArticle() {
        Analysis a = Engine.get().analyze("Le Parti populaire a exclu le député Antoni Pastor. Il a déclaré : « Je ne "
                + "pensais pas que le PP irait si loin. » Le PP a maintenu sa décision.");
        assertEquals(List.of("Parti populaire", "PP", "PP"), mentions(a, EntityType.ORG));
        assertEquals(1, a.entities().stream().filter(e -> e.type() == EntityType.ORG).count(), () -> "" + a.entities());
    }

    @Test
    void theKindOfPlaceIsPartOfItsName() {
        Analysis a = Engine.get().analyze("Des milliers de manifestants se sont rassemblés place Kossuth puis devant "
                + "la mosquée Ali Pacha, à Alger.");
        assertTrue(mentions(a, EntityType.LOC).containsAll(List.of("place Kossuth", "mosquée Ali Pacha", "Alger")),
                () -> "places: " + mentions(a, EntityType.LOC));
    }

    @Test
    void theMembersOfANamedGroupMakeItAnOrganisation() {
        Analysis a = Engine.get().analyze("Les combattants de Jund al-Sahel ont quitté la ville. Jund al-Sahel "
                + "n'a pas revendiqué l'attaque.");
        assertEquals(List.of(), mentions(a, EntityType.PER));
        assertEquals(2, mentions(a, EntityType.ORG).size(), () -> "organisations: " + mentions(a, EntityType.ORG));
    }

    @Test
    void theKindOfCompanyWithItsComplementMakesAnOrganisation() {
        Analysis a = Engine.get().analyze("Le fabricant de pneus Rovelli ferme une usine. Rovelli emploie 900 personnes.");
        assertEquals(List.of("Rovelli", "Rovelli"), mentions(a, EntityType.ORG));
    }

    @Test
    void capitalisedInstitutionsInGeneralAreNotEntities() {
        Analysis a = Engine.get().analyze("Le chantier, financé par la Région, l'État et la Métropole, a coûté "
                + "180 millions d'euros à Lyon.");
        assertEquals(List.of("Lyon"), a.mentions().stream().map(Mention::text).toList());
    }

    @Test
    void anInstitutionNameWrittenWithOneCapitalIsAnOrganisation() {
        Analysis a = Engine.get().analyze("Le rapport de l'Observatoire national des prix agricoles paraît lundi.");
        Mention m = a.mentions().get(0);
        assertEquals("Observatoire national des prix agricoles", m.text());
        assertEquals(EntityType.ORG, m.type());
    }

    @Test
    void aPublicBodyNamedByItsComplementOrItsNameIsOneOrganisationNounIncluded() {
        Analysis a = Engine.get().analyze("Le tribunal correctionnel de Rennes a condamné l'ancien trésorier. La visite "
                + "du musée du Louvre et de l'hôpital Sao Joao était prévue.");
        List<String> organisations = a.mentions().stream().filter(m -> m.type() == EntityType.ORG).map(Mention::text).toList();
        assertEquals(List.of("tribunal correctionnel de Rennes", "musée du Louvre", "hôpital Sao Joao"), organisations);
    }

    @Test
    void theNameAfterAKindOfOrganisationKeepsItsLowerCaseAdjectives() {
        Analysis a = Engine.get().analyze("Pour l'ONG Océans vivants, les stocks de merlu sont toujours surexploités.");
        assertEquals(List.of("Océans vivants"), mentions(a, EntityType.ORG));
    }

    @Test
    void anAcronymStandsForTheNameWhoseInitialsItSpellsEvenWithoutThePlaceAfterIt() {
        Analysis a = Engine.get().analyze("Le Service départemental d'incendie et de secours de la Marne a engagé "
                + "quarante pompiers. Le SDIS a précisé que le feu était fixé.");
        assertEquals("Service départemental d'incendie et de secours de la Marne", a.speakerName(a.quotes().get(0)));
    }
}

package io.verbatim.engine.coreference;

import io.verbatim.engine.ArticleAnalyzer;
import io.verbatim.engine.Engine;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.Entity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chains of mentions, on sentences written for the test. */
class CoreferenceTest {

    /** The name of the entity the reference of this text takes ("il", "le syndicat"), at its n-th occurrence. */
    private static String referent(ArticleAnalyzer.Detail detail, String text, String reference, int occurrence) {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = text.indexOf(reference, at + 1);
        }
        Chains.Link link = detail.chains().referenceAt(at, at + reference.length());
        List<Entity> entities = detail.analysis().entities();
        return link == null ? "no link" : link.entity() < 0 ? "nobody" : entities.get(link.entity()).name();
    }

    @Test
    void aPronounTakesTheSubjectOfTheSentenceBeforeOverAPersonNamedAsAnObject() {
        String text = "Le maire de Lyon, Paul Martin, a reçu Claire Dubois à l'hôtel de ville. Il a ensuite visité le chantier.";
        ArticleAnalyzer.Detail detail = Engine.get().analyzeInDetail(text);
        assertEquals("Paul Martin", referent(detail, text, "Il", 0));
    }

    @Test
    void aPronounAgreesInGenderWithTitlesAndFirstNames() {
        String text = "M. Bernard Morel a rencontré Mme Sophie Lenoir mardi. Elle a présenté le projet.";
        ArticleAnalyzer.Detail detail = Engine.get().analyzeInDetail(text);
        assertEquals("Sophie Lenoir", referent(detail, text, "Elle", 0));
    }

    @Test
    void aPluralPronounNeverTakesAPerson() {
        String text = "Le syndicat Force Ouvrière a reçu Jean Petit. Ils ont appelé à la grève.";
        ArticleAnalyzer.Detail detail = Engine.get().analyzeInDetail(text);
        assertEquals("Force Ouvrière", referent(detail, text, "Ils", 0));
    }

    @Test
    void aDescriptionTakesThePersonIntroducedWithThatRole() {
        String text = "La chercheuse Anne Roux, du CNRS, a publié l'étude avec Marc Blanc. "
                + "Le texte a été relu. La chercheuse a ensuite répondu aux questions.";
        ArticleAnalyzer.Detail detail = Engine.get().analyzeInDetail(text);
        assertEquals("Anne Roux", referent(detail, text, "La chercheuse", 1));
    }

    @Test
    void anOrganisationIsDesignatedByItsKindAndByItsManagement() {
        String text = "Le syndicat SUD a déposé un préavis contre le groupe Danone. Le syndicat réclame des embauches. "
                + "La direction de Danone n'a pas répondu.";
        ArticleAnalyzer.Detail detail = Engine.get().analyzeInDetail(text);
        assertEquals("SUD", referent(detail, text, "Le syndicat", 1));
    }

    @Test
    void aKindRightBeforeANameIsThatNameNotTheOrganisationBefore() {
        String text = "Le club de l'US Meyzieu a perdu dimanche. L'association Les Amis du Moulin organise une brocante. "
                + "« Nous attendons mille visiteurs », a indiqué l'association.";
        ArticleAnalyzer.Detail detail = Engine.get().analyzeInDetail(text);
        assertEquals("Les Amis du Moulin", referent(detail, text, "L'association", 0));
        assertEquals("Les Amis du Moulin", detail.analysis().speakerName(detail.analysis().quotes().get(0)));
    }

    @Test
    void aDefiniteRoleNobodyHoldsRefersBackUnlessAComplementIntroducesSomeoneNew() {
        String text = "L'ancien maire de Tours, Jean Germain, a été nommé lundi. Le nouveau ministre a assuré qu'il "
                + "travaillerait avec tous les élus. Le ministre de l'Intérieur a précisé que la passation aurait lieu mardi.";
        Analysis a = Engine.get().analyze(text);
        assertEquals("Jean Germain", a.speakerName(a.quotes().get(0)));
        assertEquals(null, a.speakerName(a.quotes().get(1)));
    }

    @Test
    void aRoleInAppositionToANameIsThatName() {
        String text = "Me Sophie Gaudin a plaidé pour la partie civile. La procureure, Anne Roux, a requis deux ans de prison. "
                + "Elle a estimé que le prévenu avait « trahi la confiance des familles ».";
        ArticleAnalyzer.Detail detail = Engine.get().analyzeInDetail(text);
        assertEquals("Anne Roux", referent(detail, text, "La procureure", 0));
        assertEquals("Anne Roux", detail.analysis().speakerName(detail.analysis().quotes().get(0)));
    }

    @Test
    void aDemonstrativeTakesTheLastPersonNamedNotTheSubject() {
        String text = "Paul Martin a rencontré Jacques Roux, le patron du club. Ce dernier a affirmé que le stade serait "
                + "rénové. Ce dernier point n'a pas été discuté.";
        ArticleAnalyzer.Detail detail = Engine.get().analyzeInDetail(text);
        assertEquals("Jacques Roux", referent(detail, text, "Ce dernier", 0));
        assertEquals("Jacques Roux", detail.analysis().speakerName(detail.analysis().quotes().get(0)));
        assertEquals("no link", referent(detail, text, "Ce dernier", 1));
    }

    @Test
    void anImpersonalPronounIsNoMention() {
        String text = "Paul Martin a parlé longuement. Il faut dire que le dossier est lourd.";
        ArticleAnalyzer.Detail detail = Engine.get().analyzeInDetail(text);
        assertEquals("no link", referent(detail, text, "Il", 0));
    }
}

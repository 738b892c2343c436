package io.verbatim.engine.lang.fr;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our multi-word token step must give CoreNLP's tokens, word for word, while tagging fewer sentences. */
class FrenchMultiWordTokensTest {

    /** Sentences of our own: "des" as an article and as "de les", capitalised, contractions, and none at all. */
    private static final String TEXT = """
            Des manifestants ont défilé devant la mairie au lever du jour.
            Le maire a annoncé la fin des travaux aux riverains et des retards du chantier près des berges.
            DES RIVERAINS EN COLÈRE
            La présidente de l'association a reçu des lettres de soutien.
            Il pleuvait sur la ville.
            """;

    @Test
    void givesTheTokensOfCoreNlpsOwnStep() {
        Annotation document = new Annotation(TEXT);
        new StanfordCoreNLP(CoreNlpFrench.properties("tokenize,ssplit")).annotate(document);
        new FrenchMultiWordTokens(CoreNlpFrench.properties("")).annotate(document);
        List<CoreLabel> ours = document.get(CoreAnnotations.TokensAnnotation.class);
        List<CoreLabel> coreNlp = tokens("tokenize,ssplit,mwt");

        assertEquals(coreNlp.size(), ours.size(), "words");
        for (int i = 0; i < coreNlp.size(); i++) {
            CoreLabel expected = coreNlp.get(i);
            CoreLabel actual = ours.get(i);
            String where = "word " + i + " (" + expected.word() + ")";
            assertEquals(expected.word(), actual.word(), where);
            assertEquals(expected.beginPosition(), actual.beginPosition(), where);
            assertEquals(expected.endPosition(), actual.endPosition(), where);
            assertEquals(expected.index(), actual.index(), where);
            assertEquals(expected.sentIndex(), actual.sentIndex(), where);
            assertEquals(expected.isMWT(), actual.isMWT(), where);
            assertEquals(expected.isMWTFirst(), actual.isMWTFirst(), where);
            assertEquals(expected.get(CoreAnnotations.MWTTokenTextAnnotation.class),
                    actual.get(CoreAnnotations.MWTTokenTextAnnotation.class), where);
            assertEquals(expected.get(CoreAnnotations.TokenBeginAnnotation.class),
                    actual.get(CoreAnnotations.TokenBeginAnnotation.class), where);
            assertEquals(expected.tag(), actual.tag(), where);
        }
        // The text exercises the tagger's decision both ways: "la fin des travaux" splits, "reçu des lettres" not.
        assertTrue(ours.stream().anyMatch(w -> "des".equals(w.get(CoreAnnotations.MWTTokenTextAnnotation.class))),
                "a 'des' split into 'de les'");
        assertTrue(ours.stream().anyMatch(w -> w.word().equals("des") && !w.isMWT()), "a 'des' left as an article");
    }

    private static List<CoreLabel> tokens(String annotators) {
        Annotation document = new Annotation(TEXT);
        new StanfordCoreNLP(CoreNlpFrench.properties(annotators)).annotate(document);
        return document.get(CoreAnnotations.TokensAnnotation.class);
    }
}

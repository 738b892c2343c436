package io.verbatim.engine.lang.fr;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.trees.TypedDependency;
import edu.stanford.nlp.util.CoreMap;
import io.verbatim.engine.syntax.NeuralDependencyParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our scoring of CoreNLP's French dependency model must give CoreNLP's own trees: single precision may break a
 * rare near tie differently, nothing more.
 */
class NeuralDependencyParserTest {

    /** Sentences of our own, in the shapes the attribution rules read: incises, inversions, relatives, passives. */
    private static final String TEXT = """
            « Nous ne céderons pas », a déclaré mardi la ministre de la Santé, Claire Dubois, devant les députés.
            Le syndicat, qui réclame une hausse des salaires, a indiqué que la grève serait reconduite jeudi.
            Selon le rapport publié par l'Observatoire régional de l'emploi, le chômage a reculé de deux points.
            Interrogé par la presse locale, le maire a affirmé avoir reçu des menaces depuis le début du mois.
            « C'est une décision injuste », estime-t-elle, avant d'ajouter qu'elle fera appel.
            Pour l'avocat de la famille, « l'enquête a été bâclée » et les témoins n'ont jamais été entendus.
            La direction de l'usine a promis de maintenir tous les emplois jusqu'à la fin de l'année prochaine.
            Les enquêteurs, selon une source proche du dossier, privilégient la piste d'un incendie criminel.
            Il a qualifié la réforme de « trahison » lors d'un meeting organisé samedi soir à Lille.
            Le président du club a reconnu que l'équipe avait manqué de rigueur pendant toute la saison.
            D'après les chiffres de la préfecture, plus de trois mille personnes ont défilé dans le centre-ville.
            « Nous avons tout essayé », a-t-il expliqué, visiblement ému, à la sortie de l'audience.
            La porte-parole du gouvernement a démenti toute hausse d'impôts pour les ménages modestes.
            Convaincu par ses conseillers de retirer le texte, le Premier ministre a finalement renoncé.
            """;

    @Test
    void givesTheTreesOfCoreNlpsOwnParser() {
        Properties withTags = CoreNlpFrench.properties("tokenize,ssplit,mwt,pos");
        withTags.setProperty("pos.model", CoreNlpFrench.POS_MODEL);
        StanfordCoreNLP tagger = new StanfordCoreNLP(withTags);
        Properties noPrecomputation = new Properties();
        noPrecomputation.setProperty("numPreComputed", "0");
        DependencyParser reference = DependencyParser.loadFromModelFile(CoreNlpFrench.PARSER_MODEL, noPrecomputation);
        NeuralDependencyParser ours = new NeuralDependencyParser(CoreNlpFrench.PARSER_MODEL);

        Annotation document = new Annotation(TEXT);
        tagger.annotate(document);
        int words = 0;
        int same = 0;
        // All sentences at once: they are parsed in lockstep, and each must get the tree it gets alone.
        List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        List<NeuralDependencyParser.Tree> trees = ours.parse(sentences);
        for (int s = 0; s < sentences.size(); s++) {
            CoreMap sentence = sentences.get(s);
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            NeuralDependencyParser.Tree tree = trees.get(s);
            assertEquals(tokens.size(), tree.heads().length, "one head per word");
            int[] heads = new int[tokens.size()];
            String[] relations = new String[tokens.size()];
            for (TypedDependency dependency : reference.predict(sentence).typedDependencies()) {
                int word = dependency.dep().index() - 1;
                heads[word] = dependency.gov().index() - 1;
                relations[word] = dependency.gov().index() == 0 ? "root" : dependency.reln().toString();
            }
            for (int i = 0; i < tokens.size(); i++) {
                words++;
                if (heads[i] == tree.heads()[i] && relations[i].equals(tree.relations()[i])) {
                    same++;
                }
            }
        }
        System.out.printf("same head and relation as CoreNLP's parser: %d of %d words%n", same, words);
        assertTrue(words > 200, "words parsed: " + words);
        assertTrue(same >= 0.99 * words, same + " of " + words + " words with CoreNLP's head and relation");
    }
}

package io.verbatim.engine.lang.fr;

import io.verbatim.engine.Engine;
import io.verbatim.engine.lang.corenlp.CoreNlpToolkit;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.syntax.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long text is annotated a piece at a time, so that CoreNLP's memory is bounded by the piece and not by the
 * article: the pieces are seamless (the tokens of a paragraph do not depend on where it lies), and a paragraph
 * longer than a piece is cut where a sentence or at least a word ends.
 */
class CoreNlpFrenchPiecesTest {

    private static final String PARAGRAPH = "« Nous tiendrons bon », a déclaré la maire Anne Martin à Lyon, "
            + "qui a rappelé que le budget du conseil était voté.\n";

    @Test
    void paragraphsAreTokenizedTheSameWhereverTheyLie() {
        int copies = 3 * CoreNlpToolkit.MAX_PIECE_CHARS / PARAGRAPH.length();
        List<Token> one = new CoreNlpFrench(false).tokenize(PARAGRAPH).tokens();
        int sentences = one.get(one.size() - 1).sentence() + 1;
        List<Token> all = new CoreNlpFrench(false).tokenize(PARAGRAPH.repeat(copies)).tokens();
        assertEquals(copies * one.size(), all.size());
        for (int copy = 0; copy < copies; copy++) {
            for (int i = 0; i < one.size(); i++) {
                Token token = one.get(i);
                int shift = copy * PARAGRAPH.length();
                assertEquals(new Token(token.text(), token.start() + shift, token.end() + shift,
                        token.sentence() + copy * sentences, token.nerClass(), token.pos()), all.get(copy * one.size() + i));
            }
        }
    }

    @Test
    void everyQuoteOfAnArticleLongerThanAPieceIsFound() {
        int copies = 2 * CoreNlpToolkit.MAX_PIECE_CHARS / PARAGRAPH.length();
        Analysis analysis = Engine.get().analyze(PARAGRAPH.repeat(copies));
        assertEquals(copies, analysis.quotes().stream().filter(q -> q.text().equals("Nous tiendrons bon")
                && "Anne Martin".equals(analysis.speakerName(q))).count());
    }

    @Test
    void aLongParagraphIsCutAfterASentenceThenAfterAWordThenBetweenCharacters() {
        int max = CoreNlpToolkit.MAX_PIECE_CHARS;
        String sentences = "Il pleut. ".repeat(max);
        int end = CoreNlpToolkit.pieceEnd(sentences, 0);
        assertTrue(end <= max && sentences.substring(0, end).endsWith(". "), "cut at " + end);

        String words = "mot ".repeat(max);
        end = CoreNlpToolkit.pieceEnd(words, 0);
        assertTrue(end <= max && end > max - 4 && words.charAt(end - 1) == ' ', "cut at " + end);

        // Emoji are surrogate pairs: a cut between two halves would make two broken characters.
        String noSpace = "x" + "😀".repeat(max);
        end = CoreNlpToolkit.pieceEnd(noSpace, 0);
        assertTrue(end <= max && !Character.isHighSurrogate(noSpace.charAt(end - 1)), "cut at " + end);

        String paragraphs = ("Un paragraphe.\n" + "mot ".repeat(1000)).repeat(max / 1000);
        end = CoreNlpToolkit.pieceEnd(paragraphs, 0);
        assertTrue(end <= max && paragraphs.charAt(end - 1) == '\n', "cut at " + end);

        assertEquals(11, CoreNlpToolkit.pieceEnd("court texte", 1), "the rest of a short text is one piece");
    }
}

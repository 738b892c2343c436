package io.verbatim.engine.quotes;

import io.verbatim.engine.lang.fr.French;
import io.verbatim.engine.syntax.ParsedSentence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rules of {@link SpeechSyntax} on trees written by hand, for the shapes the parser gets wrong. */
class SpeechSyntaxTest {

    /** Builds a sentence from "word/TAG/head/relation" items (heads 0-based, -1 for the root), spaced as written. */
    private static ParsedSentence sentence(String text, String... items) {
        List<ParsedSentence.Word> words = new ArrayList<>();
        int at = 0;
        for (String item : items) {
            String[] f = item.split("/");
            int start = text.indexOf(f[0], at);
            at = start + f[0].length();
            words.add(new ParsedSentence.Word(words.size(), f[0], start, at, f[1], Integer.parseInt(f[2]), f[3]));
        }
        return new ParsedSentence(0, words);
    }

    @Test
    void aQueHungOnTheVerbReportsTheRestOfTheSentence() {
        // The parser took "que" for the verb's complement and scattered the clause after it.
        String text = "Le rapport conclut que la panne survenue lundi a été provoquée par un câble.";
        ParsedSentence torn = sentence(text,
                "Le/DET/1/det", "rapport/NOUN/2/nsubj", "conclut/VERB/-1/root", "que/SCONJ/2/xcomp",
                "la/DET/5/det", "panne/NOUN/3/dep", "survenue/VERB/5/acl", "lundi/NOUN/6/obl",
                "a/AUX/10/aux", "été/AUX/10/aux:pass", "provoquée/VERB/5/acl:relcl", "par/ADP/13/case",
                "un/DET/13/det", "câble/NOUN/10/obl:agent", "./PUNCT/2/punct");
        List<SpeechSyntax.ReportedClause> clauses = new SpeechSyntax(text, List.of(torn), French.LANGUAGE.lexicon())
                .reportedClauses();
        assertEquals(1, clauses.size(), () -> "clauses: " + clauses);
        assertEquals("la panne survenue lundi a été provoquée par un câble",
                text.substring(clauses.get(0).start(), clauses.get(0).end()));
        assertEquals("conclure", clauses.get(0).report().cue());
    }
}

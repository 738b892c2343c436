package io.verbatim.analysis.engine;

import java.util.BitSet;
import java.util.List;

/**
 * The seam between the engine's rules and an NLP toolkit: words, sentences and entity classes for a whole text,
 * then part-of-speech tags and dependency trees for the sentences the rules ask for (parsing every sentence
 * would cost more than everything else together). CoreNLP is one implementation; another toolkit or language
 * plugs in here without touching the rules.
 */
public interface LanguageToolkit {

    /** Tokens (with sentence numbers and entity classes) of a text. */
    Tokenized tokenize(String text);

    /** Dependency trees of the chosen sentences of a tokenized text, in sentence order. */
    List<ParsedSentence> parse(Tokenized text, BitSet sentences);

    /** The tokens of a text and whatever the toolkit needs to parse its sentences later. */
    interface Tokenized {
        List<Token> tokens();
    }
}

package io.verbatim.engine.syntax;

import java.util.BitSet;
import java.util.List;

/**
 * The seam between the engine's rules and an NLP toolkit: words, sentences and entity classes for a whole text,
 * then part-of-speech tags and dependency trees for the sentences the rules ask for (tagging and parsing every
 * sentence would cost more than everything else together). CoreNLP is one implementation; another toolkit or
 * language plugs in here without touching the rules.
 */
public interface LanguageToolkit {

    /** Tokens (with sentence numbers and entity classes, no part-of-speech tags yet) of a text. */
    Tokenized tokenize(String text);

    /** The text's tokens, those of the chosen sentences (and of any sentence parsed before) with their tags. */
    List<Token> tag(Tokenized text, BitSet sentences);

    /**
     * Dependency trees of the chosen sentences of a tokenized text, in sentence order (their tokens get tagged). Each opaque span (a long
     * quotation) is parsed as a single pronoun: how it attaches to the sentence is what the rules need, not what
     * is inside, and parsing costs as much as the words it reads. Its word keeps the span's offsets.
     */
    List<ParsedSentence> parse(Tokenized text, BitSet sentences, List<int[]> opaqueSpans);

    /** The tokens of a text and whatever the toolkit needs to parse its sentences later. */
    interface Tokenized {
        List<Token> tokens();
    }
}

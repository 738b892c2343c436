package io.verbatim.analysis.engine;

/**
 * A word of the text with its character offsets, its sentence and the NER class CoreNLP gave it
 * ({@code null} when none).
 */
public record Token(String text, int start, int end, int sentence, EntityType nerClass) {

    public boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    public boolean isWord() {
        return !text.isEmpty() && Character.isLetterOrDigit(text.codePointAt(0));
    }
}

package io.verbatim.engine.syntax;

import io.verbatim.engine.model.EntityType;

/**
 * A word of the text with its character offsets, its sentence, the NER class the toolkit gave it ({@code null}
 * when none) and its universal part-of-speech tag (null when its sentence was not tagged, "X" when the sentence was
 * too long to tag).
 */
public record Token(String text, int start, int end, int sentence, EntityType nerClass, String pos) {

    public boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    public boolean isWord() {
        return !text.isEmpty() && Character.isLetterOrDigit(text.codePointAt(0));
    }
}

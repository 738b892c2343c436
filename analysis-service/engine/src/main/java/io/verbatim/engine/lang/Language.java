package io.verbatim.engine.lang;

import io.verbatim.engine.syntax.LanguageToolkit;

import java.util.function.Supplier;

/**
 * A language the engine reads: its code, the version of its analyzer, its data ({@link Lexicon}, from
 * {@code lang/<code>/}), its {@link Morphology} and the toolkit that tokenizes, tags and parses it. Each language's
 * package ({@code lang.fr}, …) defines one; {@code io.verbatim.engine.Languages} lists them.
 *
 * @param analyzerVersion stored with each article analysed in this language, {@code verbatim-<code>-<N>}: bump N
 *                        whenever what the engine finds in the language changes, so stored articles are re-analysed
 */
public record Language(String code, String analyzerVersion, Morphology morphology, Supplier<LanguageToolkit> toolkit) {

    /** The language's data, read from its folder (cheap: no model is loaded). */
    public Lexicon lexicon() {
        return Lexicon.load(code, morphology);
    }

    /** The language's models: seconds to load and most of the heap, so build one and share it. */
    public LanguageToolkit loadToolkit() {
        return toolkit.get();
    }
}

package io.verbatim.engine.lang.en;

import io.verbatim.engine.lang.Language;

/** English: CoreNLP's English models, the data of {@code lang/en/} and English verb forms. */
public final class English {

    public static final Language LANGUAGE = new Language("en", "verbatim-en-1", new EnglishMorphology(), CoreNlpEnglish::new);

    private English() {
    }
}

package io.verbatim.engine.lang.fr;

import io.verbatim.engine.lang.Language;

/** French: CoreNLP's French models, the data of {@code lang/fr/} and French verb forms. */
public final class French {

    public static final Language LANGUAGE = new Language("fr", "verbatim-fr-29", new FrenchMorphology(), CoreNlpFrench::new);

    private French() {
    }
}

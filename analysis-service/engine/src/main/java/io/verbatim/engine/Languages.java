package io.verbatim.engine;

import io.verbatim.engine.lang.Language;
import io.verbatim.engine.lang.en.English;
import io.verbatim.engine.lang.fr.French;

import java.util.List;
import java.util.Optional;

/** The languages the engine reads. A new language is a package {@code lang.<code>}, its data folder and a line here. */
public final class Languages {

    private static final List<Language> ALL = List.of(French.LANGUAGE, English.LANGUAGE);

    private Languages() {
    }

    public static List<Language> all() {
        return ALL;
    }

    /** The language of an ISO 639-1 code, if the engine reads it. */
    public static Optional<Language> of(String code) {
        return ALL.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The language of a code the engine must read; fails naming the ones it does. */
    public static Language require(String code) {
        return of(code).orElseThrow(() -> new IllegalArgumentException("no analyzer for language '" + code
                + "' (the engine reads " + ALL.stream().map(Language::code).toList() + ")"));
    }
}

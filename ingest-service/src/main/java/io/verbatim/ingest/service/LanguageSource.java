package io.verbatim.ingest.service;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the language an article is analysed in was chosen; written as {@code languageSource} on articles.raw. */
public enum LanguageSource {
    /** The client said it. */
    GIVEN,
    /** Detected from the title and the start of the body. */
    DETECTED,
    /** The text was too short to tell: verbatim.ingest.default-language. */
    DEFAULT;

    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

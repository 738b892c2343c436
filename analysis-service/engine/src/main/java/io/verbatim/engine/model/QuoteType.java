package io.verbatim.engine.model;

/** How a quote is reported: its own utterance, a quoted fragment in the reporter's sentence, or without marks. */
public enum QuoteType {
    DIRECT, MIXED, INDIRECT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.verbatim.engine.model;

import java.util.List;

/** What the engine found in one text; all offsets are Java String indices into that text. */
public record Analysis(List<Entity> entities, List<Mention> mentions, List<Quote> quotes, int tokenCount) {

    /** Stored with each article; bump it when the rules change what the engine finds. */
    public static final String ANALYZER_VERSION = "verbatim-fr-14";

    public String speakerName(Quote quote) {
        return quote.hasSpeaker() ? entities.get(quote.speaker()).name() : null;
    }
}

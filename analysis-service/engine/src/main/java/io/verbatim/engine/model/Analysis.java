package io.verbatim.engine.model;

import java.util.List;

/**
 * What the engine found in one text; all offsets are Java String indices into that text. {@code analyzerVersion}
 * names the language's analyzer that found it ({@code verbatim-fr-14}).
 */
public record Analysis(List<Entity> entities, List<Mention> mentions, List<Quote> quotes, int tokenCount,
                       String analyzerVersion) {

    public String speakerName(Quote quote) {
        return quote.hasSpeaker() ? entities.get(quote.speaker()).name() : null;
    }
}

package io.verbatim.engine.model;

/**
 * Reported speech: the span is inside the quote marks (or the reported clause for indirect speech).
 * {@code speaker} indexes {@link Analysis#entities()}, or is -1 when the source is not named; then
 * {@code speakerDescriptor} may still say who spoke ("un porte-parole de la police").
 */
public record Quote(int start, int end, String text, QuoteType type, String cue, int speaker,
                    SpeakerMention speakerMention, String speakerDescriptor, double confidence) {

    /** Where the article designates the speaker for this quote ("M. Lecornu", "le ministre belge", "il"). */
    public record SpeakerMention(int start, int end, String text) {
    }

    public boolean hasSpeaker() {
        return speaker >= 0;
    }
}

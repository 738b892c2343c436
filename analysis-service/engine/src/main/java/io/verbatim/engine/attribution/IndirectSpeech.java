package io.verbatim.engine.attribution;

import io.verbatim.engine.coreference.SpeakerResolver;
import io.verbatim.engine.model.Confidence;
import io.verbatim.engine.model.Quote;
import io.verbatim.engine.model.QuoteType;
import io.verbatim.engine.quotes.QuoteMarks;
import io.verbatim.engine.quotes.SpeechSyntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reported speech without quote marks, from the clauses that reporting verbs govern in the dependency trees:
 * "X a estimé que CLAUSE", "X affirme avoir …", "Selon X, CLAUSE", "CLAUSE, selon X" and "CLAUSE, a indiqué X".
 * The span is the reported clause, without "que" and without the reporting clause. A clause holding quote marks
 * is left to the quote it contains (a mixed quote).
 */
public final class IndirectSpeech {

    private static final int MIN_WORDS = 3;

    private final String text;
    private final SpeechSyntax syntax;
    private final SpeakerResolver speakers;

    public IndirectSpeech(String text, SpeechSyntax syntax, SpeakerResolver speakers) {
        this.text = text;
        this.syntax = syntax;
        this.speakers = speakers;
    }

    public List<Quote> find(List<Quote> marked) {
        List<Quote> found = new ArrayList<>();
        for (SpeechSyntax.ReportedClause clause : syntax.reportedClauses()) {
            int[] span = trimmed(clause.start(), beforeColon(clause.start(), clause.end()));
            String content = text.substring(span[0], span[1]);
            if (content.split("[\\s\\u00a0]+").length < MIN_WORDS || QuoteMarks.containsMark(content)
                    || overlapsAny(marked, span) || overlapsAny(found, span)) {
                continue;
            }
            Optional<SpeakerResolver.Speaker> speaker = speakers.speakerOf(clause.report().source(), span[0], marked);
            found.add(build(span, clause.report().cue(), speaker.orElse(null)));
        }
        return found;
    }

    private Quote build(int[] span, String cue, SpeakerResolver.Speaker speaker) {
        String content = text.substring(span[0], span[1]);
        if (speaker == null) {
            return new Quote(span[0], span[1], content, QuoteType.INDIRECT, cue, -1, null, null, Confidence.UNRESOLVED);
        }
        return new Quote(span[0], span[1], content, QuoteType.INDIRECT, cue, speaker.entity(),
                speaker.mention(), speaker.descriptor(), Math.min(Confidence.VOICE, speaker.confidence()));
    }

    /** "X a précisé que CLAUSE : « … »": the colon ends the reported clause and opens a quote. */
    private int beforeColon(int start, int end) {
        int colon = text.indexOf(':', start);
        return colon >= 0 && colon < end ? colon : end;
    }

    private int[] trimmed(int start, int end) {
        while (start < end && (QuoteMarks.isSpace(text.charAt(start)) || text.charAt(start) == ',')) {
            start++;
        }
        while (end > start && (QuoteMarks.isSpace(text.charAt(end - 1)) || ".,;:!".indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return new int[]{start, end};
    }

    private static boolean overlapsAny(List<Quote> quotes, int[] span) {
        return quotes.stream().anyMatch(q -> q.start() < span[1] && span[0] < q.end());
    }
}

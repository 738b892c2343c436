package io.verbatim.analysis.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reported speech without quote marks, sentence by sentence: "X a estimé que CLAUSE", "Selon X, CLAUSE",
 * "CLAUSE, selon X" and "CLAUSE, a indiqué X". The span is the reported clause, without "que" and without the
 * reporting clause. A clause holding quote marks is left to the quote it contains (a mixed quote).
 */
final class IndirectSpeech {

    private static final Pattern SELON_FIRST = Pattern.compile(
            "^(?<cue>[Ss]elon|[Dd]['’]après|[Pp]our)[\\s\\u00a0]+(?<np>[^,;:«»\"]{2,90}?),[\\s\\u00a0]+");
    private static final Pattern SELON_LAST = Pattern.compile(
            ",[\\s\\u00a0]+(?<cue>selon|d['’]après)[\\s\\u00a0]+(?<np>[^,;:«»\"]{2,90}?)[\\s\\u00a0]*[.!]?$");
    private static final Pattern VERB_LAST = Pattern.compile(
            ",[\\s\\u00a0]+(?:(?:a|ont|avait|avaient|a-t-(?:il|elle|on)|ont-(?:ils|elles))[\\s\\u00a0]+)?"
                    + "(?:(?:encore|également|aussi|ensuite|enfin|alors|notamment|pour sa part|de son côté)[\\s\\u00a0]+)*"
                    + "(?<verb>\\p{Ll}+)(?<inv>-(?:t-)?(?:il|elle|on|ils|elles))?(?<np>[\\s\\u00a0]+[^,;:«»\"]{2,90}?)?"
                    + "[\\s\\u00a0]*[.!]?$");
    /** Words that may stand between a reporting verb and its "que": adverbs, time, a medium ("sur la RTBF"). */
    private static final int MAX_GAP_TO_QUE = 6;
    private static final Set<String> NOT_THAT = Set.of("ainsi", "alors", "bien", "parce", "afin", "tandis", "plus",
            "moins", "tant", "sans", "avant", "après", "pendant", "dès", "même", "lors", "pour");
    private static final Pattern HEADLINE_PREFIX = Pattern.compile("^[^.:!?]{2,40}[\\s\\u00a0]:[\\s\\u00a0]+");

    private final String text;
    private final List<Token> tokens;
    private final SpeakerAttributor speakers;

    IndirectSpeech(String text, List<Token> tokens, SpeakerAttributor speakers) {
        this.text = text;
        this.tokens = tokens;
        this.speakers = speakers;
    }

    List<Quote> find(List<Quote> marked) {
        List<Quote> found = new ArrayList<>();
        int first = 0;
        while (first < tokens.size()) {
            int last = first;
            while (last + 1 < tokens.size() && tokens.get(last + 1).sentence() == tokens.get(first).sentence()) {
                last++;
            }
            sentence(first, last)
                    .filter(q -> q.text().split("[\\s\\u00a0]+").length >= 3)
                    .filter(q -> marked.stream().noneMatch(m -> overlaps(m, q)))
                    .ifPresent(found::add);
            first = last + 1;
        }
        return found;
    }

    private Optional<Quote> sentence(int firstToken, int lastToken) {
        int start = tokens.get(firstToken).start();
        int end = tokens.get(lastToken).end();
        String sentence = text.substring(start, end);

        Matcher selonFirst = SELON_FIRST.matcher(sentence);
        if (selonFirst.find() && !isInfinitive(selonFirst.group("np"))) {
            int npEnd = extendByApposition(start + selonFirst.end("np"));
            int clauseStart = npEnd == start + selonFirst.end("np") ? start + selonFirst.end() : skipSpacesAndComma(npEnd);
            return quote(clauseStart, clauseEnd(clauseStart, end), FrenchWords.lower(selonFirst.group("cue")),
                    start + selonFirst.start("np"), npEnd);
        }
        Matcher selonLast = SELON_LAST.matcher(sentence);
        if (selonLast.find()) {
            int clauseStart = start + headlinePrefix(sentence);
            return quote(clauseStart, start + selonLast.start(), FrenchWords.lower(selonLast.group("cue")),
                    start + selonLast.start("np"), start + selonLast.end("np"));
        }
        Optional<Quote> que = verbThat(firstToken, lastToken, end);
        if (que.isPresent()) {
            return que;
        }
        Matcher verbLast = VERB_LAST.matcher(sentence);
        if (verbLast.find() && !sentence.contains("«") && !sentence.contains("\"")) {
            Optional<String> lemma = CueVerbs.lemmaOf(verbLast.group("verb"));
            if (lemma.isPresent() && (verbLast.group("np") != null || verbLast.group("inv") != null)) {
                int npStart = verbLast.group("np") != null ? start + verbLast.start("np") : start + verbLast.start("inv") + 1;
                int npEnd = verbLast.group("np") != null ? start + verbLast.end("np") : start + verbLast.end("inv");
                return quote(start + headlinePrefix(sentence), start + verbLast.start(), lemma.get(), npStart, npEnd);
            }
        }
        return Optional.empty();
    }

    /** "X a estimé (mardi, sur France Inter) que CLAUSE". */
    private Optional<Quote> verbThat(int firstToken, int lastToken, int sentenceEnd) {
        for (int i = firstToken; i <= lastToken; i++) {
            Optional<String> lemma = CueVerbs.lemmaOf(tokens.get(i).text());
            if (lemma.isEmpty()) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(lastToken, i + MAX_GAP_TO_QUE); j++) {
                String word = FrenchWords.lower(tokens.get(j).text());
                if (word.matches("[.;:!?«»\"“”]")) {
                    break;
                }
                if (j == i + 1 && FrenchWords.DETERMINERS.contains(word)) {
                    // A direct object ("a annoncé la rénovation … ainsi que …"): not reported speech.
                    break;
                }
                if ((word.equals("que") || word.equals("qu'") || word.equals("qu’"))
                        && !NOT_THAT.contains(FrenchWords.lower(tokens.get(j - 1).text()))) {
                    int clauseStart = tokens.get(j).end();
                    int clauseEnd = clauseEnd(clauseStart, sentenceEnd);
                    String clause = text.substring(clauseStart, clauseEnd);
                    if (clause.contains("«") || clause.contains("\"") || clause.contains("“")) {
                        return Optional.empty();
                    }
                    int sentenceStart = tokens.get(firstToken).start();
                    Optional<SpeakerAttributor.Speaker> subject = speakers.subjectOf(
                            text.substring(sentenceStart, tokens.get(i).start()), sentenceStart, tokens.get(i).start());
                    return Optional.of(build(clauseStart, clauseEnd, lemma.get(), subject.orElse(null)));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Quote> quote(int start, int end, String cue, int npStart, int npEnd) {
        return Optional.of(build(start, end, cue, speakers.phrase(npStart, npEnd).orElse(null)));
    }

    private Quote build(int start, int end, String cue, SpeakerAttributor.Speaker speaker) {
        start = Math.max(0, Math.min(start, text.length()));
        while (start < end && (QuoteMarks.isSpace(text.charAt(start)) || text.charAt(start) == ',')) {
            start++;
        }
        while (end > start && (QuoteMarks.isSpace(text.charAt(end - 1)) || ".,;!".indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        if (speaker == null) {
            return new Quote(start, end, text.substring(start, end), QuoteType.INDIRECT, cue, -1, null, null, 0.4);
        }
        return new Quote(start, end, text.substring(start, end), QuoteType.INDIRECT, cue, speaker.entity(),
                speaker.mention(), speaker.descriptor(), Math.min(0.7, speaker.confidence()));
    }

    /** The clause runs to the end of the sentence, or to a colon that introduces a quote. */
    private int clauseEnd(int clauseStart, int sentenceEnd) {
        int colon = text.indexOf(':', clauseStart);
        return colon >= 0 && colon < sentenceEnd ? colon : sentenceEnd;
    }

    /** "Selon le président du CERN, Michel Spiro, …": the name in apposition belongs to the source. */
    private int extendByApposition(int npEnd) {
        Matcher comma = Pattern.compile("^,[\\s\\u00a0]*").matcher(text.substring(npEnd, Math.min(text.length(), npEnd + 3)));
        if (comma.find()) {
            int nameAt = npEnd + comma.end();
            Mention name = speakers.personAt(nameAt);
            if (name != null && name.end() < text.length() && text.charAt(name.end()) == ',') {
                return name.end();
            }
        }
        return npEnd;
    }

    private int skipSpacesAndComma(int at) {
        while (at < text.length() && (text.charAt(at) == ',' || QuoteMarks.isSpace(text.charAt(at)))) {
            at++;
        }
        return at;
    }

    private static int headlinePrefix(String sentence) {
        Matcher m = HEADLINE_PREFIX.matcher(sentence);
        return m.find() ? m.end() : 0;
    }

    /** "Pour terminer, …" is not a source. */
    private static boolean isInfinitive(String phrase) {
        String first = phrase.strip().split("[\\s\\u00a0]+")[0];
        return Character.isLowerCase(first.charAt(0)) && first.matches("\\p{L}+(er|ir|re)")
                && !FrenchWords.DETERMINERS.contains(first);
    }

    private static boolean overlaps(Quote a, Quote b) {
        return a.start() < b.end() && b.start() < a.end();
    }
}

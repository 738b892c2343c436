package io.verbatim.engine.attribution;

import io.verbatim.engine.coreference.SpeakerResolver;
import io.verbatim.engine.lang.WordClass;
import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.model.Confidence;
import io.verbatim.engine.model.EntityType;
import io.verbatim.engine.model.Mention;
import io.verbatim.engine.model.Quote;
import io.verbatim.engine.model.QuoteType;
import io.verbatim.engine.quotes.QuoteMarks;
import io.verbatim.engine.quotes.SpeechSyntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, for each pair of quote marks, whether it is reported speech and who said it, from the reporting clause
 * around it: after the quote with inversion (", a déclaré M. Lecornu", ", a-t-il ajouté", ", selon X"), or before
 * it ("Il a souligné « … »", "X a déclaré : « … »"). The speaker phrase is resolved to an entity of the article:
 * a name directly, a pronoun to the last speaker or person named, a role noun ("le ministre belge") to the person
 * the article introduced with that role. A quote with no clause of its own continues the previous speaker's.
 */
public final class SpeakerAttributor {

    /** The patterns of the reporting clauses of a language, compiled once from its data. */
    private record Patterns(String aux, String adverbs, String invertedPronoun, Pattern afterQuote,
                            Pattern afterQuoteSelon, Pattern beforeQuoteSelon, Pattern roleOpening, Pattern roleClosing,
                            Pattern selonOpening, Pattern sameSentenceLink, Pattern relativeSubject, Pattern incise,
                            Pattern clitics, Pattern closingAuxiliary, Pattern closingPronoun, Pattern inversion) {

        static Patterns of(Lexicon lexicon) {
            String aux = lexicon.alternation(WordClass.AUXILIARIES);
            String adverbs = lexicon.alternation(WordClass.REPORTING_ADVERBIALS, WordClass.DAYS);
            List<String> subjects = lexicon.subjectPronouns();
            String pronouns = Lexicon.alternationOf(java.util.stream.Stream.concat(subjects.stream(),
                    lexicon.words(WordClass.IMPERSONAL_PRONOUNS).stream()).toList(), false);
            String inversion = lexicon.morphology().inversionPattern(pronouns);
            String inverted = inversion == null ? "(?!)" : inversion;
            String sources = lexicon.alternation(WordClass.SOURCE_PREPOSITIONS);
            String articles = lexicon.alternation(WordClass.ARTICLES);
            String definite = lexicon.alternation(WordClass.DEFINITE_ARTICLES);
            String rolePhrase = "(" + articles + "[\\s\\u00a0]*[\\p{L}\\s\\u00a0'’-]{2,80})";
            return new Patterns(aux, adverbs, inverted,
                    // ", a pour sa part déclaré Théo Francken" / ", a-t-il ajouté" / ", affirme-t-elle".
                    Pattern.compile("^[\\s\\u00a0]*,?[\\s\\u00a0]*(?<aux>" + aux + "[\\s\\u00a0]+)?(?:" + adverbs
                            + ",?[\\s\\u00a0]+)*(?<verb>\\p{L}+(?:[\\s\\u00a0]+(?:" + multiWordCueEnds(lexicon) + "))?)(?<inv>"
                            + inverted + ")?(?<rest>.*)", Pattern.DOTALL),
                    Pattern.compile("^[\\s\\u00a0]*,?[\\s\\u00a0]*(?<cue>" + sources + ")[\\s\\u00a0]+(?<rest>.*)",
                            Pattern.DOTALL),
                    // "Selon le ministre, « … »" and "Pour X, « … »".
                    Pattern.compile("(?:^|[\\s,])(?<cue>" + lexicon.alternation(true, WordClass.SOURCE_PREPOSITIONS,
                            WordClass.OPINION_PREPOSITIONS) + ")[\\s\\u00a0]+(?<np>[^,«»\"“”]{2,80}?)"
                            // "Pour Sylvie Kerbrat, conseillère du groupe X, « … »": an apposition may follow the name.
                            + "(?:,[^,«»\"“”]{2,80})?,[\\s\\u00a0]*$"),
                    Pattern.compile("(?i)^[\\s\\u00a0]*(?:" + lexicon.alternation(WordClass.CLAUSE_OPENERS)
                            + ",[\\s\\u00a0]*)?" + rolePhrase),
                    Pattern.compile("(?i)(?:^|[\\s,])" + rolePhrase + "$"),
                    // "Selon X, …" opening the sentence that leads to the quote.
                    Pattern.compile("^[\\s\\u00a0]*(?<cue>" + lexicon.alternation(true, WordClass.SOURCE_PREPOSITIONS)
                            + ")[\\s\\u00a0]+(?<np>[^,«»\"“”]{2,80}),"),
                    // Between two quotes of one sentence: a coordination ("», et à «") or a present participle
                    // ("» évoquant des «").
                    Pattern.compile("[\\s\\u00a0]*,?[\\s\\u00a0]*(?:" + lexicon.alternation(WordClass.COORDINATORS)
                            + "(?:[\\s\\u00a0]+" + lexicon.alternation(WordClass.INFINITIVE_MARKS) + ")?"
                            + "|(?<verb>" + lexicon.morphology().presentParticiplePattern()
                            + ")(?:[\\s\\u00a0]+[\\p{Ll}'’]+){0,3})[\\s\\u00a0]*"),
                    Pattern.compile("(?i).*(?:^|[\\s,])(" + definite + "[\\s\\u00a0]*[\\p{L}\\s\\u00a0'’-]{2,60}?)[\\s\\u00a0,]+"
                            + lexicon.alternation(WordClass.RELATIVE_PRONOUNS) + "$"),
                    // ", dit-il," / ", a-t-elle ajouté," / ", poursuit Jean Dupont," inside the marks: the quote is cut in two.
                    Pattern.compile(",[\\s\\u00a0]*(?<aux>" + aux + "[\\s\\u00a0]+)?(?<verb>\\p{Ll}+)(?<inv>" + inverted
                            + ")?(?<np>[\\s\\u00a0]+[^,«»]{2,60}?)?[\\s\\u00a0]*,"),
                    Pattern.compile("(?i)(?:[\\s\\u00a0,]+(?:" + adverbs + "|" + aux + "|"
                            + lexicon.alternation(WordClass.PREVERBAL_CLITICS) + "))+[\\s\\u00a0,]*$"),
                    Pattern.compile("(?i)(?:^|[\\s\\u00a0,]+)(?:" + aux + ")[\\s\\u00a0,]*$"),
                    Pattern.compile("(?i)(?:^|[\\s,])(" + Lexicon.alternationOf(subjects, false) + ")$"),
                    Pattern.compile(inverted));
        }

        /** The words after the first of the multi-word reporting verbs ("fait savoir", "met en garde"). */
        private static String multiWordCueEnds(Lexicon lexicon) {
            return Lexicon.alternationOf(lexicon.multiWordCueEnds(), false);
        }
    }

    private final String text;
    private final Lexicon lexicon;
    private final SpeechSyntax syntax;
    private final List<Quote> quotes = new ArrayList<>();
    private final SpeakerResolver resolver;
    private final Patterns patterns;
    /** Opening marks of the quotes attributed by a clause after them (", a précisé X"). */
    private final Set<Integer> attributedAfter = new HashSet<>();

    public SpeakerAttributor(String text, SpeakerResolver resolver, Lexicon lexicon, SpeechSyntax syntax) {
        this.text = text;
        this.resolver = resolver;
        this.lexicon = lexicon;
        this.syntax = syntax;
        this.patterns = lexicon.derived(Patterns.class, Patterns::of);
    }

    private record Attribution(String cue, SpeakerResolver.Speaker speaker) {
    }

    public List<Quote> attribute(List<QuoteMarks.Span> spans) {
        QuoteMarks.Span previous = null;
        for (QuoteMarks.Span span : spans) {
            if (splitAtIncise(span)) {
                previous = span;
                continue;
            }
            String content = text.substring(span.start(), span.end());
            if (isNamed(span, content)) {
                // "le film « Les Derniers Jours de l'été »", "baptisé « Quantal Quetzal »": a name, not speech.
                continue;
            }
            String before = clauseBefore(span);
            boolean opensUtterance = before.isBlank() || before.strip().endsWith(":")
                    || patterns.beforeQuoteSelon().matcher(before).find();
            // The tree first: the reporting verb the quote depends on and its subject. The character rules
            // stay for sentences the parser leaves out or gets wrong (no reporting verb found).
            Optional<SpeechSyntax.Report> report = syntax.reportOf(span.start(), span.end());
            Optional<Attribution> syntactic = report.flatMap(r -> resolver.speakerOf(r.source(), span.open(), quotes)
                    .map(s -> new Attribution(r.cue(), s)));
            Optional<Attribution> clauseAfter = syntactic.isPresent() ? Optional.empty() : after(span);
            if (clauseAfter.isPresent() || syntactic.isPresent() && report.get().verbStart() > span.close()) {
                attributedAfter.add(span.open());
            }
            Attribution attribution = syntactic.or(() -> clauseAfter).or(() -> before(before, span))
                    .or(() -> namedBeforeColon(before, span)).orElse(null);
            QuoteType type = opensUtterance ? QuoteType.DIRECT : QuoteType.MIXED;
            if (attribution == null && previous != null && lastSpeakerQuote() != null) {
                // "a indiqué « vouloir … », et à « embaucher … »", "« … » évoquant des « refus … »": the same
                // speaker's words go on in the same sentence.
                Quote last = lastSpeakerQuote();
                String between = text.substring(previous.close() + 1, span.open());
                Matcher link = patterns.sameSentenceLink().matcher(between);
                if (!link.matches() && noOtherVoice(between)) {
                    // "a dénoncé un discours « … » et manquant « … »": the sentence goes on with the same speaker's
                    // words, no one else named and no other reporting verb between them.
                    quotes.add(new Quote(span.start(), span.end(), content, type, last.cue(), last.speaker(),
                            last.speakerMention(), last.speakerDescriptor(), Confidence.CARRIED_OVER));
                    previous = span;
                    continue;
                }
                if (link.matches()) {
                    String cue = link.group("verb") == null ? last.cue() : lexicon.cueLemma(link.group("verb")).orElse(null);
                    if (link.group("verb") == null || cue != null) {
                        quotes.add(new Quote(span.start(), span.end(), content, type, cue, last.speaker(),
                                last.speakerMention(), last.speakerDescriptor(), Confidence.CARRIED_OVER));
                        previous = span;
                        continue;
                    }
                }
            }
            if (attribution == null) {
                if (previous != null && continuesPrevious(previous, span) && lastSpeakerQuote() != null) {
                    Quote last = lastSpeakerQuote();
                    quotes.add(new Quote(span.start(), span.end(), content, QuoteType.DIRECT, null, last.speaker(),
                            last.speakerMention(), last.speakerDescriptor(), Confidence.CARRIED_OVER));
                    previous = span;
                } else if (before.isBlank() && isUnattributedSpeech(span, content, true)
                        && resolver.subjectOfSentenceBefore(span.open(), quotes).isPresent()) {
                    // "Pierre Lemoine a haussé les épaules. « Le budget ne suffira pas. »": a quotation standing as a
                    // sentence of its own, with no reporting clause, is the words of the person the sentence before
                    // was about.
                    SpeakerResolver.Speaker speaker = resolver.subjectOfSentenceBefore(span.open(), quotes).get();
                    quotes.add(new Quote(span.start(), span.end(), content, QuoteType.DIRECT, null, speaker.entity(),
                            speaker.mention(), speaker.descriptor(), Confidence.CONTEXT));
                    previous = span;
                } else if (isUnattributedSpeech(span, content, opensUtterance)) {
                    Optional<SpeechSyntax.Report> subject = syntax.sentenceSubject(span.start(), span.end());
                    SpeakerResolver.Speaker speaker = subject.flatMap(r -> resolver.speakerOf(r.source(), span.open(), quotes))
                            .filter(sp -> sp.entity() >= 0).orElse(null);
                    if (speaker == null) {
                        quotes.add(new Quote(span.start(), span.end(), content, type, null, -1, null, null, Confidence.NONE));
                    } else {
                        quotes.add(new Quote(span.start(), span.end(), content, type, subject.get().cue(),
                                speaker.entity(), speaker.mention(), speaker.descriptor(), Confidence.CONTEXT));
                    }
                    previous = span;
                }
                continue;
            }
            SpeakerResolver.Speaker speaker = attribution.speaker();
            quotes.add(new Quote(span.start(), span.end(), content, type, attribution.cue(), speaker.entity(),
                    speaker.mention(), speaker.descriptor(), speaker.confidence()));
            previous = span;
        }
        return quotes;
    }

    /**
     * Quoted words that no clause attributes are still someone's words ("Cette « imposante collection privée »
     * est …") unless they are a title, a name or a label: a single word ("les « vraies » couleurs"), a phrase
     * after a naming word ("baptisé « Quantal Quetzal »", "la vidéo « … »"), or a capitalised phrase with no
     * verb ("« Les bâtisseurs de la gloire »"). A quote that opens an utterance needs a few words.
     */
    private boolean isUnattributedSpeech(QuoteMarks.Span span, String content, boolean opensUtterance) {
        int words = wordCount(content);
        if (words < 2) {
            return false;
        }
        if (opensUtterance) {
            return words >= 3;
        }
        int first = content.codePoints().filter(Character::isLetter).findFirst().orElse('A');
        return Character.isLowerCase(first) || words >= SpeechSyntax.FRAGMENT_WORDS
                || syntax.hasVerb(span.start(), span.end());
    }

    /**
     * "Barack Obama : « … »": a name alone before the colon that opens the quote speaks it (headlines, captions,
     * lists of reactions).
     */
    private Optional<Attribution> namedBeforeColon(String clause, QuoteMarks.Span span) {
        String head = clause.strip();
        if (!head.endsWith(":")) {
            return Optional.empty();
        }
        int clauseStart = span.open() - clause.length();
        int from = clauseStart + (clause.length() - clause.stripLeading().length());
        int to = clauseStart + clause.lastIndexOf(':');
        while (to > from && QuoteMarks.isSpace(text.charAt(to - 1))) {
            to--;
        }
        Mention named = resolver.speakerMentionIn(from, to);
        if (named == null || named.start() != from || named.end() != to) {
            return Optional.empty();
        }
        return Optional.of(new Attribution(null, resolver.named(named, Confidence.RESOLVED)));
    }

    /** A quoted name or title: after a naming word, short or without a verb. */
    private boolean isNamed(QuoteMarks.Span span, String content) {
        return lexicon.isAny(WordClass.NAMING_WORDS, wordsBefore(span.open(), 1)) && (wordCount(content) < SpeechSyntax.FRAGMENT_WORDS
                || !syntax.hasVerb(span.start(), span.end()));
    }

    /** Up to {@code count} lower-case words before an offset, in the same sentence. */
    private List<String> wordsBefore(int offset, int count) {
        List<String> words = new ArrayList<>();
        int at = offset;
        // Back to the start of the sentence at most: a naming word ends nothing that follows a full stop.
        while (at > Math.max(0, offset - 80) && ".!?\n:;»”".indexOf(text.charAt(at - 1)) < 0) {
            at--;
        }
        Matcher w = SpeakerResolver.WORD.matcher(text).region(at, offset);
        while (w.find()) {
            words.add(lexicon.lower(text.substring(w.start(), w.end())));
        }
        return words.subList(Math.max(0, words.size() - count), words.size());
    }

    private boolean splitAtIncise(QuoteMarks.Span span) {
        Matcher m = patterns.incise().matcher(text).region(span.start(), span.end());
        while (m.find()) {
            Optional<String> lemma = lexicon.cueLemma(m.group("verb"));
            String pronoun = invertedPronoun(m.group("aux"), m.group("inv"));
            if (lemma.isEmpty() || pronoun == null && m.group("np") == null) {
                continue;
            }
            SpeakerResolver.Speaker speaker;
            if (pronoun != null) {
                int at = m.group("inv") != null ? m.start("inv") + m.group("inv").lastIndexOf('-') + 1 : m.start("aux");
                speaker = resolver.pronoun(at, pronoun, span.open(), quotes);
            } else {
                Optional<SpeakerResolver.Speaker> named = resolver.phrase(m.start("np"), m.end("np"), quotes);
                if (named.isEmpty()) {
                    continue;
                }
                speaker = named.get();
            }
            addPart(span.start(), m.start(), lemma.get(), speaker);
            addPart(m.end(), span.end(), lemma.get(), speaker);
            return true;
        }
        return false;
    }

    private void addPart(int start, int end, String cue, SpeakerResolver.Speaker speaker) {
        while (start < end && QuoteMarks.isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && QuoteMarks.isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            quotes.add(new Quote(start, end, text.substring(start, end), QuoteType.DIRECT, cue, speaker.entity(),
                    speaker.mention(), speaker.descriptor(), speaker.confidence()));
        }
    }

    private Quote lastSpeakerQuote() {
        return quotes.isEmpty() ? null : quotes.get(quotes.size() - 1);
    }

    /**
     * Does the text between two quotes stay in one sentence with no other voice: no sentence end or line break, no
     * name, no pronoun or reporting verb that could introduce someone else?
     */
    private boolean noOtherVoice(String between) {
        if (between.chars().anyMatch(c -> ".!?\n:;«»“”\"".indexOf(c) >= 0) || between.length() > 120) {
            return false;
        }
        Matcher w = SpeakerResolver.WORD.matcher(between);
        while (w.find()) {
            String word = between.substring(w.start(), w.end());
            String lower = lexicon.lower(word);
            if (Character.isUpperCase(word.codePointAt(0)) || lexicon.isCueForm(lower) || lexicon.isSubjectPronoun(lower)
                    || lexicon.is(WordClass.RELATIVE_PRONOUNS, lower)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The next quote carries on the same speaker's words when only spaces, a paragraph break or the previous
     * quote's own reporting clause stand between them ("« … » a précisé Febelfin. « … »").
     */
    private boolean continuesPrevious(QuoteMarks.Span previous, QuoteMarks.Span span) {
        String between = text.substring(Math.min(previous.close() + 1, span.open()), span.open()).strip();
        if (between.isEmpty() || between.matches("[.,;…]*")) {
            return true;
        }
        String clause = between.replaceAll("[.…]+$", "");
        return clause.length() < between.length() && clause.chars().noneMatch(c -> ".!?\n:«»“”\"".indexOf(c) >= 0)
                && attributedAfter.contains(previous.open());
    }

    // ---- clause after the quote: ", a déclaré X" ----

    private Optional<Attribution> after(QuoteMarks.Span span) {
        int from = Math.min(span.close() + 1, text.length());
        String rest = text.substring(from, Math.min(text.length(), from + 240));
        int paragraph = rest.indexOf('\n');
        if (paragraph >= 0) {
            rest = rest.substring(0, paragraph);
        }
        Matcher selon = patterns.afterQuoteSelon().matcher(rest);
        if (selon.find()) {
            int npStart = from + selon.start("rest");
            return resolver.phrase(npStart, from + rest.length(), quotes)
                    .map(s -> new Attribution(cueOfPreposition(selon.group("cue")), s));
        }
        Matcher m = patterns.afterQuote().matcher(rest);
        if (!m.find()) {
            return Optional.empty();
        }
        Optional<String> lemma = lexicon.cueLemma(m.group("verb").replaceAll("[\\s\\u00a0]+", " "));
        String pronoun = invertedPronoun(m.group("aux"), m.group("inv"));
        // "« … » évoquant des …": a present participle continues the clause before the quote; it is not an inversion.
        boolean participle = m.group("aux") == null && pronoun == null && m.group("verb").endsWith("ant");
        if (lemma.isEmpty() || participle) {
            return Optional.empty();
        }
        if (pronoun != null) {
            int at = from + (m.group("inv") != null ? m.start("inv") : m.start("aux"));
            return Optional.of(new Attribution(lemma.get(), resolver.pronoun(at, pronoun, span.open(), quotes)));
        }
        int npStart = from + m.start("rest");
        return resolver.phrase(npStart, from + rest.length(), quotes).map(s -> new Attribution(lemma.get(), s));
    }

    private String invertedPronoun(String aux, String inverted) {
        String source = inverted != null ? inverted : aux;
        if (source == null) {
            return null;
        }
        Matcher m = patterns.inversion().matcher(source);
        return m.find() ? m.group(1) : null;
    }

    // ---- clause before the quote: "X a déclaré : « … »", "Il a souligné « … »" ----

    private Optional<Attribution> before(String clause, QuoteMarks.Span span) {
        int clauseStart = span.open() - clause.length();
        Matcher selon = patterns.beforeQuoteSelon().matcher(clause);
        if (selon.find()) {
            int npStart = clauseStart + selon.start("np");
            return resolver.phrase(npStart, clauseStart + selon.end("np"), quotes)
                    .map(s -> new Attribution(cueOfPreposition(selon.group("cue")), s));
        }
        List<int[]> words = new ArrayList<>();
        Matcher w = SpeakerResolver.WORD.matcher(clause);
        while (w.find()) {
            words.add(new int[]{w.start(), w.end()});
        }
        int infinitive = -1;
        String infinitiveLemma = null;
        for (int i = words.size() - 1; i >= 0; i--) {
            String word = clause.substring(words.get(i)[0], words.get(i)[1]);
            Optional<String> lemma = i + 1 < words.size()
                    ? lexicon.cueLemma(word + " " + clause.substring(words.get(i + 1)[0], words.get(i + 1)[1]))
                    : Optional.empty();
            lemma = lemma.or(() -> lexicon.cueLemma(word));
            if (lemma.isEmpty() || i == 0 && !Character.isLowerCase(word.charAt(0))) {
                continue;
            }
            String wordBefore = i > 0 ? lexicon.lower(clause.substring(words.get(i - 1)[0], words.get(i - 1)[1])) : null;
            boolean afterPreposition = wordBefore != null && (lexicon.is(WordClass.INFINITIVE_MARKS, wordBefore)
                    || lexicon.is(WordClass.INFINITIVE_GOVERNORS, wordBefore));
            if (afterPreposition) {
                // "convaincre X de demander" may be the cue, "permettre de poursuivre" is not: only a fallback.
                if (infinitive < 0) {
                    infinitive = i;
                    infinitiveLemma = lemma.get();
                }
                continue;
            }
            String lemmaFound = lemma.get();
            return subjectBefore(clause, clauseStart, words.get(i)[0], span.open())
                    .map(s -> new Attribution(lemmaFound, s));
        }
        Matcher opening = patterns.selonOpening().matcher(clause);
        if (opening.find()) {
            int npStart = clauseStart + opening.start("np");
            return resolver.phrase(npStart, clauseStart + clause.length(), quotes)
                    .map(sp -> new Attribution(cueOfPreposition(opening.group("cue")), sp));
        }
        if (infinitive >= 0) {
            String lemmaFound = infinitiveLemma;
            return subjectBefore(clause, clauseStart, words.get(infinitive)[0], span.open())
                    .map(s -> new Attribution(lemmaFound, s));
        }
        return Optional.empty();
    }

    /** The subject of the reporting verb: the clause before it, without auxiliary and adverbs. */
    private Optional<SpeakerResolver.Speaker> subjectBefore(String clause, int clauseStart, int verbAt, int quoteOpen) {
        String head = patterns.clitics().matcher(clause.substring(0, verbAt)).replaceAll("");
        head = patterns.closingAuxiliary().matcher(head).replaceAll("");
        head = head.replaceAll("[\\s\\u00a0,]+$", "");
        Matcher relative = patterns.relativeSubject().matcher(head);
        if (relative.find()) {
            // "des représailles de l'organisation islamique, qui affirme": "qui" stands for the nearest phrase.
            return resolver.phrase(clauseStart + relative.start(1), clauseStart + relative.end(1), quotes);
        }
        Mention named = resolver.speakerMentionIn(clauseStart, clauseStart + head.length());
        // A person named in the clause wins over an emphatic pronoun ("Myriam Martinet, de la CGT, a elle relevé").
        if (named != null && named.type() == EntityType.PER) {
            return Optional.of(resolver.named(named, Confidence.NAMED));
        }
        Matcher pronoun = patterns.closingPronoun().matcher(head);
        if (pronoun.find()) {
            return Optional.of(resolver.pronoun(clauseStart + pronoun.start(1), pronoun.group(1), quoteOpen, quotes));
        }
        if (named != null) {
            return Optional.of(resolver.named(named, Confidence.NAMED));
        }
        // The subject opens the clause ("Le gouvernement malien, impuissant, a dénoncé"), after an adverbial
        // ("De son côté, le négociateur a appelé"), or stands right before the verb.
        Matcher role = patterns.roleOpening().matcher(head);
        if (!role.find()) {
            role = patterns.roleClosing().matcher(head);
            if (!role.find()) {
                return Optional.empty();
            }
        }
        return resolver.phrase(clauseStart + role.start(1), clauseStart + role.end(1), quotes);
    }

    /** From the start of the sentence (or the previous quote) to the opening mark. */
    private String clauseBefore(QuoteMarks.Span span) {
        int start = span.open();
        while (start > 0) {
            char c = text.charAt(start - 1);
            if (c == '\n' || c == '»' || c == '”' || (c == '.' || c == '!' || c == '?') && !resolver.isAbbreviation(start - 1)) {
                break;
            }
            start--;
        }
        return text.substring(start, span.open());
    }

    private String cueOfPreposition(String preposition) {
        return lexicon.lower(preposition).replace('’', '\'');
    }

    private static int wordCount(String content) {
        return (int) Arrays.stream(content.split("[\\s\\u00a0]+")).filter(s -> !s.isBlank()).count();
    }
}

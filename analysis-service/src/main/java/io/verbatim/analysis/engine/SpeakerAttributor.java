package io.verbatim.analysis.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides, for each pair of quote marks, whether it is reported speech and who said it, from the reporting clause
 * around it: after the quote with inversion (", a déclaré M. Lecornu", ", a-t-il ajouté", ", selon X"), or before
 * it ("Il a souligné « … »", "X a déclaré : « … »"). The speaker phrase is resolved to an entity of the article:
 * a name directly, a pronoun to the last speaker or person named, a role noun ("le ministre belge") to the person
 * the article introduced with that role. A quote with no clause of its own continues the previous speaker's.
 */
final class SpeakerAttributor {

    private static final String AUX = "(?:a|ont|avait|avaient|aura|aurait|auraient|avait-(?:il|elle|on)|a-t-(?:il|elle|on)"
            + "|ont-(?:ils|elles)|s['’]est|s['’]était|se sont|s['’]est-(?:il|elle))";
    private static final String ADVERBS = "(?:pour sa part|pour leur part|de son côté|de leur côté|quant à (?:lui|elle)"
            + "|(?:lui|elle) aussi|encore|également|aussi|ensuite|enfin|alors|plus tard|notamment|toutefois|cependant"
            + "|néanmoins|d['’]ailleurs|par ailleurs|simplement|aujourd['’]hui|hier|vendredi|jeudi|mercredi|mardi|lundi"
            + "|samedi|dimanche|dans un communiqué|sur (?:Twitter|X|Facebook))";
    private static final String INVERTED_PRONOUN = "-(?:t-)?(il|elle|on|ils|elles)\\b";

    /** ", a pour sa part déclaré Théo Francken" / ", a-t-il ajouté" / ", affirme-t-elle". */
    private static final Pattern AFTER_QUOTE = Pattern.compile(
            "^[\\s\\u00a0]*,?[\\s\\u00a0]*(?<aux>" + AUX + "[\\s\\u00a0]+)?(?:" + ADVERBS + ",?[\\s\\u00a0]+)*"
                    + "(?<verb>\\p{L}+(?:[\\s\\u00a0]+(?:savoir|valoir|en garde))?)(?<inv>" + INVERTED_PRONOUN + ")?"
                    + "(?<rest>.*)", Pattern.DOTALL);
    private static final Pattern AFTER_QUOTE_SELON = Pattern.compile(
            "^[\\s\\u00a0]*,?[\\s\\u00a0]*(?<cue>selon|d['’]après)[\\s\\u00a0]+(?<rest>.*)", Pattern.DOTALL);
    /** "Selon le ministre, « … »" and "Pour X, « … »". */
    private static final Pattern BEFORE_QUOTE_SELON = Pattern.compile(
            "(?:^|[\\s,])(?<cue>[Ss]elon|[Dd]['’]après|[Pp]our)[\\s\\u00a0]+(?<np>[^,«»\"“”]{2,80}?),[\\s\\u00a0]*$");
    private static final String ROLE_PHRASE = "((?:le|la|les|l['’]|un|une|des)[\\s\\u00a0]*[\\p{L}\\s\\u00a0'’-]{2,80})";
    private static final Pattern ROLE_OPENING = Pattern.compile(
            "(?i)^[\\s\\u00a0]*(?:(?:de son côté|de leur côté|pour sa part|par ailleurs|ensuite|enfin|alors),[\\s\\u00a0]*)?"
                    + ROLE_PHRASE);
    private static final Pattern ROLE_CLOSING = Pattern.compile("(?i)(?:^|[\\s,])" + ROLE_PHRASE + "$");
    /** "Selon X, …" opening the sentence that leads to the quote. */
    private static final Pattern SELON_OPENING = Pattern.compile(
            "^[\\s\\u00a0]*(?<cue>[Ss]elon|[Dd]['’]après)[\\s\\u00a0]+(?<np>[^,«»\"“”]{2,80}),");
    /** A reporting verb after these is an infinitive complement ("permettre de poursuivre"), not the cue. */
    private static final Set<String> INFINITIVE_MARKERS = Set.of("de", "d'", "d’", "à", "pour", "sans", "va", "vont");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}]+)*['’]?");
    private static final Pattern CREDIT_LINE = Pattern.compile(
            "(?:\\b(?:AFP|Reuters|AP|Photo|Crédit)\\b[^\\n]{0,40})$|^(?:Photo|Illustration)\\b");
    private static final Set<String> NP_STOP_WORDS = Set.of("lors", "après", "avant", "devant", "pendant", "dans",
            "sur", "en", "à", "au", "aux", "qui", "dont", "que", "qu'", "qu’", "lundi", "mardi", "mercredi", "jeudi",
            "vendredi", "samedi", "dimanche", "hier", "mais", "et", "car", "selon", "avec", "alors", "puis", "parce");
    /**
     * What speaks for an organisation, folded: its kind ("le syndicat") or its voice ("a indiqué la direction",
     * "ajoute le documentaire").
     */
    private static final Set<String> ORGANISATION_VOICES = Stream.concat(FrenchWords.ORGANISATION_NOUNS.stream(),
                    Stream.of("direction", "documentaire", "reportage", "rapport", "étude", "communiqué", "enquête",
                            "émission"))
            .map(FrenchWords::fold).collect(Collectors.toUnmodifiableSet());
    /** Between two quotes of one sentence: a coordination ("», et à «") or a present participle ("» évoquant des «"). */
    private static final Pattern SAME_SENTENCE_LINK = Pattern.compile(
            "[\\s\\u00a0]*,?[\\s\\u00a0]*(?:(?:et|puis|ou|mais aussi|ainsi que)(?:[\\s\\u00a0]+(?:à|de|d['’]))?"
                    + "|(?<verb>\\p{Ll}+ant)(?:[\\s\\u00a0]+[\\p{Ll}'’]+){0,3})[\\s\\u00a0]*");
    private static final Pattern RELATIVE_SUBJECT = Pattern.compile(
            "(?i).*(?:^|[\\s,])((?:le|la|les|l['’])[\\s\\u00a0]*[\\p{L}\\s\\u00a0'’-]{2,60}?)[\\s\\u00a0,]+qui$");
    private static final Set<String> UNNAMED_OPENERS = Set.of("un", "une", "des", "plusieurs", "certains",
            "certaines", "nombre", "d'autres", "d’autres");

    private final String text;
    private final List<Token> tokens;
    private final List<Entity> entities;
    private final List<Mention> mentions;
    private final Lexicon lexicon;
    private final SpeechSyntax syntax;
    private final List<Quote> quotes = new ArrayList<>();
    private int lastSpeaker = -1;
    private final Map<Integer, Character> genders = new HashMap<>();
    /** Opening marks of the quotes attributed by a clause after them (", a précisé X"). */
    private final Set<Integer> attributedAfter = new HashSet<>();

    SpeakerAttributor(String text, List<Token> tokens, List<Entity> entities, List<Mention> mentions,
                      Lexicon lexicon, SpeechSyntax syntax) {
        this.text = text;
        this.tokens = tokens;
        this.entities = entities;
        this.mentions = mentions;
        this.lexicon = lexicon;
        this.syntax = syntax;
    }

    /** A speaker phrase found in the text, resolved or not. */
    record Speaker(int entity, Quote.SpeakerMention mention, String descriptor, double confidence) {
    }

    private record Attribution(String cue, Speaker speaker) {
    }

    /** ", dit-il," / ", a-t-elle ajouté," / ", poursuit Jean Dupont," inside the marks: the quote is cut in two. */
    private static final Pattern INCISE = Pattern.compile(
            ",[\\s\\u00a0]*(?<aux>" + AUX + "[\\s\\u00a0]+)?(?<verb>\\p{Ll}+)(?<inv>" + INVERTED_PRONOUN
                    + ")?(?<np>[\\s\\u00a0]+[^,«»]{2,60}?)?[\\s\\u00a0]*,");

    List<Quote> attribute(List<QuoteMarks.Span> spans) {
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
                    || BEFORE_QUOTE_SELON.matcher(before).find();
            // The tree first: the reporting verb the quote depends on and its subject. The character rules
            // stay for sentences the parser leaves out or gets wrong (no reporting verb found).
            Optional<SpeechSyntax.Report> report = syntax.reportOf(span.start(), span.end());
            Optional<Attribution> syntactic = report.flatMap(r -> speakerOf(r.source(), span.open())
                    .map(s -> new Attribution(r.cue(), s)));
            Optional<Attribution> clauseAfter = syntactic.isPresent() ? Optional.empty() : after(span);
            if (clauseAfter.isPresent() || syntactic.isPresent() && report.get().verbStart() > span.close()) {
                attributedAfter.add(span.open());
            }
            Attribution attribution = syntactic.or(() -> clauseAfter).or(() -> before(before, span)).orElse(null);
            QuoteType type = opensUtterance ? QuoteType.DIRECT : QuoteType.MIXED;
            if (attribution == null && previous != null && lastSpeakerQuote() != null) {
                // "a indiqué « vouloir … », et à « embaucher … »", "« … » évoquant des « refus … »": the same
                // speaker's words go on in the same sentence.
                Quote last = lastSpeakerQuote();
                Matcher link = SAME_SENTENCE_LINK.matcher(text.substring(previous.close() + 1, span.open()));
                if (link.matches()) {
                    String cue = link.group("verb") == null ? last.cue() : lexicon.cueLemma(link.group("verb")).orElse(null);
                    if (link.group("verb") == null || cue != null) {
                        quotes.add(new Quote(span.start(), span.end(), content, type, cue, last.speaker(),
                                last.speakerMention(), last.speakerDescriptor(), 0.6));
                        previous = span;
                        continue;
                    }
                }
            }
            if (attribution == null) {
                if (previous != null && continuesPrevious(previous, span) && lastSpeakerQuote() != null) {
                    Quote last = lastSpeakerQuote();
                    quotes.add(new Quote(span.start(), span.end(), content, QuoteType.DIRECT, null, last.speaker(),
                            last.speakerMention(), last.speakerDescriptor(), 0.6));
                    previous = span;
                } else if (isUnattributedSpeech(span, content, opensUtterance)) {
                    Optional<SpeechSyntax.Report> subject = syntax.sentenceSubject(span.start(), span.end());
                    Speaker speaker = subject.flatMap(r -> speakerOf(r.source(), span.open()))
                            .filter(sp -> sp.entity() >= 0).orElse(null);
                    if (speaker == null) {
                        quotes.add(new Quote(span.start(), span.end(), content, type, null, -1, null, null, 0.3));
                    } else {
                        quotes.add(new Quote(span.start(), span.end(), content, type, subject.get().cue(),
                                speaker.entity(), speaker.mention(), speaker.descriptor(), 0.5));
                    }
                    previous = span;
                }
                continue;
            }
            Speaker speaker = attribution.speaker();
            quotes.add(new Quote(span.start(), span.end(), content, type, attribution.cue(), speaker.entity(),
                    speaker.mention(), speaker.descriptor(), speaker.confidence()));
            if (speaker.entity() >= 0) {
                lastSpeaker = speaker.entity();
            }
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

    /** A quoted name or title: after a naming word, short or without a verb. */
    private boolean isNamed(QuoteMarks.Span span, String content) {
        return lexicon.isNamingWord(wordsBefore(span.open(), 1)) && (wordCount(content) < SpeechSyntax.FRAGMENT_WORDS
                || !syntax.hasVerb(span.start(), span.end()));
    }

    /** Up to {@code count} lower-case words before an offset, in the same sentence. */
    private List<String> wordsBefore(int offset, int count) {
        List<String> words = new ArrayList<>();
        int at = Math.max(0, offset - 80);
        Matcher w = WORD.matcher(text).region(at, offset);
        while (w.find()) {
            words.add(FrenchWords.lower(text.substring(w.start(), w.end())));
        }
        return words.subList(Math.max(0, words.size() - count), words.size());
    }

    private boolean splitAtIncise(QuoteMarks.Span span) {
        Matcher m = INCISE.matcher(text).region(span.start(), span.end());
        while (m.find()) {
            Optional<String> lemma = lexicon.cueLemma(m.group("verb"));
            String pronoun = invertedPronoun(m.group("aux"), m.group("inv"));
            if (lemma.isEmpty() || pronoun == null && m.group("np") == null) {
                continue;
            }
            Speaker speaker;
            if (pronoun != null) {
                int at = m.group("inv") != null ? m.start("inv") + m.group("inv").lastIndexOf('-') + 1 : m.start("aux");
                speaker = pronounSpeaker(at, pronoun, span.open());
            } else {
                Optional<Speaker> named = resolvePhrase(m.start("np"), m.end("np"));
                if (named.isEmpty()) {
                    continue;
                }
                speaker = named.get();
            }
            addPart(span.start(), m.start(), lemma.get(), speaker);
            addPart(m.end(), span.end(), lemma.get(), speaker);
            if (speaker.entity() >= 0) {
                lastSpeaker = speaker.entity();
            }
            return true;
        }
        return false;
    }

    private void addPart(int start, int end, String cue, Speaker speaker) {
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
        Matcher selon = AFTER_QUOTE_SELON.matcher(rest);
        if (selon.find()) {
            int npStart = from + selon.start("rest");
            return resolvePhrase(npStart, from + rest.length())
                    .map(s -> new Attribution(cueOfPreposition(selon.group("cue")), s));
        }
        Matcher m = AFTER_QUOTE.matcher(rest);
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
            return Optional.of(new Attribution(lemma.get(), pronounSpeaker(at, pronoun, span.open())));
        }
        int npStart = from + m.start("rest");
        return resolvePhrase(npStart, from + rest.length()).map(s -> new Attribution(lemma.get(), s));
    }

    private static String invertedPronoun(String aux, String inverted) {
        String source = inverted != null ? inverted : aux;
        if (source == null) {
            return null;
        }
        Matcher m = Pattern.compile(INVERTED_PRONOUN).matcher(source);
        return m.find() ? m.group(1) : null;
    }

    // ---- clause before the quote: "X a déclaré : « … »", "Il a souligné « … »" ----

    private Optional<Attribution> before(String clause, QuoteMarks.Span span) {
        int clauseStart = span.open() - clause.length();
        Matcher selon = BEFORE_QUOTE_SELON.matcher(clause);
        if (selon.find()) {
            int npStart = clauseStart + selon.start("np");
            return resolvePhrase(npStart, clauseStart + selon.end("np"))
                    .map(s -> new Attribution(cueOfPreposition(selon.group("cue")), s));
        }
        List<int[]> words = new ArrayList<>();
        Matcher w = WORD.matcher(clause);
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
            boolean afterPreposition = i > 0 && INFINITIVE_MARKERS.contains(
                    FrenchWords.lower(clause.substring(words.get(i - 1)[0], words.get(i - 1)[1])));
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
        Matcher opening = SELON_OPENING.matcher(clause);
        if (opening.find()) {
            int npStart = clauseStart + opening.start("np");
            return resolvePhrase(npStart, clauseStart + clause.length())
                    .map(sp -> new Attribution(cueOfPreposition(opening.group("cue")), sp));
        }
        if (infinitive >= 0) {
            String lemmaFound = infinitiveLemma;
            return subjectBefore(clause, clauseStart, words.get(infinitive)[0], span.open())
                    .map(s -> new Attribution(lemmaFound, s));
        }
        return Optional.empty();
    }

    /** The speaker that a source found in the tree designates: a pronoun resolved, else the phrase. */
    Optional<Speaker> speakerOf(SpeechSyntax.Source source, int quoteOpen) {
        if (source.pronoun() != null) {
            return Optional.of(pronounSpeaker(source.end() - source.pronoun().length(), source.pronoun(), quoteOpen));
        }
        int from = source.coreStart();
        int to = source.coreEnd();
        while (from < to && QuoteMarks.isSpace(text.charAt(from))) {
            from++;
        }
        if (to <= from) {
            return Optional.empty();
        }
        Mention named = speakerMentionIn(from, to);
        if (named == null) {
            // "le rapport du BEA", "la direction de Renault": an organisation speaks through its voice, named in
            // the complement; "un porte-parole de la police" names nobody.
            Mention inComplement = speakerMentionIn(source.start(), source.end());
            List<String> head = contentWords(text.substring(from, to));
            boolean voice = !head.isEmpty() && ORGANISATION_VOICES.contains(head.get(0))
                    && !UNNAMED_OPENERS.contains(FrenchWords.lower(text.substring(from, to).split("[\\s\\u00a0]+")[0]));
            if (inComplement != null && (inComplement.type() == EntityType.PER || voice)) {
                named = inComplement;
            }
        }
        if (named == null) {
            // "Bruxelles a salué", "Washington estime": a place that is the whole subject speaks for its government.
            named = placeExactly(from, to);
        }
        if (named != null) {
            return Optional.of(named(named, 0.9));
        }
        int phraseStart = Math.min(from, source.start());
        return resolvePhrase(from, to).map(speaker -> speaker.entity() >= 0 ? speaker
                // Nobody named: the whole phrase says who spoke ("un porte-parole de la police").
                : new Speaker(-1, new Quote.SpeakerMention(phraseStart, source.end(),
                        text.substring(phraseStart, source.end())), descriptorText(text.substring(phraseStart,
                        source.end())), speaker.confidence()));
    }

    private Mention placeExactly(int from, int to) {
        for (Mention m : mentions) {
            if (m.type() == EntityType.LOC && m.start() == from && m.end() == to) {
                return m;
            }
        }
        return null;
    }

    private Mention personAt(int offset) {
        return mentions.stream().filter(m -> m.start() == offset && m.type() == EntityType.PER).findFirst().orElse(null);
    }

    /** The subject of the reporting verb: the clause before it, without auxiliary and adverbs. */
    private Optional<Speaker> subjectBefore(String clause, int clauseStart, int verbAt, int quoteOpen) {
        String head = clause.substring(0, verbAt)
                .replaceAll("(?i)(?:[\\s\\u00a0,]+(?:" + ADVERBS + "|" + AUX + "|ne|n['’]|lui|leur|y|en|se|s['’]))+[\\s\\u00a0,]*$", "")
                .replaceAll("(?i)(?:^|[\\s\\u00a0,]+)(?:" + AUX + ")[\\s\\u00a0,]*$", "");
        head = head.replaceAll("[\\s\\u00a0,]+$", "");
        Matcher relative = RELATIVE_SUBJECT.matcher(head);
        if (relative.find()) {
            // "des représailles de l'organisation islamique, qui affirme": "qui" stands for the nearest phrase.
            return resolvePhrase(clauseStart + relative.start(1), clauseStart + relative.end(1));
        }
        Mention named = speakerMentionIn(clauseStart, clauseStart + head.length());
        // A person named in the clause wins over an emphatic pronoun ("Myriam Martinet, de la CGT, a elle relevé").
        if (named != null && named.type() == EntityType.PER) {
            return Optional.of(named(named, 0.9));
        }
        Matcher pronoun = Pattern.compile("(?i)(?:^|[\\s,])(il|elle|ils|elles)$").matcher(head);
        if (pronoun.find()) {
            return Optional.of(pronounSpeaker(clauseStart + pronoun.start(1), pronoun.group(1), quoteOpen));
        }
        if (named != null) {
            return Optional.of(named(named, 0.9));
        }
        // The subject opens the clause ("Le gouvernement malien, impuissant, a dénoncé"), after an adverbial
        // ("De son côté, le négociateur a appelé"), or stands right before the verb.
        Matcher role = ROLE_OPENING.matcher(head);
        if (!role.find()) {
            role = ROLE_CLOSING.matcher(head);
            if (!role.find()) {
                return Optional.empty();
            }
        }
        return resolvePhrase(clauseStart + role.start(1), clauseStart + role.end(1));
    }

    /** From the start of the sentence (or the previous quote) to the opening mark. */
    private String clauseBefore(QuoteMarks.Span span) {
        int start = span.open();
        while (start > 0) {
            char c = text.charAt(start - 1);
            if (c == '\n' || c == '»' || c == '”' || (c == '.' || c == '!' || c == '?') && !isAbbreviation(start - 1)) {
                break;
            }
            start--;
        }
        return text.substring(start, span.open());
    }

    private boolean isAbbreviation(int dot) {
        int s = dot;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        String word = text.substring(s, dot + 1).toLowerCase(Locale.FRENCH);
        return FrenchWords.TITLES.contains(word) || dot - s == 1 && Character.isUpperCase(text.charAt(s));
    }

    // ---- resolving a speaker phrase ----

    /** A name, a pronoun or a role phrase starting at {@code from}; ends at punctuation or an adjunct. */
    private Optional<Speaker> resolvePhrase(int from, int limit) {
        while (from < limit && QuoteMarks.isSpace(text.charAt(from))) {
            from++;
        }
        int end = from;
        Matcher w = WORD.matcher(text).region(from, limit);
        int words = 0;
        while (w.find() && w.start() <= end + 2) {
            String word = FrenchWords.lower(text.substring(w.start(), w.end()));
            if (words > 0 && NP_STOP_WORDS.contains(word) || words >= 10) {
                break;
            }
            end = w.end();
            words++;
            if (end < limit && ",;:.!?()«»\"".indexOf(text.charAt(end)) >= 0
                    && !(text.charAt(end) == '.' && isAbbreviation(end))) {
                break;
            }
        }
        if (end <= from) {
            return Optional.empty();
        }
        String phrase = text.substring(from, end);
        String first = FrenchWords.lower(phrase.split("[\\s\\u00a0]+")[0]);
        if (FrenchWords.SUBJECT_PRONOUNS.contains(first)) {
            return Optional.of(pronounSpeaker(from, first, from));
        }
        Mention named = speakerMentionIn(from, end);
        if (named == null || named.type() != EntityType.PER) {
            // "un jeune manifestant, Abdel Nasser": the role phrase is followed by the name in apposition.
            Matcher apposition = Pattern.compile("^,[\\s\\u00a0]*").matcher(text.substring(end, Math.min(limit, end + 3)));
            if (apposition.find()) {
                int nameAt = end + apposition.end();
                Mention person = personAt(nameAt);
                Mention organisation = mentions.stream()
                        .filter(m -> m.start() == nameAt && m.type() == EntityType.ORG).findFirst().orElse(null);
                // "la fédération des banques, Febelfin": a person, else an organisation, in apposition.
                named = person != null ? person : named != null ? named : organisation;
            }
        }
        return Optional.of(named != null ? named(named, 0.9) : roleSpeaker(from, end, phrase));
    }

    /**
     * The speaker named in a phrase: a person before an organisation ("le directeur du CNRS, Jean Dupont"),
     * else the first organisation.
     */
    Mention speakerMentionIn(int from, int to) {
        Mention organisation = null;
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) {
                if (m.type() == EntityType.PER) {
                    return m;
                }
                if (m.type() == EntityType.ORG && organisation == null) {
                    organisation = m;
                }
            }
        }
        return organisation;
    }

    private Speaker named(Mention m, double confidence) {
        int start = m.start();
        // Keep the title in the speaker mention: it is how the article designates the speaker.
        Matcher title = Pattern.compile("(?:M\\.|Mme|Mlle|MM\\.|Dr|Pr|Me)[\\s\\u00a0]+$")
                .matcher(text.substring(Math.max(0, start - 6), start));
        if (title.find()) {
            start = Math.max(0, start - 6) + title.start();
        }
        return new Speaker(m.entity(), new Quote.SpeakerMention(start, m.end(), text.substring(start, m.end())),
                entities.get(m.entity()).descriptor(), confidence);
    }

    /**
     * "il" / "elle": the last speaker if there is one, else the person the text has named most so far: the subject
     * of a story outweighs a person named once in passing. When the last speaker is an organisation, a person
     * named since its quote comes first ("Le syndicat dénonce « … ». Sa déléguée, Odile Marchand, … a-t-elle dit").
     */
    private Speaker pronounSpeaker(int at, String pronoun, int before) {
        Quote.SpeakerMention mention = new Quote.SpeakerMention(at, at + pronoun.length(), text.substring(at, at + pronoun.length()));
        int entity = lastSpeaker >= 0 ? lastSpeaker : mostNamedBetween(0, before, EntityType.PER);
        if (entity >= 0 && entities.get(entity).type() != EntityType.PER && lastSpeakerQuote() != null) {
            int personSince = mostNamedBetween(lastSpeakerQuote().end(), before, EntityType.PER);
            entity = personSince >= 0 ? personSince : entity;
        }
        char gender = FrenchWords.lower(pronoun).startsWith("elle") ? 'f' : 'm';
        if (entity >= 0 && entities.get(entity).type() == EntityType.PER && genderOf(entity) != '?'
                && genderOf(entity) != gender) {
            // "elle" after a man's words: the last woman named before the pronoun.
            int agreeing = lastPersonOfGender(before, gender);
            entity = agreeing >= 0 ? agreeing : entity;
        }
        String descriptor = entity >= 0 ? entities.get(entity).descriptor() : null;
        return new Speaker(entity, mention, descriptor, entity >= 0 ? 0.75 : 0.3);
    }

    /**
     * A person's grammatical gender, 'm', 'f' or '?': a title before one of their mentions ("Mme Vasseur"),
     * else their first name.
     */
    private char genderOf(int entity) {
        return genders.computeIfAbsent(entity, e -> {
            for (Mention m : mentions) {
                if (m.entity() == e) {
                    String before = FrenchWords.lower(text.substring(Math.max(0, m.start() - 10), m.start()).strip());
                    if (before.endsWith("mme") || before.endsWith("madame") || before.endsWith("mlle")) {
                        return 'f';
                    }
                    if (before.endsWith("m.") || before.endsWith("monsieur")) {
                        return 'm';
                    }
                }
            }
            String name = entities.get(e).name();
            return lexicon.genderOfFirstName(name.split("[\\s\\u00a0]+")[0]);
        });
    }

    private int lastPersonOfGender(int before, char gender) {
        int found = -1;
        for (Mention m : mentions) {
            if (m.start() < before && m.type() == EntityType.PER && genderOf(m.entity()) == gender) {
                found = m.entity();
            }
        }
        return found;
    }

    /** The entity of a type named most often between two offsets (outside photo captions), the latest on a tie. */
    private int mostNamedBetween(int from, int before, EntityType type) {
        int entity = -1;
        Map<Integer, Integer> timesNamed = new HashMap<>();
        for (Mention m : mentions) {
            if (m.start() >= from && m.start() < before && m.type() == type && !inCaption(m.start())) {
                int times = timesNamed.merge(m.entity(), 1, Integer::sum);
                if (entity < 0 || times >= timesNamed.get(entity)) {
                    entity = m.entity();
                }
            }
        }
        return entity;
    }

    /** "le ministre belge": the person whose descriptor has all these words, best the same head noun. */
    private Speaker roleSpeaker(int from, int end, String phrase) {
        Quote.SpeakerMention mention = new Quote.SpeakerMention(from, end, phrase);
        List<String> words = contentWords(phrase);
        String opener = FrenchWords.lower(phrase.split("[\\s\\u00a0]+")[0]);
        if (words.isEmpty() || UNNAMED_OPENERS.contains(opener)) {
            return new Speaker(-1, mention, descriptorText(phrase), 0.5);
        }
        if (ORGANISATION_VOICES.contains(words.get(0))) {
            // "le syndicat", "la fédération", "la direction": the organisation the article is about so far.
            int organisation = mostNamedBetween(0, from, EntityType.ORG);
            if (organisation >= 0) {
                return new Speaker(organisation, mention, descriptorText(phrase), 0.7);
            }
        }
        int best = -1;
        int bestScore = 0;
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            Set<String> known = roleWords(i);
            if (known.isEmpty() || !known.containsAll(words)) {
                continue;
            }
            List<String> own = e.descriptor() == null ? List.of() : contentWords(e.descriptor());
            int score = 2 + (own.isEmpty() || !own.get(0).equals(words.get(0)) ? 0 : 2) + (i == lastSpeaker ? 1 : 0);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (best < 0) {
            return new Speaker(-1, mention, descriptorText(phrase), 0.4);
        }
        return new Speaker(best, mention, entities.get(best).descriptor(), 0.75);
    }

    /**
     * The words a person can be designated by: their descriptor, and for "son homologue belge" the role of the
     * person they are the counterpart of (so "le ministre belge" finds them). Organisations by their name.
     */
    private Set<String> roleWords(int entity) {
        Entity e = entities.get(entity);
        Set<String> words = new LinkedHashSet<>();
        if (e.type() == EntityType.ORG) {
            words.addAll(contentWords(e.name()));
            return words;
        }
        if (e.descriptor() == null) {
            return words;
        }
        List<String> own = contentWords(e.descriptor());
        words.addAll(own);
        if (!own.isEmpty() && own.get(0).equals("homologue")) {
            for (Entity other : entities) {
                if (other != e && other.descriptor() != null && !contentWords(other.descriptor()).isEmpty()
                        && !contentWords(other.descriptor()).get(0).equals("homologue")) {
                    words.add(contentWords(other.descriptor()).get(0));
                    break;
                }
            }
        }
        return words;
    }

    private static List<String> contentWords(String phrase) {
        List<String> words = new ArrayList<>();
        for (String word : FrenchWords.fold(phrase).split("[^\\p{L}\\p{N}-]+")) {
            if (!word.isEmpty() && !FrenchWords.DETERMINERS.contains(word) && !Set.of("l", "d", "de", "des", "du")
                    .contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static String descriptorText(String phrase) {
        return phrase.strip();
    }

    private boolean inCaption(int offset) {
        int start = text.lastIndexOf('\n', offset) + 1;
        int end = text.indexOf('\n', offset);
        String paragraph = text.substring(start, end < 0 ? text.length() : end).strip();
        return CREDIT_LINE.matcher(paragraph).find();
    }

    private static String cueOfPreposition(String preposition) {
        return FrenchWords.lower(preposition).replace('’', '\'');
    }

    private static int wordCount(String content) {
        return (int) Arrays.stream(content.split("[\\s\\u00a0]+")).filter(s -> !s.isBlank()).count();
    }
}

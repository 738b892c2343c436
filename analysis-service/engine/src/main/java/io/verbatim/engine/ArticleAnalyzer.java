package io.verbatim.engine;

import io.verbatim.engine.attribution.IndirectSpeech;
import io.verbatim.engine.attribution.SpeakerAttributor;
import io.verbatim.engine.attribution.SpeakerRanker;
import io.verbatim.engine.coreference.Chains;
import io.verbatim.engine.coreference.Coreference;
import io.verbatim.engine.coreference.SpeakerResolver;
import io.verbatim.engine.entities.EntityRecognizer;
import io.verbatim.engine.entities.EntityResolver;
import io.verbatim.engine.lang.Language;
import io.verbatim.engine.lang.WordClass;
import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.Mention;
import io.verbatim.engine.model.Quote;
import io.verbatim.engine.quotes.QuoteMarks;
import io.verbatim.engine.syntax.LanguageToolkit;
import io.verbatim.engine.syntax.ParsedSentence;
import io.verbatim.engine.quotes.SpeechSyntax;
import io.verbatim.engine.syntax.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The engine, as stages over one text, each taking the previous stages' results:
 * <ol>
 *   <li>syntax: tokens, sentences and entity classes (the language's toolkit), then part-of-speech tags and
 *   dependency trees of the sentences that can hold speech (on demand);</li>
 *   <li>entities: mentions ({@link EntityRecognizer}, which asks for the tags of sentences naming an institution),
 *   then entities resolved within the article ({@link EntityResolver});</li>
 *   <li>coreference: the entities as chains of their names, pronouns and descriptions ({@link Coreference});</li>
 *   <li>quotes and the rules' attribution: quote marks ({@link QuoteMarks}) and their reporting clauses
 *   ({@link SpeakerAttributor}: the trees first), reported speech without marks ({@link IndirectSpeech}), each
 *   source phrase resolved by {@link SpeakerResolver};</li>
 *   <li>attribution: each quote's speaker ranked among the context's candidates ({@link SpeakerRanker}, with the
 *   weights learned for the language; the rules decide alone for a language without them).</li>
 * </ol>
 * A plain library: no Kafka, no database; thread-safe once built.
 */
public final class ArticleAnalyzer {

    /** How many words after a reporting verb may come before the "que" or infinitive of what it reports. */
    private static final int REPORT_WINDOW = 7;

    private final String version;
    private final LanguageToolkit toolkit;
    private final Lexicon lexicon;
    private final EntityResolver resolver;
    private final Map<String, Double> rankerWeights;
    /** The source prepositions as the tokenizer splits them ("d'", "après"), in lower case with a straight apostrophe. */
    private final List<String[]> sourcePrepositions;

    /** An analyzer of a language, its models loaded (seconds): build one and share it. */
    public ArticleAnalyzer(Language language) {
        this(language.analyzerVersion(), language.loadToolkit(), language.lexicon());
    }

    /** An analyzer over a given toolkit (tests of the rules use a tokenizer alone). */
    public ArticleAnalyzer(String version, LanguageToolkit toolkit, Lexicon lexicon) {
        this.version = version;
        this.toolkit = toolkit;
        this.lexicon = lexicon;
        this.resolver = new EntityResolver(lexicon);
        this.rankerWeights = lexicon.rankerWeights();
        this.sourcePrepositions = lexicon.words(WordClass.SOURCE_PREPOSITIONS).stream()
                .map(p -> Arrays.stream(p.split("(?<=['’])|\\s+")).map(w -> lexicon.lower(w).replace('’', '\''))
                        .toArray(String[]::new)).toList();
    }

    /** Stored with each article it analyses; it moves whenever what the engine finds in the language changes. */
    public String version() {
        return version;
    }

    /**
     * What the engine found, with the chains of mentions and each quote's candidate speakers as the ranker saw
     * them (the evaluation trains and inspects the ranker on these).
     */
    public record Detail(Analysis analysis, Chains chains, List<SpeakerRanker.Case> cases) {
    }

    public Analysis analyze(String text) {
        return analyzeInDetail(text).analysis();
    }

    public Detail analyzeInDetail(String text) {
        LanguageToolkit.Tokenized tokenized = toolkit.tokenize(text);
        stopIfAbandoned();
        List<QuoteMarks.Span> quoteMarks = QuoteMarks.find(text);
        BitSet withSpeech = sentencesWithSpeech(tokenized.tokens());
        List<ParsedSentence> parsed = toolkit.parse(tokenized, withSpeech, longQuotations(text, quoteMarks));
        SpeechSyntax syntax = new SpeechSyntax(text, parsed, lexicon);
        stopIfAbandoned();
        // The rule steps keep per-article state: a new instance for each article keeps the analyzer thread-safe.
        EntityRecognizer recognizer = new EntityRecognizer(lexicon);
        List<Token> tokens = toolkit.tag(tokenized, recognizer.sentencesToTag(tokenized.tokens()));
        List<Mention> mentions = recognizer.recognize(text, tokens);
        stopIfAbandoned();
        EntityResolver.Resolution resolution = resolver.resolve(text, tokens, mentions);
        stopIfAbandoned();
        Chains chains = new Coreference(text, tokens, resolution.entities(), resolution.mentions(), parsed, lexicon).resolve();
        stopIfAbandoned();
        SpeakerResolver speakers = new SpeakerResolver(text, resolution.entities(), resolution.mentions(), lexicon, chains);
        List<Quote> quotes = new ArrayList<>(new SpeakerAttributor(text, speakers, lexicon, syntax).attribute(quoteMarks));
        stopIfAbandoned();
        quotes.addAll(new IndirectSpeech(text, syntax, speakers).find(quotes));
        quotes.sort(Comparator.comparingInt(Quote::start));
        List<SpeakerRanker.Case> cases = new SpeakerRanker(text, tokens, resolution.entities(), chains, lexicon).cases(quotes);
        if (!rankerWeights.isEmpty()) {
            quotes = SpeakerRanker.pick(cases, rankerWeights, resolution.entities(), chains);
        }
        return new Detail(new Analysis(resolution.entities(), resolution.mentions(), quotes, tokens.size(), version),
                chains, cases);
    }

    /**
     * The service abandons an analysis that outlives its time budget by interrupting its thread; the check
     * between steps keeps an abandoned analysis from using a core for longer than one step.
     */
    private static void stopIfAbandoned() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("analysis abandoned: its thread was interrupted");
        }
    }

    /** Quotations long enough to be sentences: the parser needs to know only where they attach. */
    private static List<int[]> longQuotations(String text, List<QuoteMarks.Span> marks) {
        List<int[]> quotations = new ArrayList<>();
        for (QuoteMarks.Span span : marks) {
            if (!span.isEmpty() && SpeechSyntax.wordCount(text.substring(span.start(), span.end())) >= SpeechSyntax.FRAGMENT_WORDS) {
                quotations.add(new int[]{span.start(), span.end()});
            }
        }
        return quotations;
    }

    /**
     * Sentences that can hold speech: a quote mark, a source preposition ("selon", "d'après", an opening
     * "Pour"), or a reporting verb with what reports speech after it ("que", or an infinitive for the verbs that
     * report with one) or an inverted subject before it (", a indiqué X"). Parsing costs more than everything else, so only these are parsed.
     */
    private BitSet sentencesWithSpeech(List<Token> tokens) {
        BitSet chosen = new BitSet();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!chosen.get(token.sentence()) && signalsSpeech(tokens, i)) {
                chosen.set(token.sentence());
            }
        }
        return chosen;
    }

    private boolean signalsSpeech(List<Token> tokens, int i) {
        String word = lexicon.lower(tokens.get(i).text());
        if (QuoteMarks.containsMark(word)) {
            return true;
        }
        boolean opensSentence = i == 0 || tokens.get(i - 1).sentence() != tokens.get(i).sentence();
        if (opensSource(tokens, i) || lexicon.is(WordClass.OPINION_PREPOSITIONS, word) && opensSentence) {
            return true;
        }
        // A reporting verb, or the first word of one of several ("fait savoir", "met en garde").
        String nextWord = i + 1 < tokens.size() ? lexicon.lower(tokens.get(i + 1).text()) : "";
        if (!lexicon.isCueForm(word) && !lexicon.isCueForm(word + " " + nextWord)) {
            return false;
        }
        if (lexicon.morphology().reportsWithoutComplementizer()) {
            return true; // "said he would": nothing after the verb needs to announce the clause
        }
        // ", a déclaré", ", a-t-on appris": a comma right before the verb, its auxiliary and its inverted subject.
        int before = i - 1;
        while (before > 0 && before >= i - 3 && !tokens.get(before).text().equals(",")
                && (lexicon.is(WordClass.AUXILIARIES, lexicon.lower(tokens.get(before).text()))
                || lexicon.morphology().invertedSubject(lexicon.lower(tokens.get(before).text())) != null)) {
            before--;
        }
        if (before >= 0 && tokens.get(before).text().equals(",")
                || i > 0 && (tokens.get(i - 1).text().equals(",") || i > 1 && tokens.get(i - 2).text().equals(","))) {
            return true;
        }
        for (int j = i + 1; j < Math.min(tokens.size(), i + REPORT_WINDOW); j++) {
            String next = lexicon.lower(tokens.get(j).text());
            if (tokens.get(j).sentence() != tokens.get(i).sentence() || next.equals(".")) {
                break;
            }
            if (lexicon.is(WordClass.COMPLEMENTIZERS, next)
                    || lexicon.is(WordClass.INFINITIVE_REPORT_STARTS, next) && reportsInfinitive(word)) {
                return true;
            }
        }
        return false;
    }

    /** Does a source preposition ("selon", "d'après", as the tokenizer splits it) end at token {@code i}? */
    private boolean opensSource(List<Token> tokens, int i) {
        for (String[] words : sourcePrepositions) {
            if (words.length > i + 1) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < words.length && all; k++) {
                all = lexicon.lower(tokens.get(i - words.length + 1 + k).text()).replace('’', '\'').equals(words[k]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Does this reporting verb form report with an infinitive ("a promis de", not "a noté des")? */
    private boolean reportsInfinitive(String form) {
        return lexicon.cueLemma(form).map(lexicon::reportsInfinitive).orElse(false);
    }
}

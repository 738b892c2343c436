package io.verbatim.analysis.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The engine, as stages over one text, each taking the previous stages' results:
 * <ol>
 *   <li>tokens, sentences and entity classes (the toolkit);</li>
 *   <li>dependency trees of the sentences that can hold speech (the toolkit, on demand);</li>
 *   <li>entity mentions ({@link EntityRecognizer}), then entities resolved within the article ({@link EntityResolver});</li>
 *   <li>quote marks ({@link QuoteMarks}) and their speakers ({@link SpeakerAttributor}, from the trees first);</li>
 *   <li>reported speech without marks ({@link IndirectSpeech}).</li>
 * </ol>
 * A plain library: no Kafka, no database; thread-safe once built.
 */
public final class ArticleAnalyzer {

    /** Words that make a sentence worth parsing besides quote marks and reporting verbs. */
    private static final Set<String> SOURCE_WORDS = Set.of("selon", "après", "pour");

    private final LanguageToolkit toolkit;
    private final Lexicon lexicon;
    private final EntityResolver resolver;

    public ArticleAnalyzer(LanguageToolkit toolkit, Lexicon lexicon) {
        this.toolkit = toolkit;
        this.lexicon = lexicon;
        this.resolver = new EntityResolver(lexicon);
    }

    public Analysis analyze(String text) {
        LanguageToolkit.Tokenized tokenized = toolkit.tokenize(text);
        List<Token> tokens = tokenized.tokens();
        stopIfAbandoned();
        SpeechSyntax syntax = new SpeechSyntax(toolkit.parse(tokenized, sentencesWithSpeech(text, tokens)), lexicon);
        stopIfAbandoned();
        // The rule steps keep per-article state: a new instance for each article keeps the analyzer thread-safe.
        List<Mention> mentions = new EntityRecognizer().recognize(text, tokens);
        stopIfAbandoned();
        EntityResolver.Resolution resolution = resolver.resolve(text, tokens, mentions);
        stopIfAbandoned();
        SpeakerAttributor speakers = new SpeakerAttributor(text, tokens, resolution.entities(), resolution.mentions(),
                lexicon, syntax);
        List<Quote> quotes = new ArrayList<>(speakers.attribute(QuoteMarks.find(text)));
        stopIfAbandoned();
        quotes.addAll(new IndirectSpeech(text, syntax, speakers).find(quotes));
        quotes.sort(Comparator.comparingInt(Quote::start));
        return new Analysis(resolution.entities(), resolution.mentions(), quotes, tokens.size());
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

    /** Sentences with a quote mark, a reporting verb's form or a source preposition ("selon"). */
    private BitSet sentencesWithSpeech(String text, List<Token> tokens) {
        BitSet chosen = new BitSet();
        for (Token token : tokens) {
            String word = FrenchWords.lower(token.text());
            if (chosen.get(token.sentence())) {
                continue;
            }
            if (QuoteMarks.containsMark(word) || lexicon.isCueForm(word) || SOURCE_WORDS.contains(word)) {
                chosen.set(token.sentence());
            }
        }
        return chosen;
    }
}

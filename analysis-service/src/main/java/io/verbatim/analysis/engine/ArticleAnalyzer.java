package io.verbatim.analysis.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The engine: tokens and entity classes from CoreNLP, then the rules of this package, each a step over the
 * same text — entities, their resolution within the article, quotes and their speakers.
 * A plain library: no Kafka, no database; thread-safe once built.
 */
public final class ArticleAnalyzer {

    private final CoreNlpFrench coreNlp;
    private final EntityResolver resolver = new EntityResolver();

    public ArticleAnalyzer(CoreNlpFrench coreNlp) {
        this.coreNlp = coreNlp;
    }

    public Analysis analyze(String text) {
        List<Token> tokens = coreNlp.tokenize(text);
        stopIfAbandoned();
        // The rule steps keep per-article state: a new instance for each article keeps the analyzer thread-safe.
        List<Mention> mentions = new EntityRecognizer().recognize(text, tokens);
        stopIfAbandoned();
        EntityResolver.Resolution resolution = resolver.resolve(text, tokens, mentions);
        stopIfAbandoned();
        SpeakerAttributor speakers = new SpeakerAttributor(text, tokens, resolution.entities(), resolution.mentions());
        List<Quote> quotes = new ArrayList<>(speakers.attribute(QuoteMarks.find(text)));
        stopIfAbandoned();
        quotes.addAll(new IndirectSpeech(text, tokens, speakers).find(quotes));
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
}

package io.verbatim.analysis.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        // The rule steps keep per-article state: a new instance for each article keeps the analyzer thread-safe.
        List<Mention> mentions = new EntityRecognizer().recognize(text, tokens);
        EntityResolver.Resolution resolution = resolver.resolve(text, tokens, mentions);
        SpeakerAttributor speakers = new SpeakerAttributor(text, tokens, resolution.entities(), resolution.mentions());
        List<Quote> quotes = new ArrayList<>(speakers.attribute(QuoteMarks.find(text)));
        quotes.addAll(new IndirectSpeech(text, tokens, speakers).find(quotes));
        quotes.sort(Comparator.comparingInt(Quote::start));
        return new Analysis(resolution.entities(), resolution.mentions(), quotes, tokens.size());
    }
}

package io.verbatim.engine.evaluation;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.QuoteAttributionAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import io.verbatim.engine.ArticleAnalyzer;
import io.verbatim.engine.Languages;
import io.verbatim.engine.lang.en.CoreNlpEnglish;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.Quote;
import io.verbatim.engine.model.QuoteType;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code evaluate.sh --polnear DIR --split dev}: the English engine and, in the same run on the same texts,
 * CoreNLP's own quote attribution (its {@code quote} annotator with {@code quoteattribution}: Muzny et al., "A
 * Two-stage Sieve Approach for Quote Attribution", EACL 2017), scored alike on PolNeAR's attributions with a
 * speech cue ({@link PolNear#isSpeech}) by {@link AttributionScore}.
 */
final class PolNearEvaluation {

    private PolNearEvaluation() {
    }

    static void run(Path root, String split) throws IOException {
        List<PolNear.Article> articles = PolNear.read(root, split);
        long speech = articles.stream().flatMap(a -> a.attributions().stream()).filter(PolNear.Attribution::speech).count();
        long attributions = articles.stream().mapToLong(a -> a.attributions().size()).sum();
        System.out.printf("PolNeAR %s: %d articles, %d attributions, %d with a speech cue%n", split, articles.size(),
                attributions, speech);
        for (QuoteType type : QuoteType.values()) {
            System.out.printf("  %-9s %d%n", type.name().toLowerCase(java.util.Locale.ROOT), articles.stream()
                    .flatMap(a -> a.attributions().stream()).filter(a -> a.speech() && a.type() == type).count());
        }

        ArticleAnalyzer engine = new ArticleAnalyzer(Languages.require("en"));
        AttributionScore ours = new AttributionScore();
        long tokens = 0;
        long nanos = 0;
        // The analysing thread's own CPU time: on a machine whose cores are shared, wall time also counts the others.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuNanos = 0;
        for (PolNear.Article article : articles) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            Analysis analysis = engine.analyze(article.text());
            cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
            nanos += System.nanoTime() - start;
            tokens += analysis.tokenCount();
            ours.add(article, analysis.quotes().stream().map(PolNearEvaluation::found).toList());
        }
        ours.print(String.format("engine (%s): %d tokens in %.1f s (%.1f s of its thread's CPU), %.0f tokens per "
                + "CPU second of one thread", engine.version(), tokens, nanos / 1e9, cpuNanos / 1e9,
                tokens / (cpuNanos / 1e9)));

        StanfordCoreNLP corenlp = new StanfordCoreNLP(baselineProperties());
        AttributionScore baseline = new AttributionScore();
        for (PolNear.Article article : articles) {
            baseline.add(article, quoteAttribution(corenlp, article.text()));
        }
        baseline.print("CoreNLP quote + quoteattribution (with its statistical coreference)");
    }

    private static AttributionScore.Found found(Quote quote) {
        Quote.SpeakerMention mention = quote.speakerMention();
        return new AttributionScore.Found(quote.start(), quote.end(),
                mention == null ? -1 : mention.start(), mention == null ? -1 : mention.end());
    }

    /**
     * The engine's English pipeline settings (tokenizer, tagger, entities, UD parser) with what CoreNLP's quote
     * attribution reads after them: entity mentions, lemmas, and the coreference chains of its statistical
     * coreference (Clark and Manning, EMNLP 2015), which its sieves use to name a pronoun's speaker.
     */
    private static Properties baselineProperties() {
        Properties props = CoreNlpEnglish.properties("tokenize,ssplit,pos,lemma,ner,depparse,coref,quote");
        props.setProperty("ner.buildEntityMentions", "true");
        props.setProperty("coref.algorithm", "statistical");
        return props;
    }

    /**
     * CoreNLP's quotes (the marks left out of the span: the engine's spans are inside them) and the mention its
     * sieves chose as each one's speaker. It finds quotes in marks only.
     */
    private static List<AttributionScore.Found> quoteAttribution(StanfordCoreNLP corenlp, String text) {
        Annotation document = new Annotation(text);
        corenlp.annotate(document);
        List<CoreLabel> tokens = document.get(CoreAnnotations.TokensAnnotation.class);
        List<AttributionScore.Found> found = new ArrayList<>();
        List<CoreMap> quotes = document.get(CoreAnnotations.QuotationsAnnotation.class);
        for (CoreMap quote : quotes == null ? List.<CoreMap>of() : quotes) {
            int start = quote.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = quote.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            while (start < end && "“\"'‘ ".indexOf(text.charAt(start)) >= 0) {
                start++;
            }
            while (end > start && "”\"'’ ".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            Integer first = quote.get(QuoteAttributionAnnotator.MentionBeginAnnotation.class);
            Integer last = quote.get(QuoteAttributionAnnotator.MentionEndAnnotation.class);
            boolean named = first != null && last != null && first >= 0 && last < tokens.size();
            found.add(new AttributionScore.Found(start, end,
                    named ? tokens.get(first).beginPosition() : -1, named ? tokens.get(last).endPosition() : -1));
        }
        return found;
    }
}

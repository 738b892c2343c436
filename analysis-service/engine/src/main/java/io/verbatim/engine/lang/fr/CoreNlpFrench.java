package io.verbatim.engine.lang.fr;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.AnnotationPipeline;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.verbatim.engine.lang.corenlp.CoreNlpToolkit;

import java.util.Properties;
import java.util.function.ToIntFunction;

/**
 * Stanford CoreNLP's French models: tokenizer, sentence splitter and CRF entity tagger (WikiNER, 4 classes) for
 * every text; the UD part-of-speech tagger and the neural dependency parser (UD French) only for the sentences
 * the rules ask about. Multi-word tokens ("du" → "de le") are needed by the taggers, then folded back into the
 * words of the text for the tokens (the parse keeps both words).
 */
public final class CoreNlpFrench extends CoreNlpToolkit {

    static final String NER_MODEL = "edu/stanford/nlp/models/ner/french-wikiner-4class.crf.ser.gz";
    static final String POS_MODEL = "edu/stanford/nlp/models/pos-tagger/french-ud.tagger";
    static final String PARSER_MODEL = "edu/stanford/nlp/models/parser/nndep/UD_French.gz";

    public CoreNlpFrench() {
        this(true);
    }

    /** @param withEntities false for a tokenizer only (tests of the rules that need no model) */
    public CoreNlpFrench(boolean withEntities) {
        super(pipeline(withEntities), withEntities ? POS_MODEL : null, PARSER_MODEL, "cela", "PRON");
    }

    /**
     * CoreNLP's tokenizer, our multi-word step, CoreNLP's entity tagger: CoreNLP would load a custom annotator by
     * reflection, which Quarkus's class loaders do not allow.
     */
    private static AnnotationPipeline pipeline(boolean withEntities) {
        AnnotationPipeline pipeline = new AnnotationPipeline();
        pipeline.addAnnotator(new StanfordCoreNLP(properties("tokenize,ssplit")));
        pipeline.addAnnotator(new FrenchMultiWordTokens(properties("")));
        if (withEntities) {
            pipeline.addAnnotator(new StanfordCoreNLP(properties("ner"), false));
        }
        return pipeline;
    }

    /** The French tagger writes universal tags already. */
    @Override
    protected String universalTag(String taggerTag, String word) {
        return taggerTag;
    }

    static Properties properties(String annotators) {
        Properties props = new Properties();
        props.setProperty("annotators", annotators);
        props.setProperty("tokenize.language", "fr");
        // A line break in an article body ends a paragraph, so a sentence too (photo captions, headings, lists).
        props.setProperty("ssplit.newlineIsSentenceBreak", "always");
        props.setProperty("mwt.mappingFile", "edu/stanford/nlp/models/mwt/french/french-mwt.tsv");
        props.setProperty("mwt.pos.model", "edu/stanford/nlp/models/mwt/french/french-mwt.tagger");
        props.setProperty("mwt.statisticalMappingFile", "edu/stanford/nlp/models/mwt/french/french-mwt-statistical.tsv");
        props.setProperty("mwt.preserveCasing", "false");
        props.setProperty("ner.model", NER_MODEL);
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        // Memory per sentence grows with its length in the taggers, and a body with no sentence end is one
        // sentence: longer ones are left untagged (no statistical multi-word split, no tags, no entities) rather
        // than exhausting the heap.
        props.setProperty("mwt.pos.maxlen", Integer.toString(MAX_TAGGED_SENTENCE_TOKENS));
        props.setProperty("ner.maxlen", Integer.toString(MAX_TAGGED_SENTENCE_TOKENS));
        return props;
    }

    /**
     * The benchmark's baseline: bare CoreNLP French tokenize and entities (no POS, no parse, no rules of ours),
     * with CoreNLP's own multi-word token step. CoreNLP shares the loaded models between pipelines with the same
     * settings.
     */
    public static ToIntFunction<String> baseline() {
        StanfordCoreNLP bare = new StanfordCoreNLP(properties("tokenize,ssplit,mwt,ner"));
        return text -> {
            Annotation document = new Annotation(text);
            bare.annotate(document);
            return document.get(CoreAnnotations.TokensAnnotation.class).size();
        };
    }
}

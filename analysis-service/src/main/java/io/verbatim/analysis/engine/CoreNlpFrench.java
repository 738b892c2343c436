package io.verbatim.analysis.engine;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP's French tokenizer, sentence splitter and CRF entity tagger (WikiNER, 4 classes).
 * Multi-word tokens ("du" → "de le") are needed by the tagger, then folded back into the words of the text.
 * Loading takes seconds and most of the heap: build one and share it (annotation is thread-safe).
 */
public final class CoreNlpFrench {

    static final String NER_MODEL = "edu/stanford/nlp/models/ner/french-wikiner-4class.crf.ser.gz";
    /** Far above any real sentence of news (a long one has about 100 tokens). */
    static final int MAX_TAGGED_SENTENCE_TOKENS = 500;

    private final StanfordCoreNLP pipeline;

    public CoreNlpFrench() {
        this(true);
    }

    /** @param withEntities false for a tokenizer only (tests of the rules that need no model) */
    public CoreNlpFrench(boolean withEntities) {
        Properties props = new Properties();
        props.setProperty("annotators", withEntities ? "tokenize,ssplit,mwt,ner" : "tokenize,ssplit,mwt");
        props.setProperty("tokenize.language", "fr");
        props.setProperty("mwt.mappingFile", "edu/stanford/nlp/models/mwt/french/french-mwt.tsv");
        props.setProperty("mwt.pos.model", "edu/stanford/nlp/models/mwt/french/french-mwt.tagger");
        props.setProperty("mwt.statisticalMappingFile", "edu/stanford/nlp/models/mwt/french/french-mwt-statistical.tsv");
        props.setProperty("mwt.preserveCasing", "false");
        props.setProperty("ner.model", NER_MODEL);
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        // Memory per sentence grows with its length in both taggers, and a body with no sentence end is one
        // sentence: longer ones are left untagged (no statistical multi-word split, no entities) rather than
        // exhausting the heap.
        props.setProperty("mwt.pos.maxlen", Integer.toString(MAX_TAGGED_SENTENCE_TOKENS));
        props.setProperty("ner.maxlen", Integer.toString(MAX_TAGGED_SENTENCE_TOKENS));
        pipeline = new StanfordCoreNLP(props);
    }

    /** CoreNLP alone, without this engine's steps: the baseline of the benchmark. Returns the token count. */
    public int annotateOnly(String text) {
        Annotation document = new Annotation(text);
        pipeline.annotate(document);
        return document.get(CoreAnnotations.TokensAnnotation.class).size();
    }

    public List<Token> tokenize(String text) {
        Annotation document = new Annotation(text);
        pipeline.annotate(document);
        List<Token> tokens = new ArrayList<>();
        int sentenceIndex = 0;
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            Token previous = null;
            for (CoreLabel label : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
                int start = label.beginPosition();
                int end = label.endPosition();
                EntityType type = entityType(label.ner());
                if (previous != null && previous.start() == start && previous.end() == end) {
                    // Second half of a multi-word token: same word of the text.
                    if (previous.nerClass() == null && type != null) {
                        tokens.set(tokens.size() - 1, previous = new Token(previous.text(), start, end, sentenceIndex, type));
                    }
                    continue;
                }
                previous = new Token(text.substring(start, end), start, end, sentenceIndex, type);
                tokens.add(previous);
            }
            sentenceIndex++;
        }
        return tokens;
    }

    private static EntityType entityType(String tag) {
        if (tag == null || tag.equals("O")) {
            return null;
        }
        String bare = tag.startsWith("I-") || tag.startsWith("B-") ? tag.substring(2) : tag;
        try {
            return EntityType.valueOf(bare);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

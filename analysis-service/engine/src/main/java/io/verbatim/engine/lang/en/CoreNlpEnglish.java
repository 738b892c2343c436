package io.verbatim.engine.lang.en;

import edu.stanford.nlp.pipeline.AnnotationPipeline;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.verbatim.engine.lang.corenlp.CoreNlpToolkit;

import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Stanford CoreNLP's English models: the PTB tokenizer, sentence splitter and CRF entity tagger (CoNLL 2003, 4
 * classes, distributional similarity features) for every text; the left-to-right part-of-speech tagger
 * (english-left3words-distsim, Penn Treebank tags) and the neural dependency parser trained on UD English (which
 * reads those tags) only for the sentences the rules ask about. The rules read universal tags: the Penn tags are
 * mapped to them (de Marneffe et al., "Universal Stanford Dependencies", and the UD English guidelines' table).
 */
public final class CoreNlpEnglish extends CoreNlpToolkit {

    static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    static final String POS_MODEL = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
    static final String PARSER_MODEL = "edu/stanford/nlp/models/parser/nndep/english_UD.gz";

    /** Penn Treebank tags and their universal counterparts; verbs and auxiliaries are told apart by their word. */
    private static final Map<String, String> UNIVERSAL = Map.ofEntries(
            Map.entry("NN", "NOUN"), Map.entry("NNS", "NOUN"), Map.entry("NNP", "PROPN"), Map.entry("NNPS", "PROPN"),
            Map.entry("PRP", "PRON"), Map.entry("PRP$", "PRON"), Map.entry("WP", "PRON"), Map.entry("WP$", "PRON"),
            Map.entry("EX", "PRON"), Map.entry("DT", "DET"), Map.entry("PDT", "DET"), Map.entry("WDT", "DET"),
            Map.entry("JJ", "ADJ"), Map.entry("JJR", "ADJ"), Map.entry("JJS", "ADJ"), Map.entry("RB", "ADV"),
            Map.entry("RBR", "ADV"), Map.entry("RBS", "ADV"), Map.entry("WRB", "ADV"), Map.entry("IN", "ADP"),
            Map.entry("TO", "PART"), Map.entry("RP", "ADP"), Map.entry("POS", "PART"), Map.entry("CC", "CCONJ"),
            Map.entry("CD", "NUM"), Map.entry("MD", "AUX"), Map.entry("UH", "INTJ"), Map.entry("FW", "X"),
            Map.entry("LS", "X"), Map.entry("SYM", "SYM"), Map.entry("$", "SYM"), Map.entry("#", "SYM"));
    /** Forms of the auxiliaries: tagged as verbs by the Penn tagger, as auxiliaries by UD. */
    private static final Set<String> AUXILIARIES = Set.of("be", "am", "is", "are", "was", "were", "been", "being",
            "'s", "'re", "'m", "have", "has", "had", "having", "'ve", "'d", "do", "does", "did");

    public CoreNlpEnglish() {
        this(true);
    }

    /** @param withEntities false for a tokenizer only (tests of the rules that need no model) */
    public CoreNlpEnglish(boolean withEntities) {
        super(pipeline(withEntities), withEntities ? POS_MODEL : null, PARSER_MODEL, "go", "VB");
    }

    private static AnnotationPipeline pipeline(boolean withEntities) {
        AnnotationPipeline pipeline = new AnnotationPipeline();
        pipeline.addAnnotator(new StanfordCoreNLP(properties("tokenize,ssplit")));
        if (withEntities) {
            pipeline.addAnnotator(new StanfordCoreNLP(properties("ner"), false));
        }
        return pipeline;
    }

    @Override
    protected String universalTag(String taggerTag, String word) {
        if (taggerTag.startsWith("VB")) {
            return AUXILIARIES.contains(word.toLowerCase(java.util.Locale.ENGLISH)) ? "AUX" : "VERB";
        }
        String universal = UNIVERSAL.get(taggerTag);
        if (universal != null) {
            return universal;
        }
        // Punctuation: . , : `` '' -LRB- -RRB- and the like.
        return "PUNCT";
    }

    /** The settings of the English pipeline, also the evaluation's baseline's (with its own annotators). */
    public static Properties properties(String annotators) {
        Properties props = new Properties();
        props.setProperty("annotators", annotators);
        props.setProperty("tokenize.language", "en");
        // A line break in an article body ends a paragraph, so a sentence too (photo captions, headings, lists).
        props.setProperty("ssplit.newlineIsSentenceBreak", "always");
        props.setProperty("pos.model", POS_MODEL);
        props.setProperty("depparse.model", PARSER_MODEL);
        props.setProperty("ner.model", NER_MODEL);
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        // As in French: longer "sentences" are left untagged rather than exhausting the heap.
        props.setProperty("ner.maxlen", Integer.toString(MAX_TAGGED_SENTENCE_TOKENS));
        props.setProperty("pos.maxlen", Integer.toString(MAX_TAGGED_SENTENCE_TOKENS));
        return props;
    }
}

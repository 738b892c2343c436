package io.verbatim.analysis.engine;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Stanford CoreNLP's French models: tokenizer, sentence splitter, UD part-of-speech tagger and CRF entity tagger
 * (WikiNER, 4 classes) for every text; the neural dependency parser (UD French) only for the sentences the rules
 * ask about. Multi-word tokens ("du" → "de le") are needed by the taggers, then folded back into the words
 * of the text for the tokens (the parse keeps both words).
 * Loading takes seconds and most of the heap: build one and share it (annotation is thread-safe).
 */
public final class CoreNlpFrench implements LanguageToolkit {

    static final String NER_MODEL = "edu/stanford/nlp/models/ner/french-wikiner-4class.crf.ser.gz";
    /** Far above any real sentence of news (a long one has about 100 tokens). */
    static final int MAX_TAGGED_SENTENCE_TOKENS = 500;
    static final String POS_MODEL = "edu/stanford/nlp/models/pos-tagger/french-ud.tagger";
    static final String PARSER_MODEL = "edu/stanford/nlp/models/parser/nndep/UD_French.gz";
    /**
     * Longer "sentences" are not parsed: no news sentence is that long, and parsing costs memory and time that
     * grow with the length (a hostile text can be one sentence of a megabyte).
     */
    static final int MAX_PARSED_WORDS = 120;
    /** What an opaque span is parsed as: a pronoun the parser attaches as the quotation would be. */
    private static final String OPAQUE_WORD = "cela";

    private final StanfordCoreNLP pipeline;
    /** The parser itself, not its pipeline annotator: that one also derives (English) enhanced graphs we never read. */
    private final NeuralDependencyParser parser;

    public CoreNlpFrench() {
        this(true);
    }

    /** @param withEntities false for a tokenizer only (tests of the rules that need no model) */
    public CoreNlpFrench(boolean withEntities) {
        pipeline = new StanfordCoreNLP(properties(withEntities ? "tokenize,ssplit,mwt,pos,ner" : "tokenize,ssplit,mwt"));
        parser = withEntities ? new NeuralDependencyParser(PARSER_MODEL) : null;
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
        props.setProperty("pos.model", POS_MODEL);
        props.setProperty("pos.maxlen", Integer.toString(MAX_TAGGED_SENTENCE_TOKENS));
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
     * The benchmark's baseline: bare CoreNLP French tokenize and entities (no POS, no parse, no rules of ours).
     * CoreNLP shares the loaded models between pipelines with the same settings.
     */
    public static ToIntFunction<String> baseline() {
        StanfordCoreNLP bare = new StanfordCoreNLP(properties("tokenize,ssplit,mwt,ner"));
        return text -> {
            Annotation document = new Annotation(text);
            bare.annotate(document);
            return document.get(CoreAnnotations.TokensAnnotation.class).size();
        };
    }

    /** CoreNLP's sentences kept with the tokens, so that the chosen ones can be parsed later. */
    private record Document(List<Token> tokens, List<CoreMap> sentences) implements Tokenized {
    }

    @Override
    public Tokenized tokenize(String text) {
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
                        tokens.set(tokens.size() - 1, previous = new Token(previous.text(), start, end, sentenceIndex,
                                type, previous.pos()));
                    }
                    continue;
                }
                previous = new Token(text.substring(start, end), start, end, sentenceIndex, type,
                        label.tag() == null ? "X" : label.tag());
                tokens.add(previous);
            }
            sentenceIndex++;
        }
        return new Document(tokens, document.get(CoreAnnotations.SentencesAnnotation.class));
    }

    @Override
    public List<ParsedSentence> parse(Tokenized tokenized, BitSet chosen, List<int[]> opaqueSpans) {
        if (parser == null) {
            return List.of();
        }
        Document document = (Document) tokenized;
        TreeMap<Integer, int[]> opaque = new TreeMap<>();
        opaqueSpans.forEach(span -> opaque.put(span[0], span));
        List<CoreMap> sentences = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = chosen.nextSetBit(0); i >= 0 && i < document.sentences().size(); i = chosen.nextSetBit(i + 1)) {
            CoreMap sentence = withOpaqueSpans(document.sentences().get(i), opaque);
            if (sentence.get(CoreAnnotations.TokensAnnotation.class).size() <= MAX_PARSED_WORDS) {
                sentences.add(sentence);
                numbers.add(i);
            }
        }
        if (sentences.isEmpty()) {
            return List.of();
        }
        List<ParsedSentence> parsed = new ArrayList<>();
        for (int n = 0; n < sentences.size(); n++) {
            parsed.add(toParsedSentence(numbers.get(n), sentences.get(n), parser.parse(sentences.get(n))));
        }
        return parsed;
    }

    /** A copy of the sentence to parse, each opaque span's words replaced by one pronoun with its offsets. */
    private static CoreMap withOpaqueSpans(CoreMap sentence, TreeMap<Integer, int[]> opaqueSpans) {
        List<CoreLabel> words = new ArrayList<>();
        int[] open = null;
        for (CoreLabel label : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
            int[] span = spanHolding(opaqueSpans, label);
            if (span != null && span == open) {
                CoreLabel placeholder = words.get(words.size() - 1);
                placeholder.setEndPosition(label.endPosition());
                continue;
            }
            open = span;
            CoreLabel word = new CoreLabel(label);
            if (span != null) {
                word.setWord(OPAQUE_WORD);
                word.setValue(OPAQUE_WORD);
                word.setOriginalText(OPAQUE_WORD);
                word.setTag("PRON");
            }
            word.setIndex(words.size() + 1);
            words.add(word);
        }
        CoreMap copy = new ArrayCoreMap(sentence);
        copy.set(CoreAnnotations.TokensAnnotation.class, words);
        return copy;
    }

    /** The opaque span holding a word (spans do not overlap: the last one starting at or before it). */
    private static int[] spanHolding(TreeMap<Integer, int[]> spans, CoreLabel label) {
        Map.Entry<Integer, int[]> candidate = spans.floorEntry(label.beginPosition());
        return candidate != null && label.endPosition() <= candidate.getValue()[1] ? candidate.getValue() : null;
    }

    private static ParsedSentence toParsedSentence(int number, CoreMap sentence, NeuralDependencyParser.Tree tree) {
        List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
        List<ParsedSentence.Word> words = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            CoreLabel label = labels.get(i);
            words.add(new ParsedSentence.Word(i, label.word(), label.beginPosition(), label.endPosition(),
                    label.tag() == null ? "X" : label.tag(), tree.heads()[i], tree.relations()[i]));
        }
        return new ParsedSentence(number, words);
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

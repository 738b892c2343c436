package io.verbatim.engine.lang.corenlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.AnnotationPipeline;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import io.verbatim.engine.model.EntityType;
import io.verbatim.engine.syntax.LanguageToolkit;
import io.verbatim.engine.syntax.NeuralDependencyParser;
import io.verbatim.engine.syntax.ParsedSentence;
import io.verbatim.engine.syntax.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every CoreNLP language adapter does alike: the text annotated in pieces by the language's pipeline
 * (tokenizer, sentence splitter, whatever splits words, CRF entity tagger), then CoreNLP's maximum-entropy
 * part-of-speech tagger and our copy of its neural dependency parser on the sentences the rules ask about, each
 * opaque span parsed as one pronoun. A language gives its pipeline, its models, the pronoun an opaque span is
 * parsed as, and how its tagger's tags read as universal ones.
 * Loading takes seconds and most of the heap: build one and share it (annotation is thread-safe).
 */
public abstract class CoreNlpToolkit implements LanguageToolkit {

    /** Far above any real sentence of news (a long one has about 100 tokens). */
    public static final int MAX_TAGGED_SENTENCE_TOKENS = 500;
    /**
     * Longer "sentences" are not parsed: no news sentence is that long, and parsing costs memory and time that
     * grow with the length (a hostile text can be one sentence of a megabyte).
     */
    public static final int MAX_PARSED_WORDS = 120;
    /**
     * Longest piece of text annotated at once: CoreNLP holds about a kilobyte per token while it annotates, so a
     * megabyte of text annotated whole would take hundreds of megabytes of heap.
     */
    public static final int MAX_PIECE_CHARS = 20_000;

    private final AnnotationPipeline pipeline;
    private final MaxentTagger tagger;
    /** The parser itself, not its pipeline annotator: that one also derives (English) enhanced graphs we never read. */
    private final NeuralDependencyParser parser;
    /** What an opaque span is parsed as, with its tag as the tagger writes it: a pronoun attached as the quotation would be. */
    private final String opaqueWord;
    private final String opaqueTag;

    /**
     * @param pipeline  tokenizer, sentence splitter and, with models, the entity tagger
     * @param posModel  the tagger's model, or null for a tokenizer only (tests of the rules that need no model)
     * @param parserModel the dependency parser's model, read with tags as the tagger writes them
     */
    protected CoreNlpToolkit(AnnotationPipeline pipeline, String posModel, String parserModel, String opaqueWord,
                             String opaqueTag) {
        this.pipeline = pipeline;
        this.tagger = posModel == null ? null : new MaxentTagger(posModel);
        this.parser = posModel == null ? null : new NeuralDependencyParser(parserModel);
        this.opaqueWord = opaqueWord;
        this.opaqueTag = opaqueTag;
    }

    /** The universal part-of-speech tag of a word its tagger tagged so (the same tag for a tagger of UD tags). */
    protected abstract String universalTag(String taggerTag, String word);

    /** The words of each sentence as the taggers read them, kept with the tokens to tag and parse chosen ones later. */
    private record Document(List<Token> tokens, List<Words> sentences) implements Tokenized {
    }

    /**
     * A sentence's words as the taggers read them (after a multi-word split, "du" → "de", "le"), with their offsets
     * in the text and, once the sentence is tagged, their tagger's tags (null before); {@code firstToken} is the
     * index of its first token. A few arrays instead of CoreNLP's labels, which take about a kilobyte per word.
     */
    private record Words(String[] words, String[] tags, int[] begins, int[] ends, int firstToken) {

        boolean isTagged() {
            return words.length == 0 || tags[0] != null;
        }
    }

    @Override
    public Tokenized tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        List<Words> sentences = new ArrayList<>();
        for (int start = 0, end; start < text.length(); start = end) {
            end = pieceEnd(text, start);
            Annotation piece = new Annotation(text.substring(start, end));
            pipeline.annotate(piece);
            for (CoreMap sentence : piece.get(CoreAnnotations.SentencesAnnotation.class)) {
                sentences.add(addTokens(text, start, sentence.get(CoreAnnotations.TokensAnnotation.class),
                        sentences.size(), tokens));
            }
        }
        return new Document(tokens, sentences);
    }

    /**
     * Where the piece of text annotated from {@code start} ends: the whole rest if it is short enough, otherwise
     * after its last line break (a line break ends a sentence anyway), or, in a paragraph longer than any in the
     * news, after its last sentence end or space.
     */
    public static int pieceEnd(String text, int start) {
        int limit = start + MAX_PIECE_CHARS;
        if (limit >= text.length()) {
            return text.length();
        }
        int lineBreak = text.lastIndexOf('\n', limit - 1);
        if (lineBreak >= start) {
            return lineBreak + 1;
        }
        int space = -1;
        for (int i = limit - 1; i > start; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                if (".!?".indexOf(text.charAt(i - 1)) >= 0) {
                    return i + 1;
                }
                space = space < 0 ? i + 1 : space;
            }
        }
        // No space at all: cut anywhere but inside a surrogate pair.
        return space > 0 ? space : Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    /** Adds the tokens of one annotated sentence of the piece at {@code offset}; returns its words for parsing. */
    private static Words addTokens(String text, int offset, List<CoreLabel> labels, int sentenceIndex,
                                   List<Token> tokens) {
        Words words = new Words(new String[labels.size()], new String[labels.size()], new int[labels.size()],
                new int[labels.size()], tokens.size());
        Token previous = null;
        for (int i = 0; i < labels.size(); i++) {
            CoreLabel label = labels.get(i);
            int start = offset + label.beginPosition();
            int end = offset + label.endPosition();
            words.begins()[i] = start;
            words.ends()[i] = end;
            EntityType type = entityType(label.ner());
            if (previous != null && previous.start() == start && previous.end() == end) {
                // Second half of a multi-word token: same word of the text.
                words.words()[i] = label.word();
                if (previous.nerClass() == null && type != null) {
                    tokens.set(tokens.size() - 1, previous = new Token(previous.text(), start, end, sentenceIndex,
                            type, null));
                }
                continue;
            }
            previous = new Token(text.substring(start, end), start, end, sentenceIndex, type, null);
            // The same string as the token's when the word is the text (no multi-word split).
            words.words()[i] = label.word().equals(previous.text()) ? previous.text() : label.word();
            tokens.add(previous);
        }
        return words;
    }

    @Override
    public List<Token> tag(Tokenized tokenized, BitSet chosen) {
        Document document = (Document) tokenized;
        List<Token> tokens = document.tokens();
        if (tagger == null) {
            return tokens; // a tokenizer only: no tags
        }
        for (int i = chosen.nextSetBit(0); i >= 0 && i < document.sentences().size(); i = chosen.nextSetBit(i + 1)) {
            Words sentence = document.sentences().get(i);
            if (sentence.isTagged()) {
                continue;
            }
            tag(sentence);
            // A token is a word of the text: a multi-word token ("du") takes the tag of its first word.
            int token = sentence.firstToken() - 1;
            for (int w = 0; w < sentence.words().length; w++) {
                if (w > 0 && sentence.begins()[w] == sentence.begins()[w - 1]
                        && sentence.ends()[w] == sentence.ends()[w - 1]) {
                    continue;
                }
                Token t = tokens.get(++token);
                tokens.set(token, new Token(t.text(), t.start(), t.end(), t.sentence(), t.nerClass(),
                        universal(sentence.tags()[w], sentence.words()[w])));
            }
        }
        return tokens;
    }

    /** "X" (a sentence too long to tag) stays "X" in every tag set. */
    private String universal(String taggerTag, String word) {
        return taggerTag.equals("X") ? taggerTag : universalTag(taggerTag, word);
    }

    /** Tags a sentence's words in place ("X" for all when it is longer than any sentence of news). */
    private void tag(Words sentence) {
        if (sentence.words().length > MAX_TAGGED_SENTENCE_TOKENS) {
            Arrays.fill(sentence.tags(), "X");
            return;
        }
        List<CoreLabel> words = new ArrayList<>(sentence.words().length);
        for (String word : sentence.words()) {
            CoreLabel label = new CoreLabel();
            label.setWord(word);
            label.setValue(word);
            words.add(label);
        }
        List<TaggedWord> tagged = tagger.tagSentence(words, false);
        for (int w = 0; w < tagged.size(); w++) {
            sentence.tags()[w] = tagged.get(w).tag().intern();
        }
    }

    @Override
    public List<ParsedSentence> parse(Tokenized tokenized, BitSet chosen, List<int[]> opaqueSpans) {
        if (parser == null) {
            return List.of();
        }
        Document document = (Document) tokenized;
        tag(tokenized, chosen);
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
        List<NeuralDependencyParser.Tree> trees = parser.parse(sentences);
        List<ParsedSentence> parsed = new ArrayList<>();
        for (int n = 0; n < sentences.size(); n++) {
            parsed.add(toParsedSentence(numbers.get(n), sentences.get(n), trees.get(n)));
        }
        return parsed;
    }

    /** The sentence to parse, as CoreNLP's labels, each opaque span's words replaced by one pronoun with its offsets. */
    private CoreMap withOpaqueSpans(Words sentence, TreeMap<Integer, int[]> opaqueSpans) {
        List<CoreLabel> words = new ArrayList<>();
        int[] open = null;
        for (int i = 0; i < sentence.words().length; i++) {
            int[] span = spanHolding(opaqueSpans, sentence.begins()[i], sentence.ends()[i]);
            if (span != null && span == open) {
                CoreLabel placeholder = words.get(words.size() - 1);
                placeholder.setEndPosition(sentence.ends()[i]);
                continue;
            }
            open = span;
            CoreLabel word = new CoreLabel();
            String text = span != null ? opaqueWord : sentence.words()[i];
            word.setWord(text);
            word.setValue(text);
            word.setTag(span != null ? opaqueTag : sentence.tags()[i]);
            word.setBeginPosition(sentence.begins()[i]);
            word.setEndPosition(sentence.ends()[i]);
            word.setIndex(words.size() + 1);
            words.add(word);
        }
        CoreMap copy = new ArrayCoreMap();
        copy.set(CoreAnnotations.TokensAnnotation.class, words);
        return copy;
    }

    /** The opaque span holding a word (spans do not overlap: the last one starting at or before it). */
    private static int[] spanHolding(TreeMap<Integer, int[]> spans, int begin, int end) {
        Map.Entry<Integer, int[]> candidate = spans.floorEntry(begin);
        return candidate != null && end <= candidate.getValue()[1] ? candidate.getValue() : null;
    }

    private ParsedSentence toParsedSentence(int number, CoreMap sentence, NeuralDependencyParser.Tree tree) {
        List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
        List<ParsedSentence.Word> words = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            CoreLabel label = labels.get(i);
            words.add(new ParsedSentence.Word(i, label.word(), label.beginPosition(), label.endPosition(),
                    label.tag() == null ? "X" : universal(label.tag(), label.word()), tree.heads()[i],
                    tree.relations()[i]));
        }
        return new ParsedSentence(number, words);
    }

    private static EntityType entityType(String tag) {
        if (tag == null || tag.equals("O")) {
            return null;
        }
        String bare = tag.startsWith("I-") || tag.startsWith("B-") ? tag.substring(2) : tag;
        // CoNLL's English classes are spelled out.
        bare = switch (bare) {
            case "PERSON" -> "PER";
            case "ORGANIZATION" -> "ORG";
            case "LOCATION" -> "LOC";
            default -> bare;
        };
        try {
            return EntityType.valueOf(bare);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

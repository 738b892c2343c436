package io.verbatim.engine.lang.fr;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.MWTAnnotator;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.RuntimeInterruptedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * CoreNLP's multi-word token split for French ({@link MWTAnnotator}: "du" → "de le", "aux" → "à les", and "des" →
 * "de les" when its tagger reads a preposition with an article rather than an article), with the same models
 * and the same tokens, but the tagger runs only on the sentences that hold an ambiguous form. CoreNLP tags
 * every sentence for that one decision: a seventh of the engine's time, though only a third of the words of
 * news are in sentences with a "des". The tags decide nothing else and are not kept, as in CoreNLP.
 * <p>
 * Reads CoreNLP's {@code mwt.*} settings ({@code mwt.preserveCasing} must be false: the words are the mapping's,
 * in lower case).
 */
public final class FrenchMultiWordTokens implements Annotator {

    private static final String PREFIX = "mwt.";

    /** Forms always split: "du" → [de, le]. */
    private final Map<String, List<String>> always = new HashMap<>();
    /** Forms split when tagged so: "des-adp_det" → [de, les]. */
    private final Map<String, List<String>> whenTagged = new HashMap<>();
    /** The forms that need the tagger: "des". */
    private final Set<String> ambiguous = new HashSet<>();
    private final MaxentTagger tagger;
    private final int maxTaggedTokens;

    /** @param props CoreNLP settings with the {@code mwt.*} ones of the French models */
    public FrenchMultiWordTokens(Properties props) {
        if (Boolean.parseBoolean(props.getProperty(PREFIX + "preserveCasing", "true"))) {
            throw new IllegalArgumentException("the multi-word split needs " + PREFIX + "preserveCasing=false");
        }
        load(always, props.getProperty(PREFIX + "mappingFile"));
        load(whenTagged, props.getProperty(PREFIX + "statisticalMappingFile"));
        whenTagged.keySet().forEach(key -> ambiguous.add(key.substring(0, key.lastIndexOf('-'))));
        tagger = new MaxentTagger(props.getProperty(PREFIX + "pos.model"));
        maxTaggedTokens = Integer.parseInt(props.getProperty(PREFIX + "pos.maxlen", Integer.toString(Integer.MAX_VALUE)));
    }

    /** A mapping file: a form, a tab, its words separated by commas; all in lower case, as CoreNLP reads it. */
    private static void load(Map<String, List<String>> mapping, String path) {
        for (String line : IOUtils.linesFromFile(path)) {
            String[] columns = line.split("\t");
            mapping.put(lower(columns[0]), List.of(lower(columns[1]).split(",")));
        }
    }

    @Override
    public void annotate(Annotation annotation) {
        List<CoreLabel> documentTokens = new ArrayList<>();
        int sentenceNumber = 0;
        for (CoreMap sentence : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
            if (Thread.interrupted()) {
                throw new RuntimeInterruptedException();
            }
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            // CoreNLP tags a sentence too long to tag as "X" throughout, which splits nothing: leave it untagged.
            List<String> tags = tokens.size() <= maxTaggedTokens && holdsAmbiguousForm(tokens) ? tags(tokens) : null;
            sentence.set(CoreAnnotations.TokenBeginAnnotation.class, documentTokens.size());
            List<CoreLabel> words = new ArrayList<>(tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                CoreLabel token = tokens.get(i);
                List<String> split = always.get(lower(token.word()));
                if (split == null && tags != null) {
                    split = whenTagged.get(lower(token.word() + "-" + tags.get(i)));
                }
                if (split != null && split.size() > 1) {
                    for (int w = 0; w < split.size(); w++) {
                        words.add(word(split.get(w), w == 0, token, sentenceNumber, words.size() + 1, documentTokens));
                    }
                } else {
                    words.add(wholeToken(token, words.size() + 1, documentTokens));
                }
            }
            sentence.set(CoreAnnotations.TokenEndAnnotation.class, documentTokens.size());
            sentence.set(CoreAnnotations.TokensAnnotation.class, words);
            sentenceNumber++;
        }
        annotation.set(CoreAnnotations.TokensAnnotation.class, documentTokens);
    }

    private boolean holdsAmbiguousForm(List<CoreLabel> tokens) {
        for (CoreLabel token : tokens) {
            if (ambiguous.contains(lower(token.word()))) {
                return true;
            }
        }
        return false;
    }

    private List<String> tags(List<CoreLabel> tokens) {
        List<String> tags = new ArrayList<>(tokens.size());
        for (TaggedWord tagged : tagger.tagSentence(tokens, false)) {
            tags.add(tagged.tag());
        }
        return tags;
    }

    /** One word of a split token, with the token's offsets (as CoreNLP makes it). */
    private static CoreLabel word(String text, boolean first, CoreLabel token, int sentenceNumber, int index,
                                  List<CoreLabel> documentTokens) {
        CoreLabel word = new CoreLabel();
        word.setWord(text);
        word.setValue(text);
        word.setOriginalText(text);
        word.setIsNewline(false);
        if (token.containsKey(CoreAnnotations.ParentAnnotation.class)) {
            word.set(CoreAnnotations.ParentAnnotation.class, token.get(CoreAnnotations.ParentAnnotation.class));
        }
        word.setBeginPosition(token.beginPosition());
        word.setEndPosition(token.endPosition());
        word.setBefore(token.before());
        word.setAfter(token.after());
        word.set(CoreAnnotations.MWTTokenTextAnnotation.class, token.word());
        word.setIsMWT(true);
        word.setIsMWTFirst(first);
        word.setSentIndex(sentenceNumber);
        return numbered(word, index, documentTokens);
    }

    private static CoreLabel wholeToken(CoreLabel token, int index, List<CoreLabel> documentTokens) {
        CoreLabel word = new CoreLabel(token);
        word.setIsMWT(false);
        word.setIsMWTFirst(false);
        return numbered(word, index, documentTokens);
    }

    private static CoreLabel numbered(CoreLabel word, int index, List<CoreLabel> documentTokens) {
        word.set(CoreAnnotations.TokenBeginAnnotation.class, documentTokens.size());
        word.set(CoreAnnotations.TokenEndAnnotation.class, documentTokens.size() + 1);
        word.setIndex(index);
        documentTokens.add(word);
        return word;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requires() {
        return Set.of(CoreAnnotations.TokensAnnotation.class, CoreAnnotations.CharacterOffsetBeginAnnotation.class,
                CoreAnnotations.CharacterOffsetEndAnnotation.class, CoreAnnotations.SentencesAnnotation.class);
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requirementsSatisfied() {
        return Set.of(CoreAnnotations.MWTTokenTextAnnotation.class, CoreAnnotations.IsMultiWordTokenAnnotation.class);
    }
}

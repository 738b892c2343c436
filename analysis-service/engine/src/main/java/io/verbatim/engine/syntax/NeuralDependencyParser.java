package io.verbatim.engine.syntax;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.ArcStandard;
import edu.stanford.nlp.parser.nndep.Config;
import edu.stanford.nlp.parser.nndep.Configuration;
import edu.stanford.nlp.trees.international.french.FrenchTreebankLanguagePack;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.RuntimeInterruptedException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CoreNLP's neural dependency parser (Chen and Manning's arc-standard parser), with its published model, scored
 * in single precision over weights laid out for the JIT's vector instructions.
 * <p>
 * Why not {@code DependencyParser.predict}: it scores every transition in double precision, label by label, and
 * that output layer (103 transitions × 1000 hidden units) was most of the engine's time. Here each hidden unit
 * adds its row of transition weights at once (a loop the JIT vectorises), and a feature's contribution that was
 * not precomputed is computed once per article, not once per transition: the engine went from about 5,400 to
 * 12,500 tokens per CPU second (benchmark.sh). A configuration that allows one transition only (the stack holds
 * the root and at most one word) takes it without scoring: about one transition in six. An article's sentences
 * are parsed in lockstep and their rare words' contributions computed ahead in batches (see the methods).
 * <p>
 * The feature template (Chen and Manning's 18 words, 18 tags, 12 labels) is read here from the configuration, so
 * CoreNLP's {@code DependencyParser} is never loaded: its double-precision copy of the weights took about 70 MB
 * of heap, which now holds more precomputed features. CoreNLP still keeps the configuration and says which
 * transitions are legal. The trees agree with CoreNLP's own ({@code NeuralDependencyParserTest}).
 */
public final class NeuralDependencyParser {

    /**
     * How many of the model's most frequent (feature, position) pairs get their hidden-layer contribution computed
     * once at load (1000 floats each: 4 KB); the others are computed when a sentence first needs them.
     */
    private static final int PRECOMPUTED_FEATURES = 48_000;
    private static final int WORD_FEATURES = 18;
    private static final int TAG_FEATURES = 18;
    private static final int LABEL_FEATURES = 12;
    /** The feature positions of the top three stack items and the first three buffer items (s2, s1, s0, b0, b1, b2). */
    private static final int STACK_AND_BUFFER = 6;
    /** How many contributions are computed together (their sums, 4 KB each, stay in the core's cache). */
    private static final int COMPUTED_TOGETHER = 16;
    /** How many sentences are parsed in lockstep (their scores and hidden layers take 4.5 KB each). */
    private static final int BATCH = 32;

    /** Heads (0-based, -1 for the root) and relation names of a sentence's words. */
    public record Tree(int[] heads, String[] relations) {
    }

    private final ArcStandard system;
    private final List<String> transitions;
    /** Ids of the model's words, tags and labels, as CoreNLP numbers them: words, then tags, then labels. */
    private final Map<String, Integer> wordIds = new HashMap<>();
    private final Map<String, Integer> tagIds = new HashMap<>();
    private final Map<String, Integer> labelIds = new HashMap<>();
    private final int unknownWord;
    private final int unknownTag;
    private final int embeddingSize;
    private final int hiddenSize;
    private final int positions;
    /** Embeddings of words, tags and labels, in the model's id order. */
    private final float[][] embeddings;
    /** Input-to-hidden weights, one row of hiddenSize per input dimension (position × embeddingSize + e). */
    private final float[][] inputToHidden;
    private final float[] hiddenBias;
    /** Hidden-to-output weights, one row of transition scores per hidden unit. */
    private final float[][] hiddenToOutput;
    /** For each id × positions + position: the row of {@link #precomputed} holding its contribution, or -1. */
    private final int[] precomputedRow;
    private final float[][] precomputed;

    public NeuralDependencyParser(String modelPath) {
        try (BufferedReader model = IOUtils.readerFromString(modelPath)) {
            int words = header(model, "dict");
            int tags = header(model, "pos");
            int labels = header(model, "label");
            embeddingSize = header(model, "embeddingSize");
            hiddenSize = header(model, "hiddenSize");
            positions = header(model, "numTokens");
            int precomputedCount = header(model, "preComputed");
            if (positions != WORD_FEATURES + TAG_FEATURES + LABEL_FEATURES) {
                throw new IOException("expected a model of Chen and Manning's 48 features, found " + positions);
            }

            embeddings = new float[words + tags + labels][];
            List<String> labelNames = new ArrayList<>();
            for (int id = 0; id < embeddings.length; id++) {
                // A name, then its vector; a few names hold spaces ("1 500 000"): the vector is the line's end.
                String[] fields = model.readLine().split(" ");
                embeddings[id] = floats(fields, fields.length - embeddingSize, embeddingSize);
                // As CoreNLP reads the model: the name is the first field, and a later duplicate wins.
                (id < words ? wordIds : id < words + tags ? tagIds : labelIds).put(fields[0], id);
                if (id >= words + tags) {
                    labelNames.add(fields[0]);
                }
            }
            unknownWord = id(wordIds, Config.UNKNOWN);
            unknownTag = id(tagIds, Config.UNKNOWN);
            // The first label is the model's "no label" entry, never a relation (as in DependencyParser.initialize).
            labelNames.remove(0);
            system = new ArcStandard(new FrenchTreebankLanguagePack(), labelNames, false);
            transitions = transitionNames(labelNames);

            inputToHidden = new float[positions * embeddingSize][];
            for (int input = 0; input < inputToHidden.length; input++) {
                inputToHidden[input] = floats(model.readLine().split(" "), 0, hiddenSize);
            }
            hiddenBias = floats(model.readLine().split(" "), 0, hiddenSize);
            hiddenToOutput = new float[hiddenSize][];
            for (int unit = 0; unit < hiddenSize; unit++) {
                hiddenToOutput[unit] = floats(model.readLine().split(" "), 0, transitions.size());
            }

            precomputedRow = new int[embeddings.length * positions];
            Arrays.fill(precomputedRow, -1);
            precomputed = new float[Math.min(PRECOMPUTED_FEATURES, precomputedCount)][];
            int row = 0;
            for (String line; row < precomputed.length && (line = model.readLine()) != null; ) {
                for (String field : line.trim().split(" ")) {
                    if (row == precomputed.length) {
                        break;
                    }
                    int feature = Integer.parseInt(field);
                    precomputed[row] = contribution(feature);
                    precomputedRow[feature] = row++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the parser model " + modelPath, e);
        }
    }

    /**
     * Contributions of features that were not precomputed, computed for one article and kept across its sentences
     * (a name or a rare word recurs within an article), up to a bound: a text of a megabyte must not hold them all.
     */
    private static final class Contributions {
        /** 16 MB of contributions at most. */
        private static final int MAX_KEPT = 4096;
        private final Map<Integer, float[]> byFeature = new HashMap<>();

        private float[] get(int feature, NeuralDependencyParser parser) {
            float[] contribution = byFeature.get(feature);
            if (contribution == null) {
                if (byFeature.size() == MAX_KEPT) {
                    byFeature.clear();
                }
                contribution = parser.contribution(feature);
                byFeature.put(feature, contribution);
            }
            return contribution;
        }

        private boolean has(int feature) {
            return byFeature.containsKey(feature);
        }

        private int room() {
            return MAX_KEPT - byFeature.size();
        }

        private void put(int feature, float[] contribution) {
            byFeature.put(feature, contribution);
        }
    }

    /**
     * Parses the chosen sentences of one article, tagged (their words' tags are read from the tokens).
     *
     * @throws RuntimeInterruptedException when the thread is interrupted (an article over its time budget)
     */
    public List<Tree> parse(List<CoreMap> sentences) {
        Contributions computed = new Contributions();
        List<Tree> trees = new ArrayList<>(sentences.size());
        for (int from = 0; from < sentences.size(); from += BATCH) {
            trees.addAll(parseTogether(sentences.subList(from, Math.min(sentences.size(), from + BATCH)), computed));
        }
        return trees;
    }

    /**
     * Parses sentences in lockstep: each round takes the next transition of every sentence not yet parsed, and
     * scores them together, so that each hidden unit's row of transition weights is read once for all of them.
     * Read once per sentence, those 412 KB per transition came from memory and made a third of the parser's time.
     * Each sentence's arithmetic is unchanged, and so are its trees.
     */
    private List<Tree> parseTogether(List<CoreMap> sentences, Contributions computed) {
        int count = sentences.size();
        Configuration[] configurations = new Configuration[count];
        for (int i = 0; i < count; i++) {
            configurations[i] = system.initialConfiguration(sentences.get(i));
        }
        computeAhead(sentences, computed);
        int[] featureIds = new int[positions];
        float[][] hidden = new float[count][hiddenSize];
        float[][] scores = new float[count][transitions.size()];
        int[] scored = new int[count];
        for (boolean parsing = true; parsing; ) {
            if (Thread.interrupted()) {
                throw new RuntimeInterruptedException();
            }
            parsing = false;
            int scoring = 0;
            for (int i = 0; i < count; i++) {
                Configuration configuration = configurations[i];
                if (system.isTerminal(configuration)) {
                    continue;
                }
                parsing = true;
                String forced = configuration.getStackSize() <= 2 ? onlyLegalTransition(configuration) : null;
                if (forced != null) {
                    system.apply(configuration, forced);
                    continue;
                }
                features(configuration, featureIds);
                hiddenLayer(featureIds, computed, hidden[scoring]);
                scored[scoring++] = i;
            }
            outputLayer(hidden, scoring, scores);
            for (int k = 0; k < scoring; k++) {
                Configuration configuration = configurations[scored[k]];
                String best = null;
                float bestScore = Float.NEGATIVE_INFINITY;
                for (int t = 0; t < scores[k].length; t++) {
                    if (scores[k][t] > bestScore && system.canApply(configuration, transitions.get(t))) {
                        bestScore = scores[k][t];
                        best = transitions.get(t);
                    }
                }
                system.apply(configuration, best);
            }
        }
        List<Tree> trees = new ArrayList<>(count);
        for (Configuration configuration : configurations) {
            trees.add(tree(configuration));
        }
        return trees;
    }

    private static Tree tree(Configuration configuration) {
        int size = configuration.getSentenceSize();
        int[] heads = new int[size];
        String[] relations = new String[size];
        for (int word = 1; word <= size; word++) {
            int head = configuration.getHead(word);
            heads[word - 1] = head > 0 ? head - 1 : -1;
            relations[word - 1] = head == 0 ? "root" : head < 0 ? "dep" : configuration.getLabel(word);
        }
        return new Tree(heads, relations);
    }

    /** The one transition the configuration allows, or null when it allows several. */
    private String onlyLegalTransition(Configuration configuration) {
        String legal = null;
        for (String transition : transitions) {
            if (system.canApply(configuration, transition)) {
                if (legal != null) {
                    return null;
                }
                legal = transition;
            }
        }
        return legal;
    }

    /**
     * Chen and Manning's feature template, in CoreNLP's order: the words of the top three stack items and of the
     * first three buffer items, then of the first and second leftmost and rightmost children of the top two stack
     * items and of the leftmost child's leftmost child (rightmost's rightmost); their tags in the same order; the
     * labels of those twelve children.
     */
    private void features(Configuration c, int[] into) {
        int word = 0;
        for (int j = 2; j >= 0; j--) {
            addWord(c, c.getStack(j), into, word++);
        }
        for (int j = 0; j <= 2; j++) {
            addWord(c, c.getBuffer(j), into, word++);
        }
        int label = WORD_FEATURES + TAG_FEATURES;
        for (int j = 0; j <= 1; j++) {
            int k = c.getStack(j);
            for (int child : new int[]{c.getLeftChild(k), c.getRightChild(k), c.getLeftChild(k, 2),
                    c.getRightChild(k, 2), c.getLeftChild(c.getLeftChild(k)), c.getRightChild(c.getRightChild(k))}) {
                addWord(c, child, into, word++);
                into[label++] = id(labelIds, c.getLabel(child));
            }
        }
    }

    private void addWord(Configuration c, int index, int[] into, int slot) {
        into[slot] = wordIds.getOrDefault(c.getWord(index), unknownWord);
        into[WORD_FEATURES + slot] = tagIds.getOrDefault(c.getPOS(index), unknownTag);
    }

    private static int id(Map<String, Integer> ids, String name) {
        Integer id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("the parser model has no id for " + name);
        }
        return id;
    }

    /** The hidden layer before its bias and activation: the sum of the features' contributions. */
    private void hiddenLayer(int[] featureIds, Contributions computed, float[] hidden) {
        Arrays.fill(hidden, 0f);
        for (int position = 0; position < positions; position++) {
            int feature = featureIds[position] * positions + position;
            int row = precomputedRow[feature];
            float[] contribution = row >= 0 ? precomputed[row] : computed.get(feature, this);
            for (int unit = 0; unit < hiddenSize; unit++) {
                hidden[unit] += contribution[unit];
            }
        }
    }

    /**
     * The first {@code count} sentences' transition scores: (hidden + bias)³ × hiddenToOutput. Four hidden units
     * at a time, added one after the other as a unit at a time would (the same sums), so that each score is read
     * and written once per four units: the loop over 103 transitions is too short for the JIT's vectors to hide
     * those loads and stores.
     */
    private void outputLayer(float[][] hidden, int count, float[][] scores) {
        for (int k = 0; k < count; k++) {
            Arrays.fill(scores[k], 0f);
        }
        int unit = 0;
        for (; unit + 3 < hiddenSize; unit += 4) {
            float[] w0 = hiddenToOutput[unit];
            float[] w1 = hiddenToOutput[unit + 1];
            float[] w2 = hiddenToOutput[unit + 2];
            float[] w3 = hiddenToOutput[unit + 3];
            for (int k = 0; k < count; k++) {
                float a0 = activation(hidden[k], unit);
                float a1 = activation(hidden[k], unit + 1);
                float a2 = activation(hidden[k], unit + 2);
                float a3 = activation(hidden[k], unit + 3);
                float[] sentenceScores = scores[k];
                for (int t = 0; t < sentenceScores.length; t++) {
                    float score = sentenceScores[t];
                    score += a0 * w0[t];
                    score += a1 * w1[t];
                    score += a2 * w2[t];
                    score += a3 * w3[t];
                    sentenceScores[t] = score;
                }
            }
        }
        for (; unit < hiddenSize; unit++) {
            float[] weights = hiddenToOutput[unit];
            for (int k = 0; k < count; k++) {
                float a = activation(hidden[k], unit);
                float[] sentenceScores = scores[k];
                for (int t = 0; t < sentenceScores.length; t++) {
                    sentenceScores[t] += a * weights[t];
                }
            }
        }
    }

    private float activation(float[] hidden, int unit) {
        float sum = hidden[unit] + hiddenBias[unit];
        return sum * sum * sum;
    }

    /**
     * Computes, before parsing, the contributions the sentences' words will need at the top three places of the
     * stack and the first three of the buffer (every word passes there; they take 70% of the contributions not
     * precomputed), a position at a time for many words: each row of input weights is then read once for all of
     * them, where computing them one by one when needed read the whole 400 KB block of the position per word.
     * Same arithmetic as {@link #contribution}, so the same values.
     */
    private void computeAhead(List<CoreMap> sentences, Contributions computed) {
        int room = computed.room();
        for (int position = 0; position < STACK_AND_BUFFER; position++) {
            Set<Integer> needed = new LinkedHashSet<>();
            for (CoreMap sentence : sentences) {
                for (CoreLabel word : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
                    int feature = wordIds.getOrDefault(word.word(), unknownWord) * positions + position;
                    if (precomputedRow[feature] < 0 && !computed.has(feature) && needed.size() < room) {
                        needed.add(feature);
                    }
                }
            }
            room -= needed.size();
            List<Integer> features = List.copyOf(needed);
            for (int from = 0; from < features.size(); from += COMPUTED_TOGETHER) {
                computeTogether(features.subList(from, Math.min(features.size(), from + COMPUTED_TOGETHER)), computed);
            }
        }
    }

    /** The contributions of features at one position, each input weight row read once for all of them. */
    private void computeTogether(List<Integer> features, Contributions computed) {
        float[][] hidden = new float[features.size()][hiddenSize];
        int offset = features.get(0) % positions * embeddingSize;
        for (int e = 0; e < embeddingSize; e++) {
            float[] weights = inputToHidden[offset + e];
            for (int f = 0; f < hidden.length; f++) {
                float value = embeddings[features.get(f) / positions][e];
                float[] sum = hidden[f];
                for (int unit = 0; unit < hiddenSize; unit++) {
                    sum[unit] += value * weights[unit];
                }
            }
        }
        for (int f = 0; f < hidden.length; f++) {
            computed.put(features.get(f), hidden[f]);
        }
    }

    /** What a feature (an id at a position: id × positions + position) brings to each hidden unit. */
    private float[] contribution(int feature) {
        float[] hidden = new float[hiddenSize];
        float[] embedding = embeddings[feature / positions];
        int offset = feature % positions * embeddingSize;
        for (int e = 0; e < embeddingSize; e++) {
            float value = embedding[e];
            float[] weights = inputToHidden[offset + e];
            for (int unit = 0; unit < hiddenSize; unit++) {
                hidden[unit] += value * weights[unit];
            }
        }
        return hidden;
    }

    /** The arc-standard transitions in CoreNLP's order: a left arc per label, a right arc per label, shift. */
    private static List<String> transitionNames(List<String> labels) {
        List<String> names = new ArrayList<>();
        labels.forEach(label -> names.add("L(" + label + ")"));
        labels.forEach(label -> names.add("R(" + label + ")"));
        names.add("S");
        return List.copyOf(names);
    }

    private static int header(BufferedReader model, String key) throws IOException {
        String line = model.readLine();
        if (line == null || !line.startsWith(key + "=")) {
            throw new IOException("expected " + key + "= in the model header, found " + line);
        }
        return Integer.parseInt(line.substring(key.length() + 1));
    }

    private static float[] floats(String[] fields, int from, int count) throws IOException {
        if (from < 0 || fields.length - from != count) {
            throw new IOException("expected " + count + " numbers on a line of the model, found " + (fields.length - from));
        }
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = Float.parseFloat(fields[from + i]);
        }
        return values;
    }
}

package io.verbatim.engine.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence's dependency tree (Universal Dependencies): words in order, each with its head (an index into
 * {@code words}, -1 for the root) and relation. A contracted form ("du" = "de le") is two words with the same
 * character offsets.
 */
public record ParsedSentence(int sentence, List<Word> words) {

    /** One syntactic word: its text, offsets in the article, universal POS tag, head and relation. */
    public record Word(int index, String text, int start, int end, String pos, int head, String relation) {

        public boolean isRoot() {
            return head < 0;
        }

        /** The relation without its subtype: "nsubj" for "nsubj:pass". */
        public String baseRelation() {
            int colon = relation.indexOf(':');
            return colon < 0 ? relation : relation.substring(0, colon);
        }
    }

    public int start() {
        return words.get(0).start();
    }

    public int end() {
        return words.get(words.size() - 1).end();
    }

    public Word head(Word word) {
        return word.head() < 0 ? null : words.get(word.head());
    }

    public List<Word> children(Word word) {
        List<Word> children = new ArrayList<>();
        for (Word w : words) {
            if (w.head() == word.index()) {
                children.add(w);
            }
        }
        return children;
    }

    /** The first child in one of the given relations (compared without subtype when the relation has none). */
    public Word child(Word word, String... relations) {
        for (Word w : words) {
            if (w.head() == word.index()) {
                for (String relation : relations) {
                    if (relation.equals(w.relation()) || relation.indexOf(':') < 0 && relation.equals(w.baseRelation())) {
                        return w;
                    }
                }
            }
        }
        return null;
    }

    /** Character span of a word's subtree, leaving out the children in the excluded relations. */
    public int[] span(Word word, String... excluded) {
        int[] span = {word.start(), word.end()};
        for (Word w : words) {
            if (w.head() == word.index() && !excludedRelation(w, excluded)) {
                int[] child = span(w, excluded);
                span[0] = Math.min(span[0], child[0]);
                span[1] = Math.max(span[1], child[1]);
            }
        }
        return span;
    }

    private static boolean excludedRelation(Word w, String[] excluded) {
        for (String relation : excluded) {
            if (relation.equals(w.relation()) || relation.equals(w.baseRelation())) {
                return true;
            }
        }
        return false;
    }
}

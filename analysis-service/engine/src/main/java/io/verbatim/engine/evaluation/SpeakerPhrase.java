package io.verbatim.engine.evaluation;

import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.lang.WordClass;

/**
 * How the article designates a gold quote's speaker (its annotated {@code speaker_mention}), so that speaker
 * accuracy shows per kind of phrase where the remaining errors are.
 */
enum SpeakerPhrase {
    NAME("name"), PRONOUN("pronoun"), ROLE("role noun"), VOICE("organisation voice"),
    NONE("none in the sentence"), UNNAMED("no speaker named");

    final String label;

    SpeakerPhrase(String label) {
        this.label = label;
    }

    static SpeakerPhrase of(GoldArticle article, GoldArticle.GoldQuote quote, Lexicon lexicon) {
        if (quote.speaker() == null) {
            return UNNAMED;
        }
        GoldArticle.Span mention = quote.speakerMention();
        if (mention == null || !inSentenceOf(article.text(), quote, mention)) {
            return NONE;
        }
        String phrase = article.text().substring(mention.start(), mention.end()).strip();
        String first = lexicon.lower(phrase.split("[\\s\\u00a0]+")[0]);
        if (lexicon.isSubjectPronoun(first) || lexicon.subjectOfStressed(first) != null
                || lexicon.morphology().invertedSubject(first) != null) {
            return PRONOUN;
        }
        boolean named = article.entities().stream().anyMatch(e -> e.start() < mention.end() && mention.start() < e.end());
        if (named) {
            return NAME;
        }
        for (String word : phrase.split("[^\\p{L}'’-]+")) {
            String folded = Lexicon.fold(word);
            if (lexicon.isFolded(WordClass.ORGANISATION_NOUNS, folded) || lexicon.isFolded(WordClass.ORGANISATION_VOICES, folded)
                    || lexicon.isFolded(WordClass.DOCUMENTS, folded) || lexicon.isFolded(WordClass.GENERIC_NOUNS, folded)) {
                return VOICE;
            }
        }
        return ROLE;
    }

    /** Is the mention inside the sentence (between sentence ends or line breaks) that holds the quote? */
    private static boolean inSentenceOf(String text, GoldArticle.GoldQuote quote, GoldArticle.Span mention) {
        int start = quote.start();
        while (start > 0 && ".!?\n".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        int end = quote.end();
        while (end < text.length() && ".!?\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return mention.start() >= start && mention.end() <= end + 1;
    }
}

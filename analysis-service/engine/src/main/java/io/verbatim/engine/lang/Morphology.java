package io.verbatim.engine.lang;

import java.util.List;
import java.util.Locale;

/**
 * What the rules need of a language's word forms that a list cannot hold: the forms of its regular verbs, how its
 * infinitives and present participles end, and how a verb carries an inverted subject pronoun. One small class a
 * language ({@code lang/<code>/}), beside the data files of its {@link Lexicon}.
 */
public interface Morphology {

    /** For lower-casing words and naming countries. */
    Locale locale();

    /** The inflected forms of a regular verb given by its lemma, or none when the data must list them. */
    List<String> regularForms(String lemma);

    /** Does this lower-case verb form look like an infinitive ("déclarer", "dire")? */
    boolean isInfinitive(String lowerCaseForm);

    /** Does this lower-case verb form look like a present participle ("estimant")? */
    boolean isPresentParticiple(String lowerCaseForm);

    /** A regular expression for a lower-case present participle. */
    String presentParticiplePattern();

    /**
     * A regular expression for a subject pronoun inverted after its verb, capturing the pronoun in group 1
     * ("-t-il" in "a-t-il ajouté"), given the alternation of the pronouns; null in a language without inversion.
     */
    String inversionPattern(String pronouns);

    /** The pronoun of a token that is an inverted subject ("-t-il" → "il"), or null. */
    String invertedSubject(String lowerCaseToken);

    /**
     * May a reported clause go without its complementizer ("said he would run", never "a dit il viendrait")? Then a
     * reporting verb's complement clause is reported speech with no mark, and every sentence with a reporting verb
     * is worth parsing.
     */
    boolean reportsWithoutComplementizer();
}

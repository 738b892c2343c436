package io.verbatim.engine.lang.en;

import io.verbatim.engine.lang.Morphology;

import java.util.List;
import java.util.Locale;

/**
 * English verb forms: the -s, -ed and -ing forms of regular verbs (with the spelling rules of a final "e" and of a
 * consonant and "y"), non-finite forms, and no subject inversion (English puts a noun after its verb, "said
 * Smith", which the rules read as any subject after its verb, but never hyphenates a pronoun to it).
 */
public final class EnglishMorphology implements Morphology {

    @Override
    public Locale locale() {
        return Locale.ENGLISH;
    }

    /**
     * "add" → adds, added, adding; "argue" → argues, argued, arguing; "deny" → denies, denied, denying. Verbs that
     * double their last consonant ("admit") or are irregular ("say") list their forms in cue-verbs.txt.
     */
    @Override
    public List<String> regularForms(String lemma) {
        if (lemma.contains(" ")) {
            return List.of();
        }
        if (lemma.endsWith("e")) {
            String stem = lemma.substring(0, lemma.length() - 1);
            return List.of(lemma + "s", lemma + "d", stem + "ing");
        }
        if (lemma.length() > 2 && lemma.endsWith("y") && !isVowel(lemma.charAt(lemma.length() - 2))) {
            String stem = lemma.substring(0, lemma.length() - 1);
            return List.of(stem + "ies", stem + "ied", lemma + "ing");
        }
        String third = lemma.endsWith("s") || lemma.endsWith("sh") || lemma.endsWith("ch") || lemma.endsWith("x")
                ? lemma + "es" : lemma + "s";
        return List.of(third, lemma + "ed", lemma + "ing");
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    /**
     * What the parser hangs as the complement of a reporting verb is non-finite unless it is a past form: "promised
     * to return", "denied taking", "claims to have seen" (its auxiliary "have").
     */
    @Override
    public boolean isInfinitive(String lowerCaseForm) {
        return !lowerCaseForm.endsWith("ed");
    }

    @Override
    public boolean isPresentParticiple(String lowerCaseForm) {
        return lowerCaseForm.length() > 4 && lowerCaseForm.endsWith("ing");
    }

    @Override
    public String presentParticiplePattern() {
        return "\\p{Ll}{2,}ing";
    }

    @Override
    public String inversionPattern(String pronouns) {
        return null;
    }

    @Override
    public String invertedSubject(String lowerCaseToken) {
        return null;
    }

    /** "said he would run": "that" is often left out (Quirk et al., A Comprehensive Grammar, 15.3: zero "that"). */
    @Override
    public boolean reportsWithoutComplementizer() {
        return true;
    }
}

package io.verbatim.engine.lang.fr;

import io.verbatim.engine.lang.Morphology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** French verb forms: the conjugation of regular -er and -ir verbs, infinitives, participles and inversion. */
public final class FrenchMorphology implements Morphology {

    private static final Pattern STRESSABLE_E = Pattern.compile("[ée]([^aeiouyéèêîô]+)$");

    @Override
    public Locale locale() {
        return Locale.FRENCH;
    }

    @Override
    public List<String> regularForms(String lemma) {
        if (lemma.endsWith("er")) {
            return firstGroupForms(lemma);
        }
        return lemma.endsWith("ir") ? secondGroupForms(lemma) : List.of();
    }

    /** Forms of a regular -er verb, with the spelling changes of its stem ("annonçait", "considère", "rappelle"). */
    private static List<String> firstGroupForms(String infinitive) {
        String stem = infinitive.substring(0, infinitive.length() - 2);
        String beforeA = stem.endsWith("c") ? stem.substring(0, stem.length() - 1) + "ç"
                : stem.endsWith("g") ? stem + "e" : stem;
        List<String> forms = new ArrayList<>(List.of(stem + "é", stem + "ée", stem + "és", stem + "ées",
                stem + "e", stem + "ent", beforeA + "ait", beforeA + "aient", beforeA + "a", stem + "èrent",
                stem + "era", stem + "eront", stem + "erait", stem + "eraient", beforeA + "ant"));
        List<String> stressedStems = new ArrayList<>();
        Matcher lastE = STRESSABLE_E.matcher(stem);
        if (lastE.find()) {
            stressedStems.add(stem.substring(0, lastE.start()) + "è" + lastE.group(1));
        }
        if (stem.endsWith("l") || stem.endsWith("t")) {
            stressedStems.add(stem + stem.charAt(stem.length() - 1));
        }
        for (String stressed : stressedStems) {
            forms.addAll(List.of(stressed + "e", stressed + "ent", stressed + "era", stressed + "erait"));
        }
        return forms;
    }

    private static List<String> secondGroupForms(String infinitive) {
        String stem = infinitive.substring(0, infinitive.length() - 2);
        return List.of(stem + "i", stem + "ie", stem + "it", stem + "issent", stem + "issait", stem + "issant",
                stem + "issaient", stem + "ira", stem + "irait");
    }

    @Override
    public boolean isInfinitive(String lowerCaseForm) {
        return lowerCaseForm.endsWith("er") || lowerCaseForm.endsWith("ir") || lowerCaseForm.endsWith("re");
    }

    @Override
    public boolean isPresentParticiple(String lowerCaseForm) {
        return lowerCaseForm.endsWith("ant");
    }

    @Override
    public String presentParticiplePattern() {
        return "\\p{Ll}+ant";
    }

    /** "a-t-il", "dit-elle": the pronoun is hyphenated to the verb, with a "t" between two vowels. */
    @Override
    public String inversionPattern(String pronouns) {
        return "-(?:t-)?(" + pronouns + ")\\b";
    }

    /** "a déclaré qu'il viendrait": French never leaves out "que". */
    @Override
    public boolean reportsWithoutComplementizer() {
        return false;
    }

    @Override
    public String invertedSubject(String lowerCaseToken) {
        return lowerCaseToken.startsWith("-") ? lowerCaseToken.replaceFirst("^-(t-)?", "") : null;
    }
}

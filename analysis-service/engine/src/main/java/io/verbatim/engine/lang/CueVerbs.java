package io.verbatim.engine.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language's reporting verbs (its {@code cue-verbs.txt}): maps an inflected form ("déclaré", "affirme",
 * "ajoutait") to its lemma ("déclarer"). Regular verbs' forms are generated here (French conjugation).
 */
public final class CueVerbs {

    private static final Pattern STRESSABLE_E = Pattern.compile("[ée]([^aeiouyéèêîô]+)$");
    private final Map<String, String> lemmaOfForm;
    /** "dire" → "se dire": the pronominal lemma of a verb that is also listed alone. */
    private final Map<String, String> pronominalOf = new HashMap<>();

    CueVerbs(InputStream in, String name) {
        lemmaOfForm = load(in, name);
        lemmaOfForm.values().stream().filter(l -> l.startsWith("se ") || l.startsWith("s'"))
                .forEach(l -> pronominalOf.put(l.replaceFirst("^(se |s')", ""), l));
    }

    /** The lemma of a reporting verb form (lower case, pronoun removed), if it is one. */
    Optional<String> lemmaOf(String form) {
        return Optional.ofNullable(lemmaOfForm.get(form.toLowerCase(java.util.Locale.FRENCH).replace('’', '\'')));
    }

    /** "se dire" for "dire" when the text has the reflexive pronoun. */
    Optional<String> pronominal(String lemma) {
        return Optional.ofNullable(pronominalOf.get(lemma));
    }

    boolean isVerbForm(String form) {
        return lemmaOfForm.containsKey(form);
    }

    private static Map<String, String> load(InputStream in, String name) {
        Map<String, String> forms = new HashMap<>();
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String lemma = colon < 0 ? line : line.substring(0, colon).strip();
                String bare = lemma.replaceFirst("^(se |s')", "");
                forms.putIfAbsent(bare, lemma);
                if (colon >= 0) {
                    // Listed forms; a multi-word verb ("fait savoir") lists its forms as groups of as many words.
                    String[] words = line.substring(colon + 1).strip().split("\\s+");
                    int size = bare.split(" ").length;
                    for (int i = 0; i + size <= words.length; i += size) {
                        forms.putIfAbsent(String.join(" ", Arrays.copyOfRange(words, i, i + size)), lemma);
                    }
                } else if (bare.endsWith("er")) {
                    firstGroupForms(bare).forEach(form -> forms.putIfAbsent(form, lemma));
                } else if (bare.endsWith("ir")) {
                    secondGroupForms(bare).forEach(form -> forms.putIfAbsent(form, lemma));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return forms;
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
}

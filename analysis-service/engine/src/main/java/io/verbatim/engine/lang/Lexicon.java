package io.verbatim.engine.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A language's words that the rules need, read from its folder of data files on the classpath ({@code lang/<code>/}):
 * the classes of {@link WordClass}, the reporting verbs and their forms, first names with their gender, and the
 * pronouns with theirs. With its {@link Morphology}, this is all a rule knows of a language.
 */
public final class Lexicon {

    private final String folder;
    private final Morphology morphology;
    private final CueVerbs cueVerbs;
    /** Each class's entries in file order, an elided form written with either apostrophe counting once. */
    private final Map<WordClass, List<String>> entries = new EnumMap<>(WordClass.class);
    /** Each class's entries and their other-apostrophe spellings, for membership. */
    private final Map<WordClass, Set<String>> members = new EnumMap<>(WordClass.class);
    private final Map<WordClass, Set<String>> foldedMembers = new ConcurrentHashMap<>();
    private final Map<String, Character> firstNameGender;
    private final Map<String, Pronoun> subjectPronouns;
    private final Map<String, Pronoun> demonstrativePronouns;
    private final Map<String, String> subjectOfStressed;
    private final Map<String, Character> genderOfTitle;
    /** Folded role nouns and the classes of role they belong to (role-classes.txt, a class a line). */
    private final Map<String, Set<Integer>> roleClasses = new java.util.HashMap<>();
    private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

    private Lexicon(String code, Morphology morphology) {
        this.folder = "/lang/" + code + "/";
        this.morphology = morphology;
        for (WordClass wordClass : WordClass.values()) {
            List<String> words = lines(wordClass.file);
            entries.put(wordClass, List.copyOf(words));
            members.put(wordClass, withBothApostrophes(words));
        }
        this.cueVerbs = new CueVerbs(lines("cue-verbs.txt"), entries.get(WordClass.REFLEXIVE_PRONOUNS), morphology);
        this.firstNameGender = pairs("first-names.txt", true).entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().charAt(0)));
        this.subjectPronouns = pronouns("subject-pronouns.txt");
        this.demonstrativePronouns = pronouns("demonstrative-pronouns.txt");
        this.subjectOfStressed = Map.copyOf(pairs("stressed-pronouns.txt", false));
        Map<String, Character> titles = new LinkedHashMap<>();
        pairs("gendered-titles.txt", true).forEach((title, gender) -> titles.put(title, gender.charAt(0)));
        this.genderOfTitle = titles;
        List<String> classes = lines("role-classes.txt");
        for (int c = 0; c < classes.size(); c++) {
            for (String noun : classes.get(c).split("\\s+")) {
                roleClasses.computeIfAbsent(fold(noun), k -> new java.util.HashSet<>()).add(c);
            }
        }
    }

    /** The lexicon of a language code ("fr") with its morphology; fails when the language has no data folder. */
    public static Lexicon load(String code, Morphology morphology) {
        if (!code.matches("[a-z]{2,3}") || Lexicon.class.getResource("/lang/" + code + "/cue-verbs.txt") == null) {
            throw new IllegalArgumentException("no lexicon for language '" + code + "'");
        }
        return new Lexicon(code, morphology);
    }

    public Morphology morphology() {
        return morphology;
    }

    /** Is the word (as given: lower-case for most classes, as written for a few) one of the class? */
    public boolean is(WordClass wordClass, String word) {
        return members.get(wordClass).contains(word);
    }

    /** Is this folded word (case, accents, apostrophes) one of the class, its entries folded the same way? */
    public boolean isFolded(WordClass wordClass, String foldedWord) {
        return foldedMembers.computeIfAbsent(wordClass, c -> entries.get(c).stream().map(Lexicon::fold)
                .collect(Collectors.toUnmodifiableSet())).contains(foldedWord);
    }

    /** Does one of these words belong to the class? */
    public boolean isAny(WordClass wordClass, Collection<String> words) {
        return words.stream().anyMatch(members.get(wordClass)::contains);
    }

    /** The class's entries in the order of its file. */
    public List<String> words(WordClass wordClass) {
        return entries.get(wordClass);
    }

    /**
     * A regular expression matching any entry of the classes, as a non-capturing group: an apostrophe matches either
     * apostrophe, a space a space. With {@code capitalised}, each entry may also start with a capital ("Selon").
     */
    public String alternation(boolean capitalised, WordClass... wordClasses) {
        List<String> all = new ArrayList<>();
        for (WordClass wordClass : wordClasses) {
            all.addAll(entries.get(wordClass));
        }
        return alternationOf(all, capitalised);
    }

    public String alternation(WordClass... wordClasses) {
        return alternation(false, wordClasses);
    }

    /** {@link #alternation} of a list of words; of none, a group that matches nothing (a language without the class). */
    public static String alternationOf(List<String> words, boolean capitalised) {
        if (words.isEmpty()) {
            return "(?!)";
        }
        List<String> options = new ArrayList<>();
        for (String word : words) {
            options.add(literal(word, capitalised));
        }
        return "(?:" + String.join("|", options) + ")";
    }

    private static String literal(String entry, boolean capitalised) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == '\'' || c == '’') {
                regex.append("['’]");
            } else if (i == 0 && capitalised && Character.isLowerCase(c)) {
                regex.append('[').append(c).append(Character.toUpperCase(c)).append(']');
            } else if ("\\.[]{}()<>*+-=!?^$|".indexOf(c) >= 0) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        return regex.toString();
    }

    /** Lower case in the language's own rules. */
    public String lower(String word) {
        return word.toLowerCase(morphology.locale());
    }

    /** Case, accents, apostrophes and spacing folded: the form two spellings of one name share. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    /** The lemma of a reporting verb form ("déclaré" → "déclarer"; "fait savoir" → "faire savoir"). */
    public Optional<String> cueLemma(String form) {
        return cueVerbs.lemmaOf(form, morphology.locale());
    }

    /** "se dire" when "dire" is used with its reflexive pronoun and the language lists the pronominal verb. */
    public Optional<String> pronominalCue(String lemma) {
        return cueVerbs.pronominal(lemma);
    }

    /** The words after the first of the multi-word reporting verbs ("savoir" of "faire savoir", "en garde"). */
    public List<String> multiWordCueEnds() {
        return cueVerbs.multiWordEnds();
    }

    public boolean isCueForm(String lowerCaseForm) {
        return cueVerbs.isVerbForm(lowerCaseForm);
    }

    /** Does this reporting verb report content with an infinitive ("affirmer avoir", "promettre de")? */
    public boolean reportsInfinitive(String lemma) {
        return is(WordClass.INFINITIVE_REPORTS, lemma);
    }

    /** A pronoun's grammatical gender ('m' or 'f') and number. */
    public record Pronoun(char gender, boolean plural) {
    }

    /** The personal subject pronouns, in the order of their file. */
    public List<String> subjectPronouns() {
        return List.copyOf(subjectPronouns.keySet());
    }

    /** Is this lower-case word a personal subject pronoun ("il", "elles")? */
    public boolean isSubjectPronoun(String lowerCaseWord) {
        return subjectPronouns.containsKey(lowerCaseWord);
    }

    /** The grammatical gender of a subject pronoun, 'm' or 'f', or '?' for one that has none. */
    public char genderOfPronoun(String lowerCasePronoun) {
        Pronoun pronoun = subjectPronouns.get(lowerCasePronoun);
        return pronoun == null ? '?' : pronoun.gender();
    }

    /** Is a folded noun one of role-classes.txt's, a noun for a kind of person ("chercheuse", "maire")? */
    public boolean isRoleNoun(String foldedNoun) {
        return roleClasses.containsKey(foldedNoun);
    }

    /** Do two folded role nouns designate the same kind of person ("sociologue" and "chercheuse")? */
    public boolean sameRoleClass(String foldedNoun, String otherFoldedNoun) {
        Set<Integer> classes = roleClasses.getOrDefault(foldedNoun, Set.of());
        return foldedNoun.equals(otherFoldedNoun)
                || roleClasses.getOrDefault(otherFoldedNoun, Set.of()).stream().anyMatch(classes::contains);
    }

    /**
     * The grammatical gender of a folded role noun, 'm', 'f' or '?', from the pairs of role-classes.txt: a noun whose
     * class holds it without its final "e" is feminine ("avocate", "élue"), one whose class holds it with an "e" more
     * masculine; the feminine endings of agent nouns decide the rest ("autrice", "chercheuse").
     */
    public char genderOfRole(String foldedNoun) {
        Set<Integer> classes = roleClasses.get(foldedNoun);
        if (classes == null) {
            return '?';
        }
        if (foldedNoun.endsWith("rice") || foldedNoun.endsWith("euse") || foldedNoun.endsWith("esse")
                || foldedNoun.endsWith("e") && sameClass(classes, foldedNoun.substring(0, foldedNoun.length() - 1))
                || foldedNoun.endsWith("enne") && sameClass(classes, foldedNoun.substring(0, foldedNoun.length() - 2))
                || foldedNoun.endsWith("ere") && sameClass(classes, foldedNoun.substring(0, foldedNoun.length() - 3) + "er")) {
            return 'f';
        }
        return sameClass(classes, foldedNoun + "e") || sameClass(classes, foldedNoun + "ne") ? 'm' : '?';
    }

    private boolean sameClass(Set<Integer> classes, String foldedNoun) {
        return roleClasses.getOrDefault(foldedNoun, Set.of()).stream().anyMatch(classes::contains);
    }

    /** A demonstrative of one or two words that stands for the last one named ("celui-ci", "ce dernier"), or null. */
    public Pronoun demonstrativePronoun(String lowerCaseWords) {
        return demonstrativePronouns.get(lowerCaseWords);
    }

    /** A personal subject or demonstrative pronoun ("elle", "celui-ci") that stands for someone, or null. */
    public Pronoun referringPronoun(String lowerCaseWord) {
        Pronoun pronoun = subjectPronouns.get(lowerCaseWord);
        return pronoun != null ? pronoun : demonstrativePronouns.get(lowerCaseWord);
    }

    /** The subject pronoun a stressed pronoun stands for ("lui" → "il"), or null. */
    public String subjectOfStressed(String lowerCasePronoun) {
        return subjectOfStressed.get(lowerCasePronoun);
    }

    /** The gender a title right before a name gives ('m' or 'f'; '?' when the lower-case text ends with none). */
    public char genderOfTitleBefore(String lowerCaseTextBefore) {
        for (Map.Entry<String, Character> title : genderOfTitle.entrySet()) {
            if (lowerCaseTextBefore.endsWith(title.getKey())) {
                return title.getValue();
            }
        }
        return '?';
    }

    /** 'm' or 'f' for a first name whose gender is known ("Jean-Marc" by its first part), else '?'. */
    public char genderOfFirstName(String word) {
        String first = word.contains("-") ? word.substring(0, word.indexOf('-')) : word;
        char gender = firstNameGender.getOrDefault(first, '?');
        return gender == 'e' ? '?' : gender;
    }

    /** Is this capitalised word a first name ("Jean", or "Jean-Marc" by its first part)? */
    public boolean isFirstName(String word) {
        return firstNameGender.containsKey(word) || word.contains("-")
                && firstNameGender.containsKey(word.substring(0, word.indexOf('-')));
    }

    /** Is this lower-case word a day or a time of day, never the end of a name ("mardi", "soir")? */
    public boolean isTimeWord(String lowerCaseWord) {
        return is(WordClass.TIME_WORDS, lowerCaseWord) || is(WordClass.DAYS, lowerCaseWord);
    }

    /**
     * The weights of the speaker ranker learned from the language's annotated articles ({@code speaker-ranker.txt}:
     * a feature and its weight a line), or none when the language has not been trained: the rules then decide.
     */
    public Map<String, Double> rankerWeights() {
        if (Lexicon.class.getResource(folder + RANKER_WEIGHTS) == null) {
            return Map.of();
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        pairs(RANKER_WEIGHTS, false).forEach((feature, weight) -> weights.put(feature, Double.parseDouble(weight)));
        return Map.copyOf(weights);
    }

    /** The file of the speaker ranker's weights in a language's folder. */
    public static final String RANKER_WEIGHTS = "speaker-ranker.txt";

    /**
     * What a stage builds once per language from this data (its compiled patterns): built on first use, then shared
     * by every article of the language.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Class<T> kind, Function<Lexicon, T> build) {
        return (T) derived.computeIfAbsent(kind, k -> build.apply(this));
    }

    /** A file of pronouns with their gender and number ("il m s"), in file order. */
    /** Pronouns of one word or more ("ce dernier"), each followed by its gender and number (m/f, s/p). */
    private Map<String, Pronoun> pronouns(String file) {
        Map<String, Pronoun> pronouns = new LinkedHashMap<>();
        for (String line : lines(file)) {
            String[] fields = line.split("\\s+");
            String pronoun = String.join(" ", Arrays.copyOfRange(fields, 0, fields.length - 2));
            pronouns.put(pronoun, new Pronoun(fields[fields.length - 2].charAt(0), fields[fields.length - 1].equals("p")));
        }
        return pronouns;
    }

    private static Set<String> withBothApostrophes(List<String> words) {
        Set<String> all = new java.util.HashSet<>();
        for (String word : words) {
            all.add(word);
            all.add(word.replace('\'', '’'));
            all.add(word.replace('’', '\''));
        }
        return Set.copyOf(all);
    }

    /**
     * A file of two columns: the key and its value ("il m"), or with {@code valueFirst} the value and its key
     * ("f Marie"), in file order.
     */
    private Map<String, String> pairs(String file, boolean valueFirst) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String line : lines(file)) {
            int space = line.indexOf(' ');
            String first = line.substring(0, space);
            String second = line.substring(space + 1).strip();
            pairs.put(valueFirst ? second : first, valueFirst ? first : second);
        }
        return pairs;
    }

    /** The non-blank lines of a data file that are not comments, stripped, in order and without repeats. */
    private List<String> lines(String file) {
        InputStream in = Lexicon.class.getResourceAsStream(folder + file);
        if (in == null) {
            throw new IllegalStateException(folder + file + " is missing from the classpath");
        }
        Map<String, Boolean> lines = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.put(line, true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(lines.keySet());
    }
}

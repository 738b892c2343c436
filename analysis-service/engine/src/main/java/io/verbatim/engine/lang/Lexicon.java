package io.verbatim.engine.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A language's words that the rules need, read from its folder of data files on the classpath
 * ({@code lang/<code>/}): reporting verbs and their forms, and the verbs that report with an infinitive
 * ("affirme avoir vu", "a promis de revenir"). A second language is a second folder.
 */
public final class Lexicon {

    private final String language;
    private final CueVerbs cueVerbs;
    private final Set<String> infinitiveReports;
    private final Set<String> nonSourceNouns;
    private final Set<String> namingWords;
    private final Set<String> institutionHeads;
    private final Set<String> genericNouns;
    private final java.util.Map<String, Character> firstNameGender;
    private final Set<String> documents;
    private final Set<String> organisationPeople;
    private final Set<String> timeWords;
    private final Set<String> organisationPrefixes;

    private Lexicon(String language) {
        this.language = language;
        String folder = "/lang/" + language + "/";
        this.cueVerbs = new CueVerbs(Lexicon.class.getResourceAsStream(folder + "cue-verbs.txt"), folder + "cue-verbs.txt");
        this.infinitiveReports = words(folder + "infinitive-reports.txt");
        this.nonSourceNouns = words(folder + "non-source-nouns.txt");
        this.namingWords = words(folder + "naming-words.txt");
        this.institutionHeads = words(folder + "institution-heads.txt");
        this.genericNouns = words(folder + "generic-nouns.txt");
        java.util.Map<String, Character> genders = new java.util.HashMap<>();
        for (String line : words(folder + "first-names.txt")) {
            genders.put(line.substring(2).strip(), line.charAt(0));
        }
        this.firstNameGender = java.util.Map.copyOf(genders);
        this.documents = folded(words(folder + "documents.txt"));
        this.organisationPeople = folded(words(folder + "organisation-people.txt"));
        this.timeWords = words(folder + "time-words.txt");
        this.organisationPrefixes = words(folder + "organisation-prefixes.txt");
    }

    /** The lexicon of a language code ("fr"); fails when the language has no data folder. */
    public static Lexicon of(String language) {
        if (!language.matches("[a-z]{2,3}") || Lexicon.class.getResource("/lang/" + language + "/cue-verbs.txt") == null) {
            throw new IllegalArgumentException("no lexicon for language '" + language + "'");
        }
        return new Lexicon(language);
    }

    public String language() {
        return language;
    }

    /** The lemma of a reporting verb form ("a déclaré" → no, "déclaré" → "déclarer"). */
    public Optional<String> cueLemma(String form) {
        return cueVerbs.lemmaOf(form);
    }

    /** "se dire" when "dire" is used with its reflexive pronoun and the language lists the pronominal verb. */
    public Optional<String> pronominalCue(String lemma) {
        return cueVerbs.pronominal(lemma);
    }

    public boolean isCueForm(String lowerCaseForm) {
        return cueVerbs.isVerbForm(lowerCaseForm);
    }

    /** Does this reporting verb report content with an infinitive ("affirmer avoir", "promettre de")? */
    public boolean reportsInfinitive(String lemma) {
        return infinitiveReports.contains(lemma);
    }

    /** A noun that cannot be the source of an opinion ("pour la première fois", "pour cette raison"). */
    public boolean isNonSourceNoun(String lowerCaseNoun) {
        return nonSourceNouns.contains(lowerCaseNoun);
    }

    /** Is one of these lower-case words one that introduces a name or a title ("baptisé", "la vidéo")? */
    public boolean isNamingWord(java.util.Collection<String> lowerCaseWords) {
        return lowerCaseWords.stream().anyMatch(namingWords::contains);
    }

    /** Does this lower-case noun head the names of institutions ("observatoire", "fédération")? */
    public boolean isInstitutionHead(String lowerCaseNoun) {
        return institutionHeads.contains(lowerCaseNoun);
    }

    /** Is this a noun that, capitalised alone, stands for an institution in general ("État", "Région")? */
    public boolean isGenericNoun(String lowerCaseWord) {
        return genericNouns.contains(lowerCaseWord);
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

    /** Does this folded noun name a document, which speaks for whoever issued it ("rapport", "communiqué")? */
    public boolean isDocument(String foldedNoun) {
        return documents.contains(foldedNoun);
    }

    /** Does this folded noun name people who speak for the organisation named after them ("analystes de X")? */
    public boolean speaksForOrganisation(String foldedNoun) {
        return organisationPeople.contains(foldedNoun);
    }

    /** Is this lower-case word a day or a time of day, never the end of a name ("mardi", "soir")? */
    public boolean isTimeWord(String lowerCaseWord) {
        return timeWords.contains(lowerCaseWord.replace('’', '\''));
    }

    /** Does this word, as written, open the names of clubs and companies ("FC", "SARL")? */
    public boolean isOrganisationPrefix(String word) {
        return organisationPrefixes.contains(word);
    }

    private static Set<String> folded(Set<String> words) {
        return words.stream().map(FrenchWords::fold).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static Set<String> words(String resource) {
        InputStream in = Lexicon.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the classpath");
        }
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}

package io.verbatim.engine.entities;

import io.verbatim.engine.lang.WordClass;
import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.model.Entity;
import io.verbatim.engine.model.EntityType;
import io.verbatim.engine.model.Mention;
import io.verbatim.engine.syntax.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Groups the mentions of one article into entities. A person's short names ("Lecornu") join the fullest name
 * that contains them ("Sébastien Lecornu"); other entities group by their folded name. People also get the
 * descriptor the article introduces them with ("le ministre français des Armées Sébastien Lecornu",
 * "Jean Dupont, maire de Lyon,").
 */
public final class EntityResolver {

    private final Lexicon lexicon;

    public EntityResolver(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public record Resolution(List<Entity> entities, List<Mention> mentions) {
    }

    public Resolution resolve(String text, List<Token> tokens, List<Mention> mentions) {
        List<Mention> longestFirst = new ArrayList<>(mentions);
        longestFirst.sort(Comparator.comparingInt((Mention m) -> words(m.text()).length).reversed()
                .thenComparingInt(Mention::start));
        Map<String, Integer> indexByKey = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<EntityType> types = new ArrayList<>();
        List<Set<String>> aliases = new ArrayList<>();
        Map<Mention, Integer> entityOf = new LinkedHashMap<>();
        Map<String, String> organisationNames = organisationNames(text, mentions);
        // People by the folded words of their name, indexed by surname: a short name looks at its namesakes only.
        Map<String, List<Integer>> peopleBySurname = new HashMap<>();
        Map<Integer, List<String>> personWords = new HashMap<>();
        for (Mention m : longestFirst) {
            Integer index = m.type() == EntityType.PER ? personContaining(m.text(), peopleBySurname, personWords) : null;
            String name = m.type() == EntityType.ORG ? organisationNames.getOrDefault(m.text(), m.text()) : m.text();
            if (index == null) {
                index = indexByKey.get(m.type() + ":" + Lexicon.fold(name));
            }
            if (index == null) {
                index = names.size();
                names.add(name);
                types.add(m.type());
                aliases.add(new LinkedHashSet<>());
                indexByKey.put(m.type() + ":" + Lexicon.fold(name), index);
                if (m.type() == EntityType.PER) {
                    List<String> words = Arrays.asList(words(Lexicon.fold(name)));
                    personWords.put(index, words);
                    peopleBySurname.computeIfAbsent(words.get(words.size() - 1), k -> new ArrayList<>()).add(index);
                }
            }
            if (!m.text().equals(names.get(index))) {
                aliases.get(index).add(m.text());
            }
            entityOf.put(m, index);
        }
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<String> roles = types.get(i) == EntityType.PER ? rolesOf(text, tokens, mentions, entityOf, i) : List.of();
            entities.add(new Entity(keyOf(types.get(i), names.get(i)), names.get(i), types.get(i),
                    List.copyOf(aliases.get(i)), roles.isEmpty() ? null : roles.get(0), roles));
        }
        List<Mention> resolved = mentions.stream().map(m -> m.withEntity(entityOf.get(m))).toList();
        return new Resolution(entities, resolved);
    }

    /** The same key for the same entity across articles: type and folded name. */
    static String keyOf(EntityType type, String name) {
        return type.name() + ":" + Lexicon.fold(name);
    }

    /**
     * Short names of organisations mapped to the full name they abbreviate in this article: an acronym given in
     * brackets after the name ("Hewlett-Packard (HP)") or the first part of a hyphenated name ("SUD" for "SUD-PTT").
     */
    private Map<String, String> organisationNames(String text, List<Mention> mentions) {
        Map<String, String> full = new LinkedHashMap<>();
        Map<String, String> folded = new LinkedHashMap<>();
        mentions.stream().filter(m -> m.type() == EntityType.ORG)
                .forEach(m -> folded.putIfAbsent(m.text(), Lexicon.fold(m.text())));
        for (Mention m : mentions) {
            if (m.type() != EntityType.ORG) {
                continue;
            }
            java.util.regex.Matcher bracket = ACRONYM_IN_BRACKETS.matcher(text).region(m.end(), text.length());
            if (bracket.lookingAt() && !bracket.group(1).equals(m.text())) {
                full.putIfAbsent(bracket.group(1), m.text());
            }
            String prefix = folded.get(m.text()) + "-";
            folded.forEach((other, otherFolded) -> {
                if (other.length() > m.text().length() + 1 && otherFolded.startsWith(prefix)) {
                    full.putIfAbsent(m.text(), other);
                }
            });
        }
        // "le BEA, le Bureau d'enquêtes et d'analyses", "HRW" for "Human Rights Watch": an acronym made of the
        // initials of another organisation's name in the article stands for it.
        for (Mention m : mentions) {
            if (m.type() == EntityType.ORG && isAcronym(m.text()) && !full.containsKey(m.text())) {
                mentions.stream().filter(o -> o.type() == EntityType.ORG && initialsMatch(m.text(), o.text()))
                        .findFirst().ifPresent(o -> full.put(m.text(), o.text()));
            }
        }
        // An acronym's full name may itself be short for a longer one.
        full.replaceAll((shortName, name) -> full.getOrDefault(name, name));
        return full;
    }

    private static boolean isAcronym(String name) {
        return name.length() >= 2 && name.length() <= 8 && name.chars().allMatch(Character::isUpperCase);
    }

    /**
     * Do the acronym's letters spell the initials of the name's content words ("Armée de libération nationale"
     * → ALN), possibly with lower-case words after them ("Parti populaire espagnol" → PP) or a complement that
     * the acronym leaves out, the place or the parent body ("Service départemental d'incendie et de secours de
     * l'Aude" → SDIS)? After Schwartz &amp; Hearst (2003), who match an abbreviation's letters to the initials of
     * the words of its definition.
     */
    private boolean initialsMatch(String acronym, String name) {
        String[] words = name.split("[\\s\\u00a0'’-]+");
        int letter = 0;
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            if (word.isEmpty()) {
                continue;
            }
            String lower = lexicon.lower(word);
            if (letter == acronym.length()) {
                // Spelled out: what follows is lower-case words, or a complement the acronym leaves out.
                if (lexicon.is(WordClass.COMPLEMENT_PREPOSITIONS, lower) || lexicon.is(WordClass.COMPLEMENT_PREPOSITIONS, lower + "'")) {
                    return true;
                }
                if (Character.isUpperCase(word.charAt(0))) {
                    return false;
                }
            } else if (!lexicon.is(WordClass.ACRONYM_SKIPPED_WORDS, lower)) {
                if (Character.toUpperCase(word.charAt(0)) != acronym.charAt(letter)) {
                    return false;
                }
                letter++;
            }
        }
        return letter == acronym.length();
    }

    /** "Hewlett-Packard (HP)": an acronym in brackets right after a name. */
    private static final java.util.regex.Pattern ACRONYM_IN_BRACKETS =
            java.util.regex.Pattern.compile("[\\s\\u00a0]*\\((\\p{Lu}[\\p{Lu}\\d&-]{1,9})\\)");

    private static Integer personContaining(String name, Map<String, List<Integer>> peopleBySurname,
                                            Map<Integer, List<String>> personWords) {
        List<String> parts = Arrays.asList(words(Lexicon.fold(name)));
        for (int i : peopleBySurname.getOrDefault(parts.get(parts.size() - 1), List.of())) {
            List<String> fuller = personWords.get(i);
            if (fuller.size() >= parts.size() && !fuller.equals(parts) && sameSurname(parts, fuller)
                    && parts.subList(0, parts.size() - 1).stream().allMatch(p -> namedBy(p, fuller))) {
                return i;
            }
        }
        return null;
    }

    private static boolean sameSurname(List<String> parts, List<String> fuller) {
        return fuller.get(fuller.size() - 1).equals(parts.get(parts.size() - 1));
    }

    /** A first name written in full, or as initials ("v." for "valerie", "j-m" or "j.-m." for "jean-marc"). */
    private static boolean namedBy(String part, List<String> fuller) {
        if (fuller.contains(part)) {
            return true;
        }
        String initials = part.replaceAll("[.\\s]", "");
        if (!initials.matches("\\p{L}(-\\p{L})*")) {
            return false;
        }
        String[] letters = initials.split("-");
        for (String word : fuller.subList(0, fuller.size() - 1)) {
            String[] pieces = word.split("-");
            if (pieces.length == letters.length) {
                boolean all = true;
                for (int k = 0; k < pieces.length; k++) {
                    all &= pieces[k].startsWith(letters[k]);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String[] words(String name) {
        return name.strip().split("[\\s\\u00a0]+");
    }

    /**
     * The roles the article gives the person, in text order: the noun phrase just before a name, or an apposition
     * after it. The first is how the article introduces them (their descriptor).
     */
    private List<String> rolesOf(String text, List<Token> tokens, List<Mention> mentions,
                                 Map<Mention, Integer> entityOf, int entity) {
        Set<String> roles = new LinkedHashSet<>();
        for (Mention m : mentions) {
            if (entityOf.get(m) != entity) {
                continue;
            }
            int first = tokenAt(tokens, m.start());
            int last = tokenAt(tokens, m.end() - 1);
            if (first < 0 || last < 0) {
                continue;
            }
            String before = roleBefore(text, tokens, first);
            String apposition = before == null && !afterSourcePreposition(tokens, first) ? appositionAfter(text, tokens, last) : null;
            if (before != null) {
                roles.add(before);
            } else if (apposition != null) {
                roles.add(apposition);
            }
        }
        return List.copyOf(roles);
    }

    /**
     * "[le] ministre français des Armées [Sébastien Lecornu]", "[la] présidente de la région Occitanie, [Hélène
     * Carrère]": the words back to the determiner that opens the role phrase (not one after "de").
     */
    private String roleBefore(String text, List<Token> tokens, int nameToken) {
        int sentence = tokens.get(nameToken).sentence();
        int i = nameToken - 1;
        while (i >= 0 && lexicon.is(WordClass.TITLES, lexicon.lower(tokens.get(i).text()))
                && tokens.get(i).isCapitalized()) {
            i--;
        }
        if (i >= 0 && tokens.get(i).text().equals(",")) {
            i--;
        }
        int end = i;
        while (i >= 0 && nameToken - i <= 10 && tokens.get(i).sentence() == sentence && tokens.get(i).isWord()) {
            String word = lexicon.lower(tokens.get(i).text());
            boolean afterPreposition = i > 0 && lexicon.is(WordClass.PREPOSITIONS, lexicon.lower(tokens.get(i - 1).text()));
            if (lexicon.is(WordClass.ROLE_OPENERS, word) && i < end && !afterPreposition) {
                Token head = tokens.get(i + 1);
                if (head.isCapitalized() && !lexicon.is(WordClass.TITLES, lexicon.lower(head.text()))) {
                    return null;
                }
                return text.substring(head.start(), tokens.get(end).end());
            }
            if (lexicon.is(WordClass.DESCRIPTOR_BREAKS, word)) {
                return null;
            }
            i--;
        }
        return null;
    }


    /**
     * "Selon Jean Dupont, les manifestants …", "D'après X, …", "Pour X, …": the comma after the name closes the source
     * phrase, and what follows is what the source says, not an apposition.
     */
    private boolean afterSourcePreposition(List<Token> tokens, int nameToken) {
        if (nameToken == 0) {
            return false;
        }
        String word = lexicon.lower(tokens.get(nameToken - 1).text());
        return Stream.concat(lexicon.words(WordClass.SOURCE_PREPOSITIONS).stream(), lexicon.words(WordClass.OPINION_PREPOSITIONS).stream())
                .anyMatch(p -> p.equals(word) || p.endsWith("'" + word) || p.endsWith("’" + word) || p.endsWith(" " + word));
    }

    /**
     * "Jean Dupont, maire de Lyon, a déclaré", "…, résume Laurent Guillot, éleveur à Grézieu.": a lower-case phrase
     * between commas after the name, or from its comma to the end of the sentence.
     */
    private String appositionAfter(String text, List<Token> tokens, int nameToken) {
        int i = nameToken + 1;
        if (i >= tokens.size() || !tokens.get(i).text().equals(",")) {
            return null;
        }
        int start = i + 1;
        if (start >= tokens.size() || tokens.get(start).isCapitalized() || !tokens.get(start).isWord()
                || lexicon.isCueForm(lexicon.lower(tokens.get(start).text()))
                || lexicon.is(WordClass.APPOSITION_BREAKS, tokens.get(start).text())) {
            return null;
        }
        int j = start;
        while (j < tokens.size() && j - start < 12 && tokens.get(j).sentence() == tokens.get(nameToken).sentence()) {
            String word = tokens.get(j).text();
            // "…, résume Laurent Guillot, éleveur à Grézieu." ends the apposition with the sentence, unless it opens
            // with a preposition ("…, a dit X, en marge du conseil.").
            boolean sentenceEnd = word.equals(".") && !lexicon.is(WordClass.PREPOSITIONS, lexicon.lower(tokens.get(start).text()));
            if (j > start && (word.equals(",") || sentenceEnd)) {
                return text.substring(tokens.get(start).start(), tokens.get(j - 1).end());
            }
            j++;
        }
        return null;
    }

    static int tokenAt(List<Token> tokens, int offset) {
        int low = 0;
        int high = tokens.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Token t = tokens.get(mid);
            if (offset < t.start()) {
                high = mid - 1;
            } else if (offset >= t.end()) {
                low = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}

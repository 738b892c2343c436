package io.verbatim.engine.entities;

import io.verbatim.engine.lang.WordClass;
import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.model.EntityType;
import io.verbatim.engine.model.Mention;
import io.verbatim.engine.syntax.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the tagger's word classes into entity mentions with the spans of the annotation conventions:
 * no determiner, no title, no photo credit, acronyms as organisations, and one type per name in an article.
 */
/* One instance per article: it keeps state while recognizing. */
public final class EntityRecognizer {

    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}\\d&]{1,6}");

    private static final int CONTEXT_VOTE = 5;

    /** Starts of the mentions typed by a context rule rather than by the tagger (per call). */
    private final Set<Integer> typedByContext = new java.util.HashSet<>();
    private final Lexicon lexicon;
    private final Patterns patterns;

    public EntityRecognizer(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.patterns = lexicon.derived(Patterns.class, Patterns::new);
    }

    public List<Mention> recognize(String text, List<Token> tokens) {
        typedByContext.clear();
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (token.nerClass() == null) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && tokens.get(j).nerClass() == token.nerClass()
                    && tokens.get(j).sentence() == token.sentence() && !isBreak(tokens.get(j))
                    && !lexicon.is(WordClass.SPAN_SPLITTERS, tokens.get(j).text())
                    && text.substring(tokens.get(j - 1).end(), tokens.get(j).start()).indexOf('\n') < 0) {
                j++;
            }
            clean(text, tokens.subList(i, j), token.nerClass(), mentions);
            i = j == i ? i + 1 : j;
            while (i < tokens.size() && isBreak(tokens.get(i)) && tokens.get(i).nerClass() != null) {
                i++;
            }
        }
        return harmonize(text, tokens, withNamedPublicBodies(text, tokens, withOrganisationNames(text, tokens,
                withPersonNames(text, tokens, withInstitutionNames(text, tokens, mentions)))));
    }

    /**
     * "le musée du Louvre", "le tribunal correctionnel de Rennes", "l'hôpital Sao Joao": a lower-case noun that opens
     * the name of a public body (government-heads.txt), with up to two adjectives, then a named complement or the
     * name itself, is one organisation, the noun included, whatever the tagger made of the name after it.
     */
    private List<Mention> withNamedPublicBodies(String text, List<Token> tokens, List<Mention> mentions) {
        TreeMap<Integer, Mention> result = byStart(mentions);
        for (Mention m : mentions) {
            int k = EntityResolver.tokenAt(tokens, m.start());
            if (k <= 0 || m.type() == EntityType.ORG && m.start() > 0 && !tokens.get(k).isCapitalized()) {
                continue;
            }
            int sentence = tokens.get(k).sentence();
            int i = k - 1;
            if (i >= 0 && lexicon.is(WordClass.DEFINITE_ARTICLES, lexicon.lower(tokens.get(i).text()))
                    && !tokens.get(i).isCapitalized()) {
                i--;
            }
            boolean complement = i >= 0 && lexicon.is(WordClass.COMPLEMENT_PREPOSITIONS, lexicon.lower(tokens.get(i).text()));
            if (complement) {
                i--;
            }
            for (int adjectives = 0; adjectives < 2 && i > 0 && isPlainWord(tokens.get(i))
                    && !lexicon.is(WordClass.GOVERNMENT_HEADS, tokens.get(i).text()); adjectives++) {
                i--;
            }
            if (i < 0 || tokens.get(i).sentence() != sentence || !lexicon.is(WordClass.GOVERNMENT_HEADS, tokens.get(i).text())
                    || !complement && i != k - 1) {
                continue;
            }
            int start = tokens.get(i).start();
            if (overlapping(result, start, m.start()).stream().anyMatch(o -> o != m)) {
                continue;
            }
            result.remove(m.start());
            result.put(start, new Mention(start, m.end(), text.substring(start, m.end()), EntityType.ORG, -1));
            typedByContext.add(start);
        }
        return new ArrayList<>(result.values());
    }

    /** A lower-case word that is neither a determiner nor a preposition (an adjective, most likely). */
    private boolean isPlainWord(Token token) {
        String word = lexicon.lower(token.text());
        return token.isWord() && !token.isCapitalized() && !lexicon.is(WordClass.DETERMINERS, word)
                && !lexicon.is(WordClass.PREPOSITIONS, word) && !lexicon.is(WordClass.COMPLEMENT_PREPOSITIONS, word);
    }

    /**
     * "Lise Carmin", "Jean-Marc Delorme": a first name followed by capitalised words is a person, whatever type
     * the tagger gave the span or if it gave none.
     */
    private List<Mention> withPersonNames(String text, List<Token> tokens, List<Mention> mentions) {
        TreeMap<Integer, Mention> result = byStart(mentions);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token first = tokens.get(i);
            if (!lexicon.isFirstName(first.text())) {
                continue;
            }
            int last = i;
            while (last + 1 < tokens.size() && tokens.get(last + 1).sentence() == first.sentence()
                    && tokens.get(last + 1).isCapitalized() && tokens.get(last + 1).isWord()
                    && !lexicon.is(WordClass.NEVER_ENTITIES, lexicon.lower(tokens.get(last + 1).text()))
                    && !lexicon.is(WordClass.INSTITUTION_HEADS, lexicon.lower(tokens.get(last + 1).text()))) {
                last++;
            }
            if (last == i) {
                continue;
            }
            int start = first.start();
            int end = tokens.get(last).end();
            List<Mention> overlapping = overlapping(result, start, end);
            boolean person = overlapping.stream().anyMatch(m -> m.type() == EntityType.PER);
            boolean longerName = overlapping.stream().anyMatch(m -> (m.start() < start || m.end() > end)
                    && m.type() != EntityType.MISC);
            if (!person && !longerName) {
                overlapping.forEach(m -> result.remove(m.start()));
                result.put(start, new Mention(start, end, text.substring(start, end), EntityType.PER, -1));
                typedByContext.add(start);
            }
            i = last;
        }
        return new ArrayList<>(result.values());
    }

    private static TreeMap<Integer, Mention> byStart(List<Mention> mentions) {
        TreeMap<Integer, Mention> byStart = new TreeMap<>();
        mentions.forEach(m -> byStart.put(m.start(), m));
        return byStart;
    }

    /** The mentions overlapping a span (mentions never overlap one another, so they follow each other). */
    private static List<Mention> overlapping(TreeMap<Integer, Mention> byStart, int start, int end) {
        List<Mention> found = new ArrayList<>();
        Map.Entry<Integer, Mention> before = byStart.lowerEntry(start);
        if (before != null && before.getValue().end() > start) {
            found.add(before.getValue());
        }
        found.addAll(byStart.subMap(start, true, end, false).values());
        return found;
    }

    /** The sentences whose tags the recognizer reads: those with an institution name (its extent is in the tags). */
    public BitSet sentencesToTag(List<Token> tokens) {
        BitSet sentences = new BitSet();
        for (int i = 0; i < tokens.size(); i++) {
            if (isInstitutionHead(tokens.get(i)) || namesAnOrganisation(tokens, i)) {
                sentences.set(tokens.get(i).sentence());
            }
        }
        return sentences;
    }

    /** "l'ONG Océans vivants", "le quotidien Le Courrier …": a kind of organisation, then a capitalised name. */
    private boolean namesAnOrganisation(List<Token> tokens, int i) {
        Token kind = tokens.get(i);
        // The kind in lower case, or as an acronym ("l'ONG"); capitalised, it heads a name of its own.
        return i + 1 < tokens.size() && (!kind.isCapitalized() || ACRONYM.matcher(kind.text()).matches())
                && lexicon.is(WordClass.ORGANISATION_NOUNS, lexicon.lower(kind.text()))
                && tokens.get(i + 1).isCapitalized() && tokens.get(i + 1).sentence() == kind.sentence();
    }

    /**
     * "l'ONG Océans vivants", "le journal Le Courrier économique": the name after a kind of organisation is its
     * capitalised words with the lower-case adjectives after them (French capitalises only the first word of a
     * name), an organisation whatever the tagger made of it.
     */
    private List<Mention> withOrganisationNames(String text, List<Token> tokens, List<Mention> mentions) {
        TreeMap<Integer, Mention> result = byStart(mentions);
        for (int i = 0; i < tokens.size(); i++) {
            if (!namesAnOrganisation(tokens, i)) {
                continue;
            }
            int first = i + 1;
            int last = first;
            while (last + 1 < tokens.size() && tokens.get(last + 1).sentence() == tokens.get(first).sentence()
                    && tokens.get(last + 1).isCapitalized() && tokens.get(last + 1).isWord()) {
                last++;
            }
            int named = last;
            while (last + 1 < tokens.size() && tokens.get(last + 1).sentence() == tokens.get(first).sentence()
                    && "ADJ".equals(tokens.get(last + 1).pos()) && !tokens.get(last + 1).isCapitalized()) {
                last++;
            }
            if (last == named) {
                continue;
            }
            int start = tokens.get(first).start();
            int end = tokens.get(last).end();
            List<Mention> overlapping = overlapping(result, start, end);
            if (overlapping.stream().anyMatch(m -> m.start() < start || m.end() > end)) {
                continue;
            }
            overlapping.forEach(m -> result.remove(m.start()));
            result.put(start, new Mention(start, end, text.substring(start, end), EntityType.ORG, -1));
            typedByContext.add(start);
            i = last;
        }
        return new ArrayList<>(result.values());
    }

    private boolean isInstitutionHead(Token token) {
        return token.isCapitalized() && lexicon.is(WordClass.INSTITUTION_HEADS, lexicon.lower(token.text()));
    }

    /**
     * French writes an institution's name with one capital: "l'Observatoire national des prix agricoles", "le
     * Bureau d'enquêtes et d'analyses". A capitalised institution noun with its adjectives and "de" complements
     * in lower case is an organisation, whatever the tagger made of it; a named complement ends it.
     */
    private List<Mention> withInstitutionNames(String text, List<Token> tokens, List<Mention> mentions) {
        TreeMap<Integer, Mention> result = byStart(mentions);
        for (int i = 0; i < tokens.size(); i++) {
            Token head = tokens.get(i);
            if (!isInstitutionHead(head)) {
                continue;
            }
            int last = institutionNameEnd(tokens, i);
            if (last == i) {
                continue;
            }
            int start = head.start();
            int end = tokens.get(last).end();
            List<Mention> overlapping = overlapping(result, start, end);
            if (overlapping.stream().anyMatch(m -> m.type() == EntityType.PER)) {
                continue;
            }
            overlapping.forEach(m -> result.remove(m.start()));
            result.put(start, new Mention(start, end, text.substring(start, end), EntityType.ORG, -1));
            typedByContext.add(start);
            i = last;
        }
        return new ArrayList<>(result.values());
    }

    /** The last token of an institution's name that starts at {@code head} (the head itself when none follows). */
    private int institutionNameEnd(List<Token> tokens, int head) {
        int last = head;
        int j = head + 1;
        while (j < tokens.size() && tokens.get(j).sentence() == tokens.get(head).sentence()) {
            Token t = tokens.get(j);
            if ("ADJ".equals(t.pos()) && !t.isCapitalized()) {
                last = j++;
                continue;
            }
            int complement = j;
            String word = lexicon.lower(t.text());
            if (lexicon.is(WordClass.NAME_CONJUNCTIONS, word) && j + 1 < tokens.size()) {
                complement = j + 1;
                word = lexicon.lower(tokens.get(complement).text());
            }
            if (!lexicon.is(WordClass.COMPLEMENT_PREPOSITIONS, word) || complement + 1 >= tokens.size()) {
                break;
            }
            int noun = complement + 1;
            if (noun < tokens.size() && lexicon.is(WordClass.DEFINITE_ARTICLES, lexicon.lower(tokens.get(noun).text()))) {
                noun++;
            }
            if (noun >= tokens.size() || tokens.get(noun).sentence() != tokens.get(head).sentence()) {
                break;
            }
            if (tokens.get(noun).isCapitalized()) {
                // "Association des leaders religieux du Mali", "Conseil de sécurité de l'ONU": a named complement
                // ends the name.
                int name = noun;
                while (name + 1 < tokens.size() && tokens.get(name + 1).isCapitalized()
                        && tokens.get(name + 1).sentence() == tokens.get(head).sentence()) {
                    name++;
                }
                return name;
            }
            if (!"NOUN".equals(tokens.get(noun).pos())) {
                break;
            }
            last = noun;
            j = noun + 1;
        }
        return last;
    }

    /** Characters that never sit inside a name: a credit slash, brackets, quote marks, sentence punctuation. */
    private static boolean isBreak(Token token) {
        return token.text().matches("[/()\\[\\],;:«»“”\"!?.]") && !token.text().equals(".");
    }

    private void clean(String text, List<Token> span, EntityType type, List<Mention> out) {
        int from = 0;
        int to = span.size();
        boolean droppedRoleNoun = false;
        while (from < to) {
            Token first = span.get(from);
            String word = lexicon.lower(first.text());
            if (lexicon.is(WordClass.GOVERNMENT_HEADS, word)) {
                type = EntityType.ORG;
                break;
            }
            if (lexicon.is(WordClass.DETERMINERS, word) || !first.isWord()
                    || lexicon.is(WordClass.TITLES, word) && first.isCapitalized()
                    || to - from > 1 && lexicon.is(WordClass.ORGANISATION_NOUNS, word)
                    && ACRONYM.matcher(first.text()).matches()) {
                // "ONG Human Rights Watch": the kind written as an acronym is not part of the name.
                from++;
            } else if (!first.isCapitalized()) {
                droppedRoleNoun = true;
                from++;
            } else {
                break;
            }
        }
        while (to > from && (!span.get(to - 1).isWord() || !span.get(to - 1).isCapitalized()
                && lexicon.is(WordClass.DETERMINERS, lexicon.lower(span.get(to - 1).text())))) {
            to--;
        }
        while (to > from && (lexicon.is(WordClass.CREDIT_WORDS, lexicon.lower(span.get(to - 1).text()))
                || lexicon.isTimeWord(lexicon.lower(span.get(to - 1).text()))
                && !span.get(to - 1).isCapitalized())) {
            to--;
        }
        if (from >= to) {
            return;
        }
        // "ministre de l'Agriculture Marc Delorme": the tagger glued the ministry to the name.
        if (type == EntityType.PER && to - from >= 3 && followsComplementArticle(text, span.get(from).start())) {
            from++;
        } else if (type == EntityType.PER && to - from >= 3 && followsPreposition(text, span.get(from).start())
                && !lexicon.isFirstName(span.get(from).text()) && lexicon.isFirstName(span.get(from + 1).text())) {
            // "le directeur du site de Jababeka David Quentin": the place the tagger glued to the name ends where a
            // first name starts.
            from++;
        }
        // "le ministre français des Armées": a role, not the name of an organisation.
        if (droppedRoleNoun && type != EntityType.PER && to - from == 1) {
            return;
        }
        int start = span.get(from).start();
        int end = span.get(to - 1).end();
        String surface = text.substring(start, end);
        if (lexicon.is(WordClass.NEVER_ENTITIES, lexicon.lower(surface)) || surface.length() < 2
                || lexicon.is(WordClass.GENERIC_NOUNS, lexicon.lower(surface))) {
            return;
        }
        if (type != EntityType.PER && (ACRONYM.matcher(surface).matches()
                || to - from > 1 && lexicon.is(WordClass.ORGANISATION_PREFIXES, span.get(from).text()))) {
            type = EntityType.ORG;
        }
        if (patterns.romanOrdinal().matcher(surface).matches()) {
            return;
        }
        Matcher placeNoun = patterns.placeNoun().matcher(text.substring(Math.max(0, start - 14), start));
        if (placeNoun.find() && !placeNoun.group(1).isEmpty()) {
            // "la place Tahrir", "la mosquée Sidi Yeyia": the kind of place is part of its name.
            start -= placeNoun.group().length();
            surface = text.substring(start, end);
            type = EntityType.LOC;
            typedByContext.add(start);
        } else if (to - from == 1 && isDemonym(text, span.get(from))) {
            type = EntityType.MISC;
        } else if (patterns.membersOf().matcher(clauseBefore(text, start)).find()) {
            // "les islamistes d'Ansar Eddine", "les militants du Fatah": people belong to an organisation.
            type = EntityType.ORG;
            typedByContext.add(start);
        } else if (followsNoun(text, start, WordClass.PRODUCT_NOUNS)) {
            type = EntityType.MISC;
            typedByContext.add(start);
        } else if (followsNoun(text, start, WordClass.ORGANISATION_NOUNS)
                || patterns.organisationApposition().matcher(clauseBefore(text, start)).find()) {
            type = EntityType.ORG;
            typedByContext.add(start);
        }
        out.add(new Mention(start, end, surface, type, -1));
    }

    private boolean followsPreposition(String text, int start) {
        return patterns.afterPlacePreposition().matcher(text.substring(Math.max(0, start - 4), start)).matches();
    }

    private boolean followsComplementArticle(String text, int start) {
        return patterns.afterComplementArticle().matcher(text.substring(Math.max(0, start - 7), start)).matches();
    }

    /** "les Américains", "deux Russes": a people, not a place. Country names in French come from the JDK. */
    private boolean isDemonym(String text, Token token) {
        String word = token.text();
        if (!word.endsWith("s") || patterns.countryNames().contains(Lexicon.fold(word))) {
            return false;
        }
        Matcher before = patterns.pluralQuantifier().matcher(text.substring(Math.max(0, token.start() - 12), token.start()));
        return before.find();
    }

    /**
     * "le syndicat SUD", "le groupe islamiste Ansar Eddine", "les canons automoteurs Caesar": one of the nouns
     * right before the name, or with one adjective between.
     */
    private boolean followsNoun(String text, int start, WordClass nouns) {
        String[] words = clauseBefore(text, start).strip().split("[^\\p{L}]+");
        int n = words.length;
        if (n >= 1 && lexicon.is(nouns, words[n - 1])) {
            return true;
        }
        // "le fabricant de vélos Cyclaro", "le groupe de presse Sudmedia": the kind with its complement.
        if (n >= 3 && lexicon.is(nouns, words[n - 3]) && lexicon.is(WordClass.COMPLEMENT_PREPOSITIONS, words[n - 2])
                && !words[n - 1].isEmpty()
                && Character.isLowerCase(words[n - 1].charAt(0))) {
            return true;
        }
        return n >= 2 && lexicon.is(nouns, words[n - 2]) && !words[n - 1].isEmpty()
                && Character.isLowerCase(words[n - 1].charAt(0)) && !lexicon.is(WordClass.DETERMINERS, words[n - 1])
                && !lexicon.is(WordClass.SPAN_SPLITTERS, words[n - 1]);
    }

    /** The text of the clause before a name (up to 50 characters, not across . ; :). */
    private static String clauseBefore(String text, int start) {
        String before = text.substring(Math.max(0, start - 50), start);
        int stop = Math.max(before.lastIndexOf('.'), Math.max(before.lastIndexOf(';'), before.lastIndexOf(':')));
        return before.substring(stop + 1);
    }

    /** A language's patterns for names in context, compiled once from its data. */
    private record Patterns(Pattern organisationApposition, Pattern placeNoun, Pattern membersOf, Pattern romanOrdinal,
                            Pattern afterPlacePreposition, Pattern afterComplementArticle, Pattern pluralQuantifier,
                            Pattern capitalArticle, Set<String> countryNames) {

        Patterns(Lexicon lexicon) {
            this(Pattern.compile("(?i)\\b" + lexicon.alternation(WordClass.DEFINITE_ARTICLES) + "[\\s\\u00a0]*"
                            + lexicon.alternation(WordClass.ORGANISATION_NOUNS) + "(?:[\\s\\u00a0]+"
                            + lexicon.alternation(WordClass.COMPLEMENT_PREPOSITIONS)
                            + "[\\s\\u00a0]*\\p{L}+){0,2}[\\s\\u00a0]*,[\\s\\u00a0]*$"),
                    Pattern.compile("(?<!\\p{L})(" + lexicon.alternation(WordClass.PLACE_NOUNS) + ")[\\s\\u00a0]+$"),
                    Pattern.compile("(?<!\\p{L})" + lexicon.alternation(WordClass.MEMBER_NOUNS) + "[\\s\\u00a0]+"
                            + lexicon.alternation(WordClass.COMPLEMENT_PREPOSITIONS) + "[\\s\\u00a0]*$"),
                    Pattern.compile("[IVXL]+" + lexicon.alternation(WordClass.ORDINAL_SUFFIXES)),
                    endsWithWordBefore(lexicon.words(WordClass.PLACE_PREPOSITIONS)),
                    endsWithWordBefore(lexicon.words(WordClass.COMPLEMENT_ARTICLES)),
                    Pattern.compile("(?i)" + lexicon.alternation(WordClass.PLURAL_QUANTIFIERS) + "[\\s\\u00a0]+$"),
                    Pattern.compile(Lexicon.alternationOf(lexicon.words(WordClass.DEFINITE_ARTICLES).stream()
                            .map(a -> Character.toUpperCase(a.charAt(0)) + a.substring(1)).toList(), false) + "[\\s\\u00a0]?$"),
                    // Country names in the language come from the JDK.
                    Arrays.stream(Locale.getISOCountries())
                            .map(code -> Lexicon.fold(new Locale("", code).getDisplayCountry(lexicon.morphology().locale())))
                            .collect(Collectors.toUnmodifiableSet()));
        }

        /** Text that ends with one of the words, right before a name: after a space, or glued to an elision. */
        private static Pattern endsWithWordBefore(List<String> words) {
            return Pattern.compile("(?s).*\\b" + Lexicon.alternationOf(words.stream()
                    .map(w -> w.endsWith("'") ? w : w + " ").toList(), false) + "$");
        }
    }

    /**
     * One name, one type: every mention of a surface takes the type most often given to it, and occurrences
     * the tagger missed (a surname used alone, a repeated acronym) are added.
     */
    private List<Mention> harmonize(String text, List<Token> tokens, List<Mention> mentions) {
        Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
        for (Mention m : mentions) {
            // A type read from the context ("le syndicat X") outweighs the tagger's guesses elsewhere.
            int weight = typedByContext.contains(m.start()) ? CONTEXT_VOTE : 1;
            votes.computeIfAbsent(m.text(), k -> new HashMap<>()).merge(m.type(), weight, Integer::sum);
            if (m.type() == EntityType.PER && m.text().contains(" ")) {
                String surname = m.text().substring(m.text().lastIndexOf(' ') + 1);
                votes.computeIfAbsent(surname, k -> new HashMap<>()).merge(EntityType.PER, 1, Integer::sum);
            }
        }
        Map<String, EntityType> typeOf = new HashMap<>();
        votes.forEach((surface, counts) -> typeOf.put(surface, counts.entrySet().stream()
                .max(Map.Entry.<EntityType, Integer>comparingByValue().thenComparing(e -> -e.getKey().ordinal()))
                .orElseThrow().getKey()));

        TreeMap<Integer, Mention> byStart = new TreeMap<>();
        for (Mention m : mentions) {
            byStart.put(m.start(), new Mention(m.start(), m.end(), m.text(), typeOf.get(m.text()), -1));
        }
        addMissedOccurrences(text, tokens, typeOf, byStart);
        return withNameArticles(text, new ArrayList<>(byStart.values()));
    }


    /**
     * "La Poste", "Le Monde": an article written with a capital inside a sentence belongs to the name. Every
     * mention of that name preceded by the capitalised article then keeps it, at the start of a sentence too.
     */
    private List<Mention> withNameArticles(String text, List<Mention> mentions) {
        int[] articleLength = new int[mentions.size()];
        Set<String> namesWithArticle = new java.util.HashSet<>();
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            Matcher article = patterns.capitalArticle().matcher(text.substring(Math.max(0, m.start() - 4), m.start()));
            articleLength[i] = article.find() ? article.group().length() : 0;
            // An acronym never takes the article ("le PP", "la SNCF"): a capital there opens a sentence.
            if (m.type() != EntityType.PER && articleLength[i] > 0 && !ACRONYM.matcher(m.text()).matches()
                    && !opensSentence(text, m.start() - articleLength[i])) {
                namesWithArticle.add(m.text());
            }
        }
        if (namesWithArticle.isEmpty()) {
            return mentions;
        }
        List<Mention> result = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            if (namesWithArticle.contains(m.text()) && articleLength[i] > 0) {
                int start = m.start() - articleLength[i];
                result.add(new Mention(start, m.end(), text.substring(start, m.end()), m.type(), -1));
            } else {
                result.add(m);
            }
        }
        return result;
    }

    private static boolean opensSentence(String text, int offset) {
        int i = offset - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\u00a0')) {
            i--;
        }
        if (i > 0 && "»”".indexOf(text.charAt(i)) >= 0) {
            // "… pour la langue. » La Région …": a quotation that ends its sentence ends this one too.
            int j = i - 1;
            while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\u00a0')) {
                j--;
            }
            return j < 0 || ".!?…".indexOf(text.charAt(j)) >= 0;
        }
        return i < 0 || ".!?\n:«\"“—-".indexOf(text.charAt(i)) >= 0;
    }

    /**
     * Occurrences of the article's names that the tagger missed, in one pass over the tokens: at each word, the
     * longest known name that starts there, between word boundaries, where no mention is yet.
     */
    private static void addMissedOccurrences(String text, List<Token> tokens, Map<String, EntityType> typeOf,
                                             TreeMap<Integer, Mention> byStart) {
        Map<String, List<String>> namesByFirstWord = new HashMap<>();
        typeOf.keySet().stream()
                .filter(name -> name.length() >= 3 && Character.isUpperCase(name.codePointAt(0)))
                .sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(name -> namesByFirstWord.computeIfAbsent(leadingWord(name), k -> new ArrayList<>()).add(name));
        for (Token token : tokens) {
            List<String> names = namesByFirstWord.get(leadingWord(token.text()));
            if (names == null) {
                continue;
            }
            int start = token.start();
            for (String name : names) {
                int end = start + name.length();
                if (sameName(text, start, name) && !isWordChar(text, start - 1) && !isWordChar(text, end)
                        && !overlapsAny(byStart, start, end)) {
                    byStart.put(start, new Mention(start, end, text.substring(start, end), typeOf.get(name), -1));
                    break;
                }
            }
        }
    }

    /** The letters and digits a name or a token starts with ("Moody" for "Moody's"). */
    /** Whether the name is written at {@code start}, either apostrophe standing for the other ("Moody’s"). */
    private static boolean sameName(String text, int start, String name) {
        if (start + name.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char a = text.charAt(start + i);
            char b = name.charAt(i);
            if (a != b && !(isApostrophe(a) && isApostrophe(b))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    private static String leadingWord(String text) {
        int end = 0;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private static boolean isWordChar(String text, int at) {
        return at >= 0 && at < text.length() && Character.isLetterOrDigit(text.charAt(at));
    }

    /** Mentions never overlap one another: the last one starting before {@code end} is the only candidate. */
    private static boolean overlapsAny(TreeMap<Integer, Mention> byStart, int start, int end) {
        Map.Entry<Integer, Mention> before = byStart.lowerEntry(end);
        return before != null && before.getValue().end() > start;
    }
}

package io.verbatim.analysis.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the tagger's word classes into entity mentions with the spans of the annotation conventions:
 * no determiner, no title, no photo credit, acronyms as organisations, and one type per name in an article.
 */
final class EntityRecognizer {

    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}\\d&]{1,6}");

    List<Mention> recognize(String text, List<Token> tokens) {
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
                    && tokens.get(j).sentence() == token.sentence() && !isBreak(tokens.get(j))) {
                j++;
            }
            clean(text, tokens.subList(i, j), token.nerClass(), mentions);
            i = j == i ? i + 1 : j;
            while (i < tokens.size() && isBreak(tokens.get(i)) && tokens.get(i).nerClass() != null) {
                i++;
            }
        }
        return harmonize(text, mentions);
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
            String word = FrenchWords.lower(first.text());
            if (FrenchWords.INSTITUTION_HEADS.contains(word)) {
                type = EntityType.ORG;
                break;
            }
            if (FrenchWords.DETERMINERS.contains(word) || FrenchWords.TITLES.contains(word) || !first.isWord()) {
                from++;
            } else if (!first.isCapitalized()) {
                droppedRoleNoun = true;
                from++;
            } else {
                break;
            }
        }
        while (to > from && (!span.get(to - 1).isWord() || !span.get(to - 1).isCapitalized()
                && FrenchWords.DETERMINERS.contains(FrenchWords.lower(span.get(to - 1).text())))) {
            to--;
        }
        while (to > from && FrenchWords.CREDIT_WORDS.contains(FrenchWords.lower(span.get(to - 1).text()))) {
            to--;
        }
        if (from >= to) {
            return;
        }
        // "le ministre français des Armées": a role, not the name of an organisation.
        if (droppedRoleNoun && type != EntityType.PER && to - from == 1) {
            return;
        }
        int start = span.get(from).start();
        int end = span.get(to - 1).end();
        String surface = text.substring(start, end);
        if (FrenchWords.NEVER_ENTITIES.contains(FrenchWords.lower(surface)) || surface.length() < 2) {
            return;
        }
        if (type != EntityType.PER && ACRONYM.matcher(surface).matches()) {
            type = EntityType.ORG;
        }
        out.add(new Mention(start, end, surface, type, -1));
    }

    /**
     * One name, one type: every mention of a surface takes the type most often given to it, and occurrences
     * the tagger missed (a surname used alone, a repeated acronym) are added.
     */
    private List<Mention> harmonize(String text, List<Mention> mentions) {
        Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
        for (Mention m : mentions) {
            votes.computeIfAbsent(m.text(), k -> new HashMap<>()).merge(m.type(), 1, Integer::sum);
            if (m.type() == EntityType.PER && m.text().contains(" ")) {
                String surname = m.text().substring(m.text().lastIndexOf(' ') + 1);
                votes.computeIfAbsent(surname, k -> new HashMap<>()).merge(EntityType.PER, 1, Integer::sum);
            }
        }
        Map<String, EntityType> typeOf = new HashMap<>();
        votes.forEach((surface, counts) -> typeOf.put(surface, counts.entrySet().stream()
                .max(Map.Entry.<EntityType, Integer>comparingByValue().thenComparing(e -> -e.getKey().ordinal()))
                .orElseThrow().getKey()));

        List<Mention> result = new ArrayList<>();
        for (Mention m : mentions) {
            result.add(new Mention(m.start(), m.end(), m.text(), typeOf.get(m.text()), -1));
        }
        typeOf.entrySet().stream()
                .sorted(Map.Entry.<String, EntityType>comparingByKey(Comparator.comparingInt(String::length)).reversed())
                .forEach(e -> addMissedOccurrences(text, e.getKey(), e.getValue(), result));
        result.sort(Comparator.comparingInt(Mention::start));
        return result;
    }

    private static void addMissedOccurrences(String text, String surface, EntityType type, List<Mention> mentions) {
        if (surface.length() < 3 || !Character.isUpperCase(surface.codePointAt(0))) {
            return;
        }
        Matcher matcher = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(surface) + "(?![\\p{L}\\d])").matcher(text);
        while (matcher.find()) {
            int start = matcher.start();
            int end = matcher.end();
            if (mentions.stream().noneMatch(m -> m.overlaps(start, end))) {
                mentions.add(new Mention(start, end, surface, type, -1));
            }
        }
    }
}

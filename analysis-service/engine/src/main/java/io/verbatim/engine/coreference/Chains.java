package io.verbatim.engine.coreference;

import io.verbatim.engine.model.Entity;
import io.verbatim.engine.model.EntityType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The article's entities as chains of the mentions that refer to them: their names, and the pronouns and
 * descriptions ("le ministre", "la fédération") that coreference resolved to them, in text order. Each mention
 * carries its grammatical role, which weighs in the salience of its entity at a later point of the text.
 */
public final class Chains {

    /** How a mention designates its entity. */
    public enum Kind { NAME, PRONOUN, DESCRIPTION }

    /** The grammatical role of a mention in its clause, from the tree where the sentence was parsed. */
    public enum Role { SUBJECT, OBJECT, INDIRECT, EMBEDDED }

    /**
     * A mention in a chain. {@code entity} is -1 for a pronoun or description that no entity of the article takes
     * (an unnamed group, an unknown antecedent).
     */
    public record Link(int start, int end, int sentence, Kind kind, Role role, int entity, String text) {
    }

    /**
     * Lappin and Leass's salience factors (Lappin & Leass 1994, "An algorithm for pronominal anaphora resolution",
     * Computational Linguistics 20(4)): every mention weighs 100 (sentence recency), plus 80 as a subject, 50 as
     * a direct object, 40 as an indirect object or oblique argument, plus 80 for a head noun (not embedded in
     * another noun phrase) and 50 for a non-adverbial mention; the weight halves with each sentence boundary
     * between the mention and the point of reference.
     */
    static double weight(Role role) {
        return switch (role) {
            case SUBJECT -> 100 + 80 + 80 + 50;
            case OBJECT -> 100 + 50 + 80 + 50;
            case INDIRECT -> 100 + 40 + 80 + 50;
            case EMBEDDED -> 100;
        };
    }

    /** Sentences back that salience counts: a mention's weight is under 1% of its own after as many halvings. */
    static final int WINDOW = 7;

    private final List<Link> links;
    private final Map<Integer, List<Link>> byEntity = new HashMap<>();
    private final List<Entity> entities;
    private final char[] genders;
    private final List<Set<String>> roleWords;
    /** The offset where each sentence starts. */
    private final int[] sentenceStarts;

    Chains(List<Link> links, List<Entity> entities, char[] genders, List<Set<String>> roleWords, int[] sentenceStarts) {
        this.sentenceStarts = sentenceStarts;
        this.links = links.stream().sorted(Comparator.comparingInt(Link::start)).toList();
        this.links.forEach(l -> byEntity.computeIfAbsent(l.entity(), e -> new ArrayList<>()).add(l));
        this.entities = entities;
        this.genders = genders;
        this.roleWords = roleWords;
    }

    /** The sentence an offset of the text is in. */
    public int sentenceAt(int offset) {
        int found = java.util.Arrays.binarySearch(sentenceStarts, offset);
        return Math.max(0, found >= 0 ? found : -found - 2);
    }

    /** The folded words an entity can be designated by: a person's roles, an organisation's name and kind. */
    public Set<String> roleWords(int entity) {
        return roleWords.get(entity);
    }

    /** Every mention of every chain, in text order. */
    public List<Link> links() {
        return links;
    }

    /** The mentions of one entity, in text order. */
    public List<Link> chain(int entity) {
        return byEntity.getOrDefault(entity, List.of());
    }

    /** The mentions that start inside a span of the text, in text order. */
    public List<Link> linksIn(int start, int end) {
        List<Link> found = new ArrayList<>();
        for (int i = firstFrom(l -> l.start() >= start); i < links.size() && links.get(i).start() < end; i++) {
            found.add(links.get(i));
        }
        return found;
    }

    /** The mentions of a range of sentences, in text order. */
    public List<Link> linksOfSentences(int first, int last) {
        List<Link> found = new ArrayList<>();
        for (int i = firstFrom(l -> l.sentence() >= first); i < links.size() && links.get(i).sentence() <= last; i++) {
            found.add(links.get(i));
        }
        return found;
    }

    /** The index of the first link that satisfies a condition that holds from some link on (links in text order). */
    private int firstFrom(java.util.function.Predicate<Link> from) {
        int low = 0;
        int high = links.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (from.test(links.get(mid))) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The pronoun or description inside a span (a source phrase found by the attribution rules), if any. */
    public Link referenceAt(int start, int end) {
        for (Link link : linksIn(start, end)) {
            if (link.kind() != Kind.NAME && link.end() <= end) {
                return link;
            }
        }
        return null;
    }

    /** A person's grammatical gender, 'm', 'f' or '?' (titles, first names); '?' for anything else. */
    public char genderOf(int entity) {
        return entity < 0 ? '?' : genders[entity];
    }

    /**
     * The salience of an entity at a point of the text in sentence {@code sentence}: the weights of its mentions
     * before the point, each halved per sentence between them (Lappin and Leass).
     */
    public double salience(int entity, int offset, int sentence) {
        double salience = 0;
        for (Link link : chain(entity)) {
            if (link.start() >= offset) {
                break;
            }
            if (link.sentence() >= sentence - WINDOW) {
                salience += weight(link.role()) * Math.pow(0.5, Math.max(0, sentence - link.sentence()));
            }
        }
        return salience;
    }

    /** The entities of a type by salience at a point, most salient first (only those mentioned shortly before it). */
    public List<Integer> bySalience(int offset, int sentence, EntityType type) {
        List<Integer> ranked = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Set<Integer> seen = new java.util.HashSet<>();
        for (Link link : linksOfSentences(sentence - WINDOW, sentence)) {
            int e = link.entity();
            if (e >= 0 && link.start() < offset && seen.add(e) && entities.get(e).type() == type) {
                double s = salience(e, offset, sentence);
                if (s > 0) {
                    int at = 0;
                    while (at < scores.size() && scores.get(at) >= s) {
                        at++;
                    }
                    ranked.add(at, e);
                    scores.add(at, s);
                }
            }
        }
        return ranked;
    }
}

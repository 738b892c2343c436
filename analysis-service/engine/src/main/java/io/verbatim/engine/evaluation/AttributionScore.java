package io.verbatim.engine.evaluation;

import io.verbatim.engine.model.QuoteType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One system's score on PolNeAR's attributions with a speech cue, by quote type: content spans matched at 30% and
 * 80% coverage by the rule of the French scorer ({@link Scoreboard#match}: a found quote covers that share of the
 * gold content's characters and is at most twice as long, each found quote matched once, gold in text order), and
 * source accuracy over the contents matched at 30% whose gold has a source: right when the system's speaker
 * mention overlaps the gold source span. A found quote matched to an attribution without a speech cue (a belief,
 * "the report shows") counts neither way; every other unmatched quote is a false positive.
 */
final class AttributionScore {

    /** What a system found: a quote's span and its speaker mention ({@code -1} when none). */
    record Found(int start, int end, int sourceStart, int sourceEnd) {
    }

    /** Counts of one quote type (or of all). */
    static final class Counts {
        int gold;
        int found;
        int goldMatched30;
        int foundMatched30;
        int goldMatched80;
        int foundMatched80;
        int withSource;
        int sourceRight;

        private static double f1(int goldMatched, int gold, int foundMatched, int found) {
            double p = found == 0 ? 0 : (double) foundMatched / found;
            double r = gold == 0 ? 0 : (double) goldMatched / gold;
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Recall of one type's gold contents at 30% and 80%, and source accuracy on those matched at 30%. */
        String recallLine() {
            return String.format("%5d   R %.3f   R %.3f   source %.3f over %d", gold, ratio(goldMatched30, gold),
                    ratio(goldMatched80, gold), ratio(sourceRight, withSource), withSource);
        }

        String line() {
            return String.format("%5d %5d   P %.3f R %.3f F1 %.3f   P %.3f R %.3f F1 %.3f   source %.3f over %d",
                    gold, found, ratio(foundMatched30, found), ratio(goldMatched30, gold),
                    f1(goldMatched30, gold, foundMatched30, found), ratio(foundMatched80, found),
                    ratio(goldMatched80, gold), f1(goldMatched80, gold, foundMatched80, found),
                    ratio(sourceRight, withSource), withSource);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 0 : (double) a / b;
        }
    }

    private final Map<QuoteType, Counts> byType = new EnumMap<>(QuoteType.class);
    private final Counts all = new Counts();

    AttributionScore() {
        for (QuoteType type : QuoteType.values()) {
            byType.put(type, new Counts());
        }
    }

    /** The counts over all quote types. */
    Counts all() {
        return all;
    }

    void add(PolNear.Article article, List<Found> found) {
        List<PolNear.Attribution> gold = article.attributions();
        Map<PolNear.Attribution, List<Found>> at30 = match(gold, found, 0.3);
        Map<PolNear.Attribution, List<Found>> at80 = match(gold, found, 0.8);
        for (PolNear.Attribution g : gold) {
            if (!g.speech()) {
                continue;
            }
            for (Counts counts : List.of(all, byType.get(g.type()))) {
                counts.gold++;
                List<Found> matched = at30.get(g);
                if (matched != null) {
                    counts.goldMatched30++;
                    if (!g.source().isEmpty()) {
                        counts.withSource++;
                        if (overlaps(matched.get(0), g.source())) {
                            counts.sourceRight++;
                        }
                    }
                }
                if (at80.containsKey(g)) {
                    counts.goldMatched80++;
                }
            }
        }
        Set<Found> speech30 = matchedTo(at30, true);
        Set<Found> speech80 = matchedTo(at80, true);
        Set<Found> notSpeech = matchedTo(at30, false);
        for (Found f : found) {
            if (!notSpeech.contains(f)) {
                all.found++;
                all.foundMatched30 += speech30.contains(f) ? 1 : 0;
                all.foundMatched80 += speech80.contains(f) ? 1 : 0;
            }
        }
    }

    /** The found quotes matched to attributions with (or without) a speech cue. */
    private static Set<Found> matchedTo(Map<PolNear.Attribution, List<Found>> matches, boolean speech) {
        Set<Found> found = new HashSet<>();
        matches.forEach((g, f) -> {
            if (g.speech() == speech) {
                found.addAll(f);
            }
        });
        return found;
    }

    private static boolean overlaps(Found f, List<int[]> source) {
        return f.sourceStart() >= 0 && source.stream().anyMatch(s -> f.sourceStart() < s[1] && s[0] < f.sourceEnd());
    }

    /**
     * {@link Scoreboard#match}'s rule on PolNeAR's contents, whose fragments count their characters only, with one
     * difference: PolNeAR keeps a quotation cut by its reporting clause ("“…,” he said, “…”") as one content of
     * several fragments, where a quote finder reports one quote a fragment. So the found quotes that lie mostly
     * (more than half their characters) inside a content together cover it; failing that, the single found quote
     * that covers most of it at most twice as long, as in the French scorer. Each found quote is matched once;
     * the first (the one that covers most) gives the source.
     */
    private static Map<PolNear.Attribution, List<Found>> match(List<PolNear.Attribution> gold, List<Found> found,
                                                               double coverage) {
        Map<PolNear.Attribution, List<Found>> matches = new LinkedHashMap<>();
        Set<Found> used = new HashSet<>();
        List<PolNear.Attribution> inOrder = new ArrayList<>(gold);
        inOrder.sort((a, b) -> Integer.compare(a.content().get(0)[0], b.content().get(0)[0]));
        for (PolNear.Attribution g : inOrder) {
            int goldLength = g.contentLength();
            List<Found> inside = new ArrayList<>();
            int covered = 0;
            Found best = null;
            int bestOverlap = 0;
            for (Found f : found) {
                int overlap = overlap(f, g);
                if (used.contains(f) || overlap == 0) {
                    continue;
                }
                if (2 * overlap > f.end() - f.start()) {
                    inside.add(f);
                    covered += overlap;
                }
                if (overlap > bestOverlap && f.end() - f.start() <= 2 * goldLength) {
                    best = f;
                    bestOverlap = overlap;
                }
            }
            if (covered >= coverage * goldLength && covered > bestOverlap) {
                inside.sort((a, b) -> Integer.compare(overlap(b, g), overlap(a, g)));
                used.addAll(inside);
                matches.put(g, inside);
            } else if (best != null && bestOverlap >= coverage * goldLength) {
                used.add(best);
                matches.put(g, List.of(best));
            }
        }
        return matches;
    }

    private static int overlap(Found f, PolNear.Attribution g) {
        int overlap = 0;
        for (int[] fragment : g.content()) {
            overlap += Math.max(0, Math.min(f.end(), fragment[1]) - Math.max(f.start(), fragment[0]));
        }
        return overlap;
    }

    /**
     * Each gold type's recall and source accuracy (precision needs the found quote's type, which a system that only
     * finds quotes in marks cannot tell), then precision, recall and F1 over all quotes with a speech cue.
     */
    void print(String system) {
        System.out.printf("%n%s%n%-9s %5s   %-7s   %-7s   %s%n", system, "gold type", "gold", "at 30%", "at 80%",
                "source (matched at 30%)");
        byType.forEach((type, counts) -> System.out.printf("%-9s %s%n", type.name().toLowerCase(java.util.Locale.ROOT),
                counts.recallLine()));
        System.out.printf("%-9s %5s %5s   %-29s   %-29s%n%-9s %s%n", "", "gold", "found", "content at 30%",
                "content at 80%", "all", all.line());
    }
}

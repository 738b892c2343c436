package io.verbatim.engine.evaluation;

import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.Mention;
import io.verbatim.engine.model.Quote;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Accumulates the engine's scores against gold articles, with the rules of the evaluation command:
 * entities by exact span and type; a quote matches a gold quote when it covers at least 30% (or 80%) of the gold
 * characters and is at most twice as long; speaker and cue accuracy over the quotes matched at 30%.
 */
public final class Scoreboard {

    static final List<String> TYPES = List.of("PER", "LOC", "ORG", "MISC");
    static final Set<String> MICRO_TYPES = Set.of("PER", "LOC", "ORG");

    /** True positives, predictions and gold items of one measure. */
    static final class Counts {
        long tp;
        long predicted;
        long gold;

        double precision() {
            return predicted == 0 ? 0 : (double) tp / predicted;
        }

        double recall() {
            return gold == 0 ? 0 : (double) tp / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        void add(Counts other) {
            tp += other.tp;
            predicted += other.predicted;
            gold += other.gold;
        }
    }

    final Map<String, Counts> ner = new LinkedHashMap<>();
    final Counts quotes30 = new Counts();
    final Counts quotes80 = new Counts();
    long speakerRight;
    long cueRight;
    long matched;
    int documents;
    final List<Miss> misses = new ArrayList<>();
    /** Matched quotes and those with the right speaker, by how the article designates the speaker. */
    final Map<SpeakerPhrase, long[]> speakerByPhrase = new EnumMap<>(SpeakerPhrase.class);
    private final Lexicon lexicon;

    /** What kind of error a miss is: the evaluation groups them so that progress shows per kind. */
    enum Kind {
        MISSED_QUOTE("missed quote"), SPURIOUS_QUOTE("spurious quote"), SPAN("span (matched at 30%, not 80%)"),
        NO_SPEAKER("no speaker"), WRONG_SPEAKER("wrong speaker"), SPURIOUS_SPEAKER("speaker where none is named"),
        CUE("cue"), MISSED_ENTITY("missed entity"), SPURIOUS_ENTITY("spurious entity");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One error of the engine on one article. */
    record Miss(Kind kind, String article, String detail) {

        @Override
        public String toString() {
            return article + ": " + detail;
        }
    }

    /** @param lexicon the language of the articles, to tell how each gold speaker is designated */
    Scoreboard(Lexicon lexicon) {
        this.lexicon = lexicon;
        TYPES.forEach(t -> ner.put(t, new Counts()));
        for (SpeakerPhrase phrase : SpeakerPhrase.values()) {
            speakerByPhrase.put(phrase, new long[2]);
        }
    }

    /** Adds another board's counts and errors to this one. */
    void add(Scoreboard other) {
        documents += other.documents;
        other.ner.forEach((type, counts) -> ner.get(type).add(counts));
        quotes30.add(other.quotes30);
        quotes80.add(other.quotes80);
        speakerRight += other.speakerRight;
        cueRight += other.cueRight;
        matched += other.matched;
        misses.addAll(other.misses);
        other.speakerByPhrase.forEach((phrase, counts) -> {
            speakerByPhrase.get(phrase)[0] += counts[0];
            speakerByPhrase.get(phrase)[1] += counts[1];
        });
    }

    Counts micro() {
        Counts total = new Counts();
        MICRO_TYPES.forEach(t -> total.add(ner.get(t)));
        return total;
    }

    double speakerAccuracy() {
        return matched == 0 ? 0 : (double) speakerRight / matched;
    }

    double cueAccuracy() {
        return matched == 0 ? 0 : (double) cueRight / matched;
    }

    void add(GoldArticle gold, Analysis predicted) {
        documents++;
        scoreEntities(gold, predicted);
        scoreQuotes(gold, predicted, 0.3, quotes30, true);
        scoreQuotes(gold, predicted, 0.8, quotes80, false);
    }

    private void scoreEntities(GoldArticle gold, Analysis predicted) {
        Set<String> goldSpans = new HashSet<>();
        for (GoldArticle.Span e : gold.entities()) {
            if (ner.containsKey(e.type())) {
                ner.get(e.type()).gold++;
                goldSpans.add(e.start() + ":" + e.end() + ":" + e.type());
            }
        }
        Set<String> predictedSpans = new HashSet<>();
        for (Mention m : predicted.mentions()) {
            Counts counts = ner.get(m.type().name());
            counts.predicted++;
            String key = m.start() + ":" + m.end() + ":" + m.type().name();
            predictedSpans.add(key);
            if (goldSpans.contains(key)) {
                counts.tp++;
            } else {
                misses.add(new Miss(Kind.SPURIOUS_ENTITY, gold.name(), "extra entity " + m.type() + " " + m.text()));
            }
        }
        for (GoldArticle.Span e : gold.entities()) {
            if (ner.containsKey(e.type()) && !predictedSpans.contains(e.start() + ":" + e.end() + ":" + e.type())) {
                misses.add(new Miss(Kind.MISSED_ENTITY, gold.name(),
                        "missed entity " + e.type() + " " + gold.text().substring(e.start(), e.end())));
            }
        }
    }

    private void scoreQuotes(GoldArticle gold, Analysis predicted, double coverage, Counts counts, boolean attribution) {
        counts.gold += gold.quotes().size();
        counts.predicted += predicted.quotes().size();
        Map<GoldArticle.GoldQuote, Quote> matches = match(gold, predicted.quotes(), coverage);
        Set<Quote> used = new HashSet<>(matches.values());
        for (GoldArticle.GoldQuote g : gold.quotes()) {
            Quote best = matches.get(g);
            if (best == null) {
                if (attribution) {
                    misses.add(new Miss(Kind.MISSED_QUOTE, gold.name(), "missed " + g.type() + " quote at " + g.start()
                            + " (" + excerpt(gold.text(), g.start(), g.end()) + ")"));
                } else if (matchedAtThirty(g, predicted)) {
                    misses.add(new Miss(Kind.SPAN, gold.name(), g.type() + " quote at " + g.start() + " ("
                            + excerpt(gold.text(), g.start(), g.end()) + ")"));
                }
                continue;
            }
            counts.tp++;
            if (attribution) {
                matched++;
                String speaker = predicted.speakerName(best);
                long[] byPhrase = speakerByPhrase.get(SpeakerPhrase.of(gold, g, lexicon));
                byPhrase[0]++;
                if (Objects.equals(normalize(speaker), normalize(g.speaker()))) {
                    speakerRight++;
                    byPhrase[1]++;
                } else {
                    Kind kind = speaker == null ? Kind.NO_SPEAKER : g.speaker() == null ? Kind.SPURIOUS_SPEAKER
                            : Kind.WRONG_SPEAKER;
                    misses.add(new Miss(kind, gold.name(), "speaker " + speaker + " instead of " + g.speaker() + " ("
                            + excerpt(gold.text(), g.start(), g.end()) + ")"));
                }
                if (Objects.equals(normalize(best.cue()), normalize(g.cue()))) {
                    cueRight++;
                } else {
                    misses.add(new Miss(Kind.CUE, gold.name(), "cue " + best.cue() + " instead of " + g.cue() + " ("
                            + excerpt(gold.text(), g.start(), g.end()) + ")"));
                }
            }
        }
        if (attribution) {
            for (Quote q : predicted.quotes()) {
                if (!used.contains(q)) {
                    misses.add(new Miss(Kind.SPURIOUS_QUOTE, gold.name(), "extra " + q.type().label() + " quote at "
                            + q.start() + " (" + excerpt(gold.text(), q.start(), q.end()) + ")"));
                }
            }
        }
    }

    /**
     * Each gold quote matched to the predicted quote that covers the most of it, at least {@code coverage} of its
     * characters and at most twice as long, each predicted quote matched once, gold quotes in order.
     */
    static Map<GoldArticle.GoldQuote, Quote> match(GoldArticle gold, List<Quote> quotes, double coverage) {
        Map<GoldArticle.GoldQuote, Quote> matches = new LinkedHashMap<>();
        Set<Quote> used = new HashSet<>();
        for (GoldArticle.GoldQuote g : gold.quotes()) {
            Quote best = null;
            int bestOverlap = 0;
            for (Quote q : quotes) {
                int overlap = Math.min(q.end(), g.end()) - Math.max(q.start(), g.start());
                int goldLength = g.end() - g.start();
                if (!used.contains(q) && overlap > bestOverlap && overlap >= coverage * goldLength
                        && q.end() - q.start() <= 2 * goldLength) {
                    best = q;
                    bestOverlap = overlap;
                }
            }
            if (best != null) {
                used.add(best);
                matches.put(g, best);
            }
        }
        return matches;
    }

    /** Did some quote cover 30% of this gold quote (the scoring of the first pass)? */
    private static boolean matchedAtThirty(GoldArticle.GoldQuote g, Analysis predicted) {
        int goldLength = g.end() - g.start();
        return predicted.quotes().stream().anyMatch(q -> Math.min(q.end(), g.end()) - Math.max(q.start(), g.start())
                >= 0.3 * goldLength && q.end() - q.start() <= 2 * goldLength);
    }

    /** Case, accents, apostrophes and spacing do not count. */
    static String normalize(String s) {
        if (s == null) {
            return null;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replace('’', '\'').replaceAll("\\s+", " ").strip();
    }

    private static String excerpt(String text, int start, int end) {
        String s = text.substring(start, Math.min(end, start + 60)).replace('\n', ' ');
        return end - start > 60 ? s + "…" : s;
    }
}

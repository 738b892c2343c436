package io.verbatim.engine.attribution;

import io.verbatim.engine.coreference.Chains;
import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.lang.WordClass;
import io.verbatim.engine.model.Confidence;
import io.verbatim.engine.model.Entity;
import io.verbatim.engine.model.EntityType;
import io.verbatim.engine.model.Quote;
import io.verbatim.engine.syntax.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who said each quote, as a ranking: the rules' reading of the reporting clause (its source phrase and the speaker
 * they resolved it to) is one voice among the article's candidates, and a linear model over general features picks
 * the speaker — a mention-ranking model of quote attribution in the manner of Pareti et al. (2013, "Automatically
 * detecting and attributing indirect quotations", EMNLP) and O'Keefe et al. (2012, "A sequence labelling approach to
 * quote attribution", EMNLP), over the chains of {@code Coreference}.
 * <p>
 * Candidates: the rules' speaker, the entity coreference gives the source phrase, the entities named in the quote's
 * sentence and the two before it, the previous quote's speaker, the most salient person and organisation, and
 * nobody (a source the article never names). Features: how the source phrase designates the candidate (names it,
 * resolves to it, the rules' pick and how they got it), where the candidate is named (the sentence, before or after
 * the quote, the sentences before, as a subject), continuity with the previous quote, salience (Lappin and Leass),
 * agreement with a pronoun, entity type and quote type. They name no word of any language, so one model shape
 * serves every language; the weights are each language's data ({@code lang/<code>/speaker-ranker.txt}), learned
 * from its annotated articles ({@code analysis-service/train.sh}).
 */
public final class SpeakerRanker {

    /** Nobody the article names: an unnamed source. */
    public static final int NOBODY = -1;

    /** A candidate speaker of a quote ({@link #NOBODY} or an entity) and its features. */
    public record Candidate(int entity, Map<String, Double> features) {
    }

    /** A quote as the rules attributed it, and its candidate speakers. */
    public record Case(Quote quote, List<Candidate> candidates) {
    }

    /** The quote's reading by the rules: what the phrase designating the speaker is. */
    private enum Phrase { NONE, NAME, PRONOUN, DESCRIPTION, OTHER }

    private final String text;
    private final List<Token> tokens;
    private final List<Entity> entities;
    private final Chains chains;
    private final Lexicon lexicon;

    public SpeakerRanker(String text, List<Token> tokens, List<Entity> entities, Chains chains, Lexicon lexicon) {
        this.text = text;
        this.tokens = tokens;
        this.entities = entities;
        this.chains = chains;
        this.lexicon = lexicon;
    }

    /** The candidates of each quote (quotes in text order, as the rules attributed them). */
    public List<Case> cases(List<Quote> quotes) {
        List<Case> cases = new ArrayList<>();
        Quote previous = null;
        for (Quote quote : quotes) {
            cases.add(new Case(quote, candidates(quote, previous)));
            previous = quote;
        }
        return cases;
    }

    /** Each case's quote with the speaker the weights rank first. */
    public static List<Quote> pick(List<Case> cases, Map<String, Double> weights, List<Entity> entities,
                                   Chains chains) {
        List<Quote> quotes = new ArrayList<>();
        for (Case c : cases) {
            Candidate best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Candidate candidate : c.candidates()) {
                double score = score(candidate, weights);
                if (score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
            quotes.add(best == null ? c.quote() : withSpeaker(c.quote(), best.entity(), entities, chains));
        }
        return quotes;
    }

    /** A candidate's score under the weights (the ranker takes the highest of a quote's candidates). */
    public static double score(Candidate candidate, Map<String, Double> weights) {
        double score = weights.getOrDefault("bias", 0.0);
        for (Map.Entry<String, Double> feature : candidate.features().entrySet()) {
            score += weights.getOrDefault(feature.getKey(), 0.0) * feature.getValue();
        }
        return score;
    }

    /** The quote attributed to another speaker than the rules': where the article designates them, how surely. */
    private static Quote withSpeaker(Quote quote, int entity, List<Entity> entities, Chains chains) {
        if (entity == quote.speaker()) {
            return quote;
        }
        if (entity == NOBODY) {
            return new Quote(quote.start(), quote.end(), quote.text(), quote.type(), quote.cue(), NOBODY,
                    quote.speakerMention(), quote.speakerMention() == null ? null : quote.speakerMention().text(),
                    Confidence.UNRESOLVED);
        }
        Quote.SpeakerMention mention = null;
        if (quote.speakerMention() != null) {
            Chains.Link reference = chains.referenceAt(quote.speakerMention().start(), quote.speakerMention().end());
            boolean named = chains.chain(entity).stream().anyMatch(l -> l.start() >= quote.speakerMention().start()
                    && l.end() <= quote.speakerMention().end());
            if (named || reference != null && reference.entity() == entity) {
                mention = quote.speakerMention();
            }
        }
        if (mention == null) {
            // The nearest mention of the speaker before the quote says who they are to the reader.
            Chains.Link nearest = null;
            for (Chains.Link link : chains.chain(entity)) {
                if (link.start() < quote.start()) {
                    nearest = link;
                }
            }
            mention = nearest == null ? null : new Quote.SpeakerMention(nearest.start(), nearest.end(), nearest.text());
        }
        return new Quote(quote.start(), quote.end(), quote.text(), quote.type(), quote.cue(), entity, mention,
                entities.get(entity).descriptor(), Confidence.RANKED);
    }

    // ---- candidates and their features ----

    private List<Candidate> candidates(Quote quote, Quote previous) {
        int first = sentenceAt(quote.start());
        int last = sentenceAfter(quote.end());
        Phrase phrase = phraseOf(quote);
        Chains.Link reference = quote.speakerMention() == null ? null
                : chains.referenceAt(quote.speakerMention().start(), quote.speakerMention().end());
        int lastSpeaker = previous == null ? NOBODY : previous.speaker();
        boolean previousNear = previous != null && sentenceAfter(previous.end()) >= first - 1;

        Set<Integer> entitiesToRank = new LinkedHashSet<>();
        if (quote.hasSpeaker()) {
            entitiesToRank.add(quote.speaker());
        }
        if (reference != null && reference.entity() >= 0) {
            entitiesToRank.add(reference.entity());
        }
        for (Chains.Link link : chains.linksOfSentences(first - 2, last)) {
            if (link.entity() >= 0 && !inside(link, quote)) {
                entitiesToRank.add(link.entity());
            }
        }
        if (lastSpeaker >= 0) {
            entitiesToRank.add(lastSpeaker);
        }
        chains.bySalience(quote.start(), first, EntityType.PER).stream().limit(2).forEach(entitiesToRank::add);
        chains.bySalience(quote.start(), first, EntityType.ORG).stream().limit(1).forEach(entitiesToRank::add);

        List<Integer> topPeople = chains.bySalience(quote.start(), first, EntityType.PER);
        List<Candidate> candidates = new ArrayList<>();
        for (int e : entitiesToRank) {
            Map<String, Double> f = new LinkedHashMap<>();
            String type = quote.type().label();
            boolean rule = e == quote.speaker();
            if (rule) {
                put(f, "rule");
                put(f, "rule." + confidenceClass(quote.confidence()));
                put(f, type + ".rule");
            }
            if (quote.speakerMention() != null && namedIn(e, quote.speakerMention().start(), quote.speakerMention().end())) {
                put(f, "phrase.names");
            }
            if (reference != null && reference.entity() == e) {
                put(f, "phrase.coref." + reference.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (phrase == Phrase.PRONOUN) {
                char gender = lexicon.genderOfPronoun(lexicon.lower(pronounOf(quote)));
                char own = chains.genderOf(e);
                put(f, gender == '?' || own == '?' ? "pronoun.gender.unknown" : gender == own ? "pronoun.agrees" : "pronoun.clashes");
            }
            boolean inSentenceBefore = false;
            boolean inSentenceAfter = false;
            boolean subjectInSentence = false;
            boolean previousSentence = false;
            boolean previousSubject = false;
            boolean twoBefore = false;
            boolean insideQuote = false;
            for (Chains.Link link : chains.chain(e)) {
                if (inside(link, quote)) {
                    insideQuote = true;
                } else if (link.sentence() >= first && link.sentence() <= last) {
                    inSentenceBefore |= link.end() <= quote.start();
                    inSentenceAfter |= link.start() >= quote.end();
                    subjectInSentence |= link.role() == Chains.Role.SUBJECT;
                } else if (link.sentence() == first - 1) {
                    previousSentence = true;
                    previousSubject |= link.role() == Chains.Role.SUBJECT;
                } else if (link.sentence() == first - 2) {
                    twoBefore = true;
                }
            }
            flag(f, inSentenceBefore, "sentence.before");
            flag(f, inSentenceAfter, "sentence.after");
            flag(f, subjectInSentence, "sentence.subject");
            flag(f, previousSentence, "previous.sentence");
            flag(f, previousSubject, "previous.subject");
            flag(f, twoBefore, "two.sentences.before");
            flag(f, insideQuote, "inside.quote");
            flag(f, e == lastSpeaker, "last.speaker");
            flag(f, e == lastSpeaker && previousNear, "last.speaker.near");
            flag(f, e == lastSpeaker && phrase == Phrase.NONE, "last.speaker.no.phrase");
            flag(f, e == lastSpeaker, type + ".last.speaker");
            flag(f, previousSubject && phrase == Phrase.NONE, "previous.subject.no.phrase");
            flag(f, !topPeople.isEmpty() && topPeople.get(0) == e, "most.salient.person");
            f.put("salience", Math.log1p(chains.salience(e, quote.start(), first)) / 6);
            put(f, "type." + entities.get(e).type().name());
            put(f, "phrase." + phrase.name().toLowerCase(java.util.Locale.ROOT) + ".candidate");
            candidates.add(new Candidate(e, f));
        }
        Map<String, Double> nobody = new LinkedHashMap<>();
        put(nobody, "nobody");
        put(nobody, "nobody.phrase." + phrase.name().toLowerCase(java.util.Locale.ROOT));
        flag(nobody, !quote.hasSpeaker(), "nobody.rule");
        flag(nobody, !quote.hasSpeaker() && quote.speakerMention() != null, "nobody.rule.unnamed.phrase");
        flag(nobody, quote.speakerMention() != null && opensUnnamed(quote.speakerMention().text()), "nobody.unnamed.opener");
        put(nobody, quote.type().label() + ".nobody");
        candidates.add(new Candidate(NOBODY, nobody));
        return candidates;
    }

    private Phrase phraseOf(Quote quote) {
        if (quote.speakerMention() == null) {
            return Phrase.NONE;
        }
        Quote.SpeakerMention m = quote.speakerMention();
        if (!pronounOf(quote).isEmpty()) {
            return Phrase.PRONOUN;
        }
        for (Chains.Link link : chains.linksIn(Math.max(0, m.start() - 200), m.end())) {
            if (link.kind() == Chains.Kind.NAME && link.start() < m.end() && m.start() < link.end()) {
                return Phrase.NAME;
            }
        }
        String first = lexicon.lower(m.text().strip().split("[\\s\\u00a0]+")[0]);
        return lexicon.is(WordClass.DETERMINERS, first) ? Phrase.DESCRIPTION : Phrase.OTHER;
    }

    /** The quote's source phrase when it is a pronoun (as a subject pronoun: "lui" as "il"), else "". */
    private String pronounOf(Quote quote) {
        String phrase = lexicon.lower(quote.speakerMention().text().strip());
        String inverted = lexicon.morphology().invertedSubject(phrase);
        String pronoun = inverted != null ? inverted : lexicon.subjectOfStressed(phrase) != null
                ? lexicon.subjectOfStressed(phrase) : phrase;
        return lexicon.isSubjectPronoun(pronoun) ? pronoun : "";
    }

    private boolean opensUnnamed(String phrase) {
        String[] words = phrase.strip().split("[\\s\\u00a0]+");
        return words.length > 0 && lexicon.is(WordClass.UNNAMED_OPENERS, lexicon.lower(words[0]));
    }

    private boolean namedIn(int entity, int start, int end) {
        return chains.chain(entity).stream().anyMatch(l -> l.kind() == Chains.Kind.NAME && l.start() >= start
                && l.end() <= end);
    }

    private static boolean inside(Chains.Link link, Quote quote) {
        return link.start() >= quote.start() && link.end() <= quote.end();
    }

    /** How the rules found their speaker, from the confidence they gave it. */
    private static String confidenceClass(double confidence) {
        if (confidence >= Confidence.NAMED) {
            return "named";
        }
        if (confidence >= Confidence.RESOLVED) {
            return "resolved";
        }
        if (confidence >= Confidence.VOICE) {
            return "voice";
        }
        return confidence >= Confidence.CARRIED_OVER ? "carried" : "context";
    }

    private int sentenceAt(int offset) {
        int low = 0;
        int high = tokens.size() - 1;
        int found = 0;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).start() <= offset) {
                found = tokens.get(mid).sentence();
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    /** The sentence of the first token at or after an offset (the reporting clause after a quote). */
    private int sentenceAfter(int offset) {
        for (int i = Math.max(0, firstTokenFrom(offset)); i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isWord()) {
                return t.sentence();
            }
        }
        return tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).sentence();
    }

    private int firstTokenFrom(int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).start() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static void put(Map<String, Double> features, String name) {
        features.put(name, 1.0);
    }

    private static void flag(Map<String, Double> features, boolean on, String name) {
        if (on) {
            features.put(name, 1.0);
        }
    }
}

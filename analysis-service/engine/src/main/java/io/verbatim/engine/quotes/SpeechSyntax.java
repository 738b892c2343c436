package io.verbatim.engine.quotes;

import io.verbatim.engine.lang.WordClass;
import io.verbatim.engine.syntax.ParsedSentence;
import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.syntax.ParsedSentence.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reported speech read from the dependency trees: which reporting verb governs a quote, who is its subject, and
 * which clauses a reporting verb reports ("X affirme que CLAUSE", "X affirme avoir …", "CLAUSE, a indiqué X",
 * "Selon X, CLAUSE"). The tree decides what regexes over characters cannot: the subject of the verb rather than
 * the last name before it, inversions ("a-t-il ajouté"), relatives ("X, qui a déclaré"), appositions, passives
 * with "par", coordinated verbs that share a subject.
 */
public final class SpeechSyntax {

    /** A reporting verb (or preposition) and the phrase that designates its source. */
    public record Report(String cue, int verbStart, Source source) {
    }

    /**
     * Where the source is named: a phrase span and its core (the head noun with its determiner, adjectives,
     * name and apposition, without "de …" complements), or an inverted or clitic subject pronoun ("-t-il").
     */
    public record Source(int start, int end, int coreStart, int coreEnd, String pronoun) {

        /** The pronoun's own letters ("il" of "-t-il"), and the subject pronoun it stands for. */
        static Source pronoun(Word w, String pronoun) {
            int start = w.text().startsWith("-") ? w.end() - pronoun.length() : w.start();
            return new Source(start, w.end(), start, w.end(), pronoun);
        }
    }

    /** Reported content without marks: the clause span and its report. */
    public record ReportedClause(int start, int end, Report report) {
    }

    /** Relations of a noun's dependents that are not part of the phrase designating a speaker. */
    private static final String[] NOT_IN_PHRASE = {"acl", "acl:relcl", "punct", "parataxis", "advcl", "dep"};
    private static final String[] NOT_IN_CORE = {"acl", "acl:relcl", "punct", "parataxis", "advcl", "dep", "nmod",
            "obl", "conj", "cc"};
    private static final int MAX_CLIMB = 4;
    /** Fewer words than this make a fragment: a possible title, name or scare quote. */
    public static final int FRAGMENT_WORDS = 6;
    /** How a quoted fragment can complement a reporting verb. */
    private static final Set<String> COMPLEMENTS = Set.of("obj", "ccomp", "xcomp", "obl:arg", "parataxis", "root");

    private final String text;
    private final List<ParsedSentence> sentences;
    private final Lexicon lexicon;
    private final Map<String, String> sourcePrepositions;

    public SpeechSyntax(String text, List<ParsedSentence> sentences, Lexicon lexicon) {
        this.text = text;
        this.sentences = sentences;
        this.lexicon = lexicon;
        this.sourcePrepositions = lexicon.derived(SourcePrepositions.class, SourcePrepositions::new).cueOfHead;
    }

    /**
     * The source prepositions by the word of the tree that carries them, and the cue each gives: the last word of
     * an elided one ("après" of "d'après"), the first of one of several words, which UD makes the head of the
     * others ("according" of "according to", the "fixed" expressions of the UD guidelines).
     */
    private record SourcePrepositions(Map<String, String> cueOfHead) {
        SourcePrepositions(Lexicon lexicon) {
            this(lexicon.words(WordClass.SOURCE_PREPOSITIONS).stream().collect(Collectors.toUnmodifiableMap(
                    p -> p.contains(" ") ? p.substring(0, p.indexOf(' '))
                            : p.substring(Math.max(p.lastIndexOf('\''), p.lastIndexOf('’')) + 1),
                    p -> p.replace('’', '\''), (a, b) -> a)));
        }
    }

    /** The report that governs the quoted span {@code [start, end)}, looked up in the sentences it touches. */
    public Optional<Report> reportOf(int start, int end) {
        for (ParsedSentence sentence : sentences) {
            if (sentence.end() <= start - 1 || sentence.start() > end + 1) {
                continue;
            }
            Optional<Report> report = reportIn(sentence, start, end);
            if (report.isPresent()) {
                return report;
            }
        }
        return Optional.empty();
    }

    private Optional<Report> reportIn(ParsedSentence sentence, int start, int end) {
        List<Word> heads = new ArrayList<>();
        for (Word w : sentence.words()) {
            if (inside(w, start, end) && (w.isRoot() || !inside(sentence.head(w), start, end))) {
                heads.add(w);
            }
        }
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        // A fragment of a few words is speech only as the complement of the verb itself ("a qualifié X de « … »",
        // "a dénoncé « une provocation »"); deeper in the sentence it is a title, a name or a scare quote.
        int maxClimb = wordCount(text.substring(start, end)) < FRAGMENT_WORDS ? 1 : MAX_CLIMB;
        for (Word head : heads) {
            boolean complement = COMPLEMENTS.contains(head.relation()) || COMPLEMENTS.contains(head.baseRelation())
                    || head.relation().equals("amod") && sentence.head(head) != null
                    && sentence.head(head).pos().equals("VERB");
            if (maxClimb == 1 && !complement) {
                continue;
            }
            // The verb the quote depends on: "a déclaré : « … »", "« … », a déclaré X", "a qualifié X de « … »".
            Word w = sentence.head(head);
            for (int climb = 0; w != null && climb < maxClimb; climb++, w = sentence.head(w)) {
                if (inside(w, start, end)) {
                    break;
                }
                Optional<Report> report = verbReport(sentence, w);
                if (report.isPresent()) {
                    return report;
                }
                Optional<Report> preposition = sourcePreposition(sentence, w);
                if (preposition.isPresent()) {
                    return preposition;
                }
                Optional<Report> introduced = introducedSource(sentence, w);
                if (introduced.isPresent()) {
                    return introduced;
                }
            }
            // An incise the parser hangs under the quote: "« … », a-t-il ajouté" as parataxis of the quote.
            for (Word child : sentence.children(head)) {
                if (!inside(child, start, end)) {
                    Optional<Report> report = verbReport(sentence, child);
                    if (report.isPresent()) {
                        return report;
                    }
                }
            }
            Optional<Report> preposition = sourcePreposition(sentence, head);
            if (preposition.isPresent()) {
                return preposition;
            }
        }
        return Optional.empty();
    }

    /**
     * For quoted words that no reporting verb governs: the subject of the sentence's main verb, which is most
     * often whose words they are ("X, … , a préféré rentrer après avoir entendu deux « bangs successifs »"),
     * with the main verb as cue when it reports speech ("Bruxelles a salué … un signe de « détermination »").
     */
    public Optional<Report> sentenceSubject(int start, int end) {
        for (ParsedSentence sentence : sentences) {
            if (sentence.end() <= start || sentence.start() > end) {
                continue;
            }
            for (Word root : sentence.words()) {
                if (root.isRoot() && !inside(root, start, end)) {
                    Source source = sourceOf(sentence, root);
                    return source == null ? Optional.empty()
                            : Optional.of(new Report(cueOf(sentence, root).orElse(null), root.start(), source));
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Does the span hold a verb (a sentence, not a title or a name)? */
    public boolean hasVerb(int start, int end) {
        for (ParsedSentence sentence : sentences) {
            for (Word w : sentence.words()) {
                if (inside(w, start, end) && (w.pos().equals("VERB") || w.pos().equals("AUX"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The clauses that reporting verbs report without quote marks, one per verb at most. */
    public List<ReportedClause> reportedClauses() {
        List<ReportedClause> clauses = new ArrayList<>();
        for (ParsedSentence sentence : sentences) {
            for (Word verb : sentence.words()) {
                Optional<String> cue = cueOf(sentence, verb);
                if (cue.isEmpty() || verb.relation().equals("acl")) {
                    continue;
                }
                reportedBy(sentence, verb, cue.get()).or(() -> reportedBefore(sentence, verb, cue.get()))
                        .ifPresent(clauses::add);
            }
            selonClause(sentence).ifPresent(clauses::add);
        }
        return clauses;
    }

    private Optional<ReportedClause> reportedBy(ParsedSentence sentence, Word verb, String cue) {
        for (Word child : sentence.children(verb)) {
            boolean that = child.relation().equals("ccomp") && (hasMark(sentence, child, WordClass.COMPLEMENTIZERS)
                    || lexicon.morphology().reportsWithoutComplementizer() && child.start() > verb.end()
                    && sentence.child(child, "mark") == null);
            boolean infinitive = child.relation().equals("xcomp") && child.pos().equals("VERB")
                    && lexicon.reportsInfinitive(cue) && isInfinitive(sentence, child);
            // "CLAUSE, a indiqué la direction": the clause comes first, the subject after the verb.
            boolean before = child.relation().equals("ccomp") && child.end() < verb.start()
                    && !hasMark(sentence, child, WordClass.COMPLEMENTIZERS, WordClass.ADVERBIAL_SUBORDINATORS);
            if (!that && !infinitive && !before) {
                continue;
            }
            Source source = reportingSource(sentence, verb, cue);
            if (source == null || before && source.start() < verb.start() && source.pronoun() == null) {
                continue;
            }
            int[] span = sentence.span(child, "mark");
            if (infinitive) {
                span = sentence.span(child);
                Word mark = sentence.child(child, "mark");
                if (mark != null && mark.start() == span[0]) {
                    span[0] = mark.end();
                }
            }
            return Optional.of(new ReportedClause(span[0], span[1], new Report(cue, verb.start(), source)));
        }
        return queRunningToTheEnd(sentence, verb, cue);
    }

    /**
     * "X conclut que [a long clause the parser tore apart]": when no complement clause was found but "que" follows
     * the verb and hangs on it, what the verb reports runs from "que" to the end of the sentence.
     */
    private Optional<ReportedClause> queRunningToTheEnd(ParsedSentence sentence, Word verb, String cue) {
        int next = verb.index() + 1;
        if (next >= sentence.words().size()) {
            return Optional.empty();
        }
        Word que = sentence.words().get(next);
        String form = lexicon.lower(que.text());
        // The parser may hang "que" on a word of the clause it opens ("affirmé qu'un tiers …" read as "qu'" of
        // "tiers"); hung on anything before the verb, it opens no clause of the verb's.
        if (!lexicon.is(WordClass.COMPLEMENTIZERS, form) || que.head() != verb.index() && que.head() < que.index()
                || que.end() >= lastWordEnd(sentence)) {
            return Optional.empty();
        }
        Source source = reportingSource(sentence, verb, cue);
        if (source == null) {
            return Optional.empty();
        }
        int start = sentence.words().get(next + 1).start();
        return Optional.of(new ReportedClause(start, lastWordEnd(sentence), new Report(cue, verb.start(), source)));
    }

    /**
     * "CLAUSE, a indiqué la direction.": a reporting verb with its subject after it, hung by the parser on the
     * clause it reports (parataxis); the clause is its head's subtree without the verb's.
     */
    private Optional<ReportedClause> reportedBefore(ParsedSentence sentence, Word verb, String cue) {
        Word clause = sentence.head(verb);
        if (!verb.relation().equals("parataxis") || clause == null || clause.start() > verb.start()) {
            return Optional.empty();
        }
        Source source = reportingSource(sentence, verb, cue);
        if (source == null || source.pronoun() == null && source.start() < verb.start()) {
            return Optional.empty();
        }
        int[] whole = sentence.span(clause);
        int[] reporting = sentence.span(verb);
        return Optional.of(new ReportedClause(whole[0], Math.min(whole[1], reporting[0]),
                new Report(cue, verb.start(), source)));
    }

    /** "Selon X, CLAUSE." or "CLAUSE, selon X.": the whole sentence but the source phrase. */
    private Optional<ReportedClause> selonClause(ParsedSentence sentence) {
        for (Word w : sentence.words()) {
            Word preposition = sourceCase(sentence, w);
            if (preposition == null) {
                continue;
            }
            // "D'" of "D'après": where the preposition starts.
            Word opening = sentence.child(w, "case");
            Report report = new Report(cueOfPreposition(preposition), opening.start(), phraseSource(sentence, w));
            if (opening.index() == firstWordIndex(sentence) && (w.isRoot() || sentence.head(w).isRoot())) {
                // "Selon X, CLAUSE": the clause starts after the comma that closes the source phrase.
                Word comma = nextComma(sentence, w);
                return comma == null ? Optional.empty()
                        : Optional.of(new ReportedClause(comma.end(), sentence.end(), report));
            }
            // "CLAUSE, selon X.": wherever the parser hung the phrase (it may misread the clause before), a comma
            // then the source running to the end of the sentence.
            Word before = previousComma(sentence, opening);
            if (before != null && sentence.span(w, NOT_IN_PHRASE)[1] >= lastWordEnd(sentence)) {
                return Optional.of(new ReportedClause(sentence.start(), before.start(), report));
            }
        }
        return Optional.empty();
    }

    private Optional<Report> verbReport(ParsedSentence sentence, Word verb) {
        Optional<String> cue = cueOf(sentence, verb);
        if (cue.isEmpty()) {
            return Optional.empty();
        }
        Source source = reportingSource(sentence, verb, cue.get());
        return source == null ? Optional.empty() : Optional.of(new Report(cue.get(), verb.start(), source));
    }

    /** "Selon X", "d'après X", and "Pour X," opening the sentence, as the source of what depends on {@code w}. */
    private Optional<Report> sourcePreposition(ParsedSentence sentence, Word w) {
        for (Word child : sentence.children(w)) {
            Word preposition = sourceCase(sentence, child);
            if (preposition != null) {
                return Optional.of(new Report(cueOfPreposition(preposition), sentence.child(child, "case").start(),
                        phraseSource(sentence, child)));
            }
        }
        return Optional.empty();
    }

    /** "Pour l'économiste X, « … »": the parser may hang the quotation on the source phrase itself. */
    private Optional<Report> introducedSource(ParsedSentence sentence, Word phrase) {
        Word preposition = sourceCase(sentence, phrase);
        if (preposition == null) {
            return Optional.empty();
        }
        return Optional.of(new Report(cueOfPreposition(preposition), sentence.child(phrase, "case").start(),
                phraseSource(sentence, phrase)));
    }

    /**
     * The case marker of a phrase that makes it a source, or null: of "d'après", the parser makes both words case
     * dependents of the phrase, and "après" carries the preposition.
     */
    private Word sourceCase(ParsedSentence sentence, Word phrase) {
        for (Word child : sentence.children(phrase)) {
            if (child.baseRelation().equals("case") && isSourcePreposition(sentence, phrase, child)) {
                return child;
            }
        }
        return null;
    }

    /**
     * "selon X" and "d'après X" anywhere; "pour X" only opening the sentence, before a comma, with a noun phrase
     * that can hold an opinion ("Pour le procureur, …", not "Pour la première fois, …" nor "Pour cela, …").
     */
    private boolean isSourcePreposition(ParsedSentence sentence, Word phrase, Word preposition) {
        String word = lexicon.lower(preposition.text());
        if (sourcePrepositions.containsKey(word)) {
            return true;
        }
        if (!lexicon.is(WordClass.OPINION_PREPOSITIONS, word) || preposition.index() != firstWordIndex(sentence)
                || !(phrase.pos().equals("NOUN") || phrase.pos().equals("PROPN"))
                || lexicon.is(WordClass.NON_SOURCE_NOUNS, lexicon.lower(phrase.text()))) {
            return false;
        }
        // The whole phrase, its participles and relatives too: "Pour l'organisation militant pour …, CLAUSE".
        int end = sentence.span(phrase, "punct", "parataxis", "advcl", "dep")[1];
        for (Word w : sentence.words()) {
            if (w.start() >= end) {
                return w.text().equals(",");
            }
        }
        return false;
    }

    private static Word nextComma(ParsedSentence sentence, Word after) {
        for (Word w : sentence.words()) {
            if (w.index() > after.index() && w.text().equals(",")) {
                return w;
            }
        }
        return null;
    }

    private static Word previousComma(ParsedSentence sentence, Word before) {
        int at = before.index() - 1;
        return at >= 0 && sentence.words().get(at).text().equals(",") ? sentence.words().get(at) : null;
    }

    private static int lastWordEnd(ParsedSentence sentence) {
        for (int i = sentence.words().size() - 1; i >= 0; i--) {
            if (!sentence.words().get(i).pos().equals("PUNCT")) {
                return sentence.words().get(i).end();
            }
        }
        return sentence.end();
    }

    /** The first word that is not punctuation (a dash or bullet may open a sentence). */
    private static int firstWordIndex(ParsedSentence sentence) {
        for (Word w : sentence.words()) {
            if (!w.pos().equals("PUNCT")) {
                return w.index();
            }
        }
        return 0;
    }

    private String cueOfPreposition(Word preposition) {
        String word = lexicon.lower(preposition.text());
        return sourcePrepositions.getOrDefault(word, word);
    }

    /** The lemma of a reporting verb, also for "fait savoir" and "se dit" (pronominal forms). */
    private Optional<String> cueOf(ParsedSentence sentence, Word verb) {
        if (!verb.pos().equals("VERB")) {
            return Optional.empty();
        }
        Word next = verb.index() + 1 < sentence.words().size() ? sentence.words().get(verb.index() + 1) : null;
        if (next != null) {
            Optional<String> multiWord = lexicon.cueLemma(verb.text() + " " + next.text());
            if (multiWord.isPresent()) {
                return multiWord;
            }
        }
        // "a fait savoir que": the parser makes "fait" the causative auxiliary of "savoir".
        Word causative = sentence.child(verb, "aux:caus");
        if (causative != null && causative.index() == verb.index() - 1) {
            Optional<String> multiWord = lexicon.cueLemma(causative.text() + " " + verb.text());
            if (multiWord.isPresent()) {
                return multiWord;
            }
        }
        Optional<String> lemma = lexicon.cueLemma(verb.text());
        if (lemma.isPresent() && hasReflexive(sentence, verb)) {
            Optional<String> pronominal = lexicon.pronominalCue(lemma.get());
            if (pronominal.isPresent()) {
                return pronominal;
            }
        }
        return lemma;
    }

    private boolean hasReflexive(ParsedSentence sentence, Word verb) {
        for (Word child : sentence.children(verb)) {
            if (child.pos().equals("PRON") && lexicon.is(WordClass.REFLEXIVE_PRONOUNS, lexicon.lower(child.text()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The source of a reporting verb, if the verb reports with it: a verb that reports only with the impersonal
     * subject ("a-t-on appris") tells, with any other subject, what someone learnt.
     */
    private Source reportingSource(ParsedSentence sentence, Word verb, String cue) {
        Source source = sourceOf(sentence, verb);
        boolean impersonal = source != null && source.pronoun() != null
                && lexicon.is(WordClass.IMPERSONAL_PRONOUNS, source.pronoun());
        return lexicon.is(WordClass.IMPERSONAL_CUES, cue) && !impersonal ? null : source;
    }

    /**
     * The source of a reporting verb: its subject; the agent of a passive ("par X"); an inverted pronoun
     * ("-t-il"); for "qui" the phrase the relative clause belongs to; for a verb coordinated with, or
     * subordinate to, another ("a déclaré X, avant d'ajouter", "Estimant que …, il a voté contre"), the subject
     * of that verb; for a participle that qualifies a noun ("les syndicats, estimant que …"), that noun.
     */
    private Source sourceOf(ParsedSentence sentence, Word verb) {
        return sourceOf(sentence, verb, false);
    }

    /**
     * @param shared the verb's subject is looked for on behalf of a verb that shares it: then a passive subject
     *               counts too ("Il fut exclu, et déclara : …"), which never speaks for its own verb
     */
    private Source sourceOf(ParsedSentence sentence, Word verb, boolean shared) {
        // A passive's agent speaks ("qualifié de « … » par X"), whatever the parser made the subject.
        Word subject = sentence.child(verb, "obl:agent");
        for (Word child : sentence.children(verb)) {
            if (subject == null && (child.relation().equals("nsubj") || child.relation().equals("nsubj:caus")
                    || shared && child.relation().equals("nsubj:pass"))) {
                subject = child;
            }
            String inverted = child.pos().equals("PRON") ? lexicon.morphology().invertedSubject(lexicon.lower(child.text())) : null;
            if (inverted != null) {
                return Source.pronoun(child, inverted);
            }
        }
        if (subject == null) {
            // "X a pour sa part indiqué": the parser may hang the subject on the auxiliary it took for a verb.
            Word auxiliary = sentence.child(verb, "aux");
            subject = auxiliary == null ? null : sentence.child(auxiliary, "nsubj");
        }
        if (subject == null) {
            Word governor = sentence.head(verb);
            String relation = verb.relation();
            Word controller = relation.equals("xcomp") && governor != null ? sentence.child(governor, "obj") : null;
            if (controller != null && (controller.pos().equals("PROPN") || controller.pos().equals("NOUN"))) {
                // "convaincre la veuve, Souha Arafat, de demander": the object of the governing verb speaks.
                return phraseSource(sentence, controller);
            }
            boolean participle = relation.equals("acl") && governor != null && !hasMark(sentence, verb, WordClass.INFINITIVE_MARKS);
            if (participle && (governor.pos().equals("NOUN") || governor.pos().equals("PROPN"))) {
                return phraseSource(sentence, governor);
            }
            String governorForm = governor == null ? "" : lexicon.lower(governor.text());
            if (participle && governor.pos().equals("PRON") && lexicon.isSubjectPronoun(governorForm)) {
                // "Estimant que …, il a voté contre": the parser may hang the participle on the subject pronoun.
                return Source.pronoun(governor, governorForm);
            }
            if (governor != null && (relation.equals("conj") || relation.equals("xcomp") || relation.equals("advcl")
                    || participle && governor.pos().equals("VERB"))) {
                Source source = sourceOf(sentence, governor, true);
                if (source != null) {
                    return source;
                }
            }
            return verb.isRoot() && lexicon.morphology().isPresentParticiple(lexicon.lower(verb.text()))
                    ? mainClauseSubject(sentence, verb) : null;
        }
        String form = lexicon.lower(subject.text());
        if (lexicon.is(WordClass.RELATIVE_PRONOUNS, form) && verb.relation().equals("acl:relcl") && sentence.head(verb) != null) {
            subject = sentence.head(verb);
        } else if (subject.pos().equals("PRON")) {
            return lexicon.isSubjectPronoun(form) ? Source.pronoun(subject, form) : null;
        }
        return phraseSource(sentence, subject);
    }

    /**
     * "Estimant que « … », il a voté contre": a present participle opening the sentence shares the subject of the
     * clause after its comma, even where the parser made the participle the root.
     */
    private Source mainClauseSubject(ParsedSentence sentence, Word participle) {
        boolean afterComma = false;
        for (Word w : sentence.words()) {
            if (w.start() <= participle.start()) {
                continue;
            }
            afterComma |= w.text().equals(",");
            Word head = sentence.head(w);
            if (afterComma && w.relation().equals("nsubj") && head != null && head.pos().equals("VERB")
                    && head.start() > w.start()) {
                String form = lexicon.lower(w.text());
                if (w.pos().equals("PRON")) {
                    return lexicon.isSubjectPronoun(form) ? Source.pronoun(w, form) : null;
                }
                return phraseSource(sentence, w);
            }
        }
        return null;
    }

    /** The phrase headed by {@code head}, without a leading preposition ("par X", "selon X"). */
    private Source phraseSource(ParsedSentence sentence, Word head) {
        String stressed = lexicon.subjectOfStressed(lexicon.lower(head.text()));
        if (head.pos().equals("PRON") && stressed != null) {
            // "Selon lui, …", "Pour elle, …": the stressed pronoun stands for a subject pronoun.
            return Source.pronoun(head, stressed);
        }
        int[] phrase = sentence.span(head, NOT_IN_PHRASE);
        for (Word child : sentence.children(head)) {
            Word agent = child.relation().equals("acl") ? sentence.child(child, "obl:agent") : null;
            if (agent != null) {
                // "un rapport établi par l'INSEE": who made it belongs to the phrase, not the rest of the clause.
                phrase[1] = Math.max(phrase[1], sentence.span(agent, NOT_IN_PHRASE)[1]);
            }
        }
        int[] core = sentence.span(head, NOT_IN_CORE);
        // The phrase starts after its leading prepositions with their fixed words ("selon", both words of "d'après",
        // "according to").
        int from = phrase[0];
        int coreFrom = core[0];
        for (Word child : sentence.children(head)) {
            if (child.baseRelation().equals("case") && child.start() == from) {
                int end = sentence.span(child)[1];
                coreFrom = child.start() == coreFrom ? end : coreFrom;
                from = end;
            }
        }
        return new Source(from, phrase[1], coreFrom, core[1], null);
    }

    private boolean hasMark(ParsedSentence sentence, Word clause, WordClass... marks) {
        for (Word child : sentence.children(clause)) {
            if (child.relation().equals("mark")) {
                String form = lexicon.lower(child.text());
                for (WordClass mark : marks) {
                    if (lexicon.is(mark, form)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** An infinitive, bare or after "de" or "à" ("affirme avoir vu", "a promis de revenir", "appelle à voter"). */
    private boolean isInfinitive(ParsedSentence sentence, Word verb) {
        Word mark = sentence.child(verb, "mark");
        if (mark != null && !lexicon.is(WordClass.INFINITIVE_MARKS, lexicon.lower(mark.text()))) {
            return false;
        }
        Word aux = sentence.child(verb, "aux");
        return lexicon.morphology().isInfinitive(lexicon.lower(aux != null ? aux.text() : verb.text()));
    }

    /** Words of a text, as the rules count them (a quotation's length decides how it is read). */
    public static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    private static boolean inside(Word w, int start, int end) {
        return w.start() >= start && w.end() <= end;
    }
}

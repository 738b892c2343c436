package io.verbatim.engine.coreference;

import io.verbatim.engine.coreference.Chains.Kind;
import io.verbatim.engine.coreference.Chains.Link;
import io.verbatim.engine.coreference.Chains.Role;
import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.lang.WordClass;
import io.verbatim.engine.model.Entity;
import io.verbatim.engine.model.EntityType;
import io.verbatim.engine.model.Mention;
import io.verbatim.engine.syntax.ParsedSentence;
import io.verbatim.engine.syntax.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Builds the article's chains of mentions, as a multi-pass sieve in the manner of Stanford's deterministic
 * coreference (Lee et al. 2013, "Deterministic coreference resolution based on entity-centric, precision-ranked
 * rules", Computational Linguistics 39(4)): each pass links the mentions it is sure of, from the most precise to
 * the least, and later passes see the entities the earlier ones built.
 * <ol>
 *   <li>names: exact and relaxed name match, acronyms and short forms, already joined into entities by
 *   {@code EntityResolver};</li>
 *   <li>descriptions ("le ministre", "la chercheuse", "le syndicat"): head match against the roles the article gave
 *   its people (pre-name roles and appositions) and the kinds it gave its organisations ("le syndicat SUD"),
 *   the most salient entity first;</li>
 *   <li>pronouns last ("il", "elles", "-t-elle", "celui-ci"): the most salient entity that agrees in gender and
 *   number, by Lappin and Leass's salience ({@link Chains#weight}), with their bonus for a subject antecedent of a
 *   subject pronoun.</li>
 * </ol>
 * Grammatical roles come from the dependency trees where a sentence was parsed, else from the word before the
 * mention (a preposition makes it indirect or embedded).
 */
public final class Coreference {

    /**
     * A singular "il"/"elle" stands for a person far more often than for an organisation ("le parti … il"): an
     * organisation's salience counts for this much of a person's.
     */
    private static final double ORGANISATION_FOR_SINGULAR = 0.3;
    /** L&L's bonus for a subject antecedent of a subject pronoun (role parallelism). */
    private static final double PARALLELISM = 35;
    private static final int MAX_DESCRIPTION_WORDS = 6;
    /** Mentions back that an antecedent is looked for among, whatever the sentences (a text may have no full stop). */
    private static final int MAX_LINKS_BACK = 300;

    private final String text;
    private final List<Token> tokens;
    private final List<Entity> entities;
    private final List<Mention> mentions;
    private final Map<Integer, ParsedSentence> parsed = new HashMap<>();
    private final Lexicon lexicon;
    private final List<Link> links = new ArrayList<>();
    private final char[] genders;
    private final List<Set<String>> roleWords = new ArrayList<>();

    public Coreference(String text, List<Token> tokens, List<Entity> entities, List<Mention> mentions,
                       List<ParsedSentence> sentences, Lexicon lexicon) {
        this.text = text;
        this.tokens = tokens;
        this.entities = entities;
        this.mentions = mentions;
        this.lexicon = lexicon;
        sentences.forEach(s -> parsed.put(s.sentence(), s));
        this.genders = new char[entities.size()];
    }

    public Chains resolve() {
        gendersAndRoleWords();
        // One pass in text order: names join their chains, and each pronoun or description is resolved against the
        // chains as they stand before it.
        int next = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            while (next < mentions.size() && mentions.get(next).end() <= token.start()) {
                next++;
            }
            Link link = null;
            if (next < mentions.size() && mentions.get(next).start() < token.end()) {
                Mention m = mentions.get(next++);
                link = new Link(m.start(), m.end(), token.sentence(), Kind.NAME, roleOf(i, m.end()), m.entity(), m.text());
            } else {
                link = pronounAt(i);
                link = link != null ? link : descriptionAt(i);
            }
            if (link != null) {
                links.add(link);
                while (i + 1 < tokens.size() && tokens.get(i + 1).start() < link.end()) {
                    i++;
                }
            }
        }
        int sentences = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).sentence() + 1;
        int[] sentenceStarts = new int[sentences];
        for (int i = tokens.size() - 1; i >= 0; i--) {
            sentenceStarts[tokens.get(i).sentence()] = tokens.get(i).start();
        }
        return new Chains(links, entities, genders, roleWords, sentenceStarts);
    }

    // ---- pronouns ----

    /** A referring pronoun at token i resolved to the most salient agreeing entity, or null if none is there. */
    private Link pronounAt(int i) {
        Token token = tokens.get(i);
        String word = lexicon.lower(token.text());
        Link demonstrative = demonstrativeAt(i);
        if (demonstrative != null) {
            return demonstrative;
        }
        String inverted = lexicon.morphology().invertedSubject(word);
        Lexicon.Pronoun pronoun = lexicon.referringPronoun(inverted != null ? inverted : word);
        Role role = Role.SUBJECT;
        if (pronoun == null) {
            String subject = lexicon.subjectOfStressed(word);
            if (subject == null || !afterPreposition(i)) {
                return null;
            }
            pronoun = lexicon.referringPronoun(subject);
            role = Role.INDIRECT;
        } else if (afterPreposition(i)) {
            role = Role.INDIRECT;
        }
        if (pronoun == null || i + 1 < tokens.size() && inverted == null
                && lexicon.is(WordClass.IMPERSONAL_VERBS, lexicon.lower(tokens.get(i + 1).text()))) {
            return null;
        }
        int start = inverted != null ? token.end() - inverted.length() : token.start();
        int entity = antecedent(start, token.sentence(), pronoun, role);
        if (entity >= 0 && genders[entity] == '?' && entities.get(entity).type() == EntityType.PER) {
            // The chain's gender is its mentions': "a-t-elle ajouté" makes the person a woman for the next pronoun.
            genders[entity] = pronoun.gender();
        }
        return new Link(start, token.end(), token.sentence(), Kind.PRONOUN, role, entity, text.substring(start, token.end()));
    }

    /**
     * "Paul Martin a rencontré Jacques Roux. Ce dernier a affirmé …": a demonstrative ("celui-ci", "ce dernier") takes
     * the last one named that agrees with it, a person before an organisation, not the most salient: unlike "il",
     * it points away from the subject to the most recent referent (the form-specific account of Kaiser and
     * Trueswell 2008, "Interpreting pronouns and demonstratives in Finnish", Language and Cognitive Processes 23(5)).
     */
    private Link demonstrativeAt(int i) {
        Token token = tokens.get(i);
        int last = i;
        Lexicon.Pronoun pronoun = lexicon.demonstrativePronoun(lexicon.lower(token.text()));
        if (pronoun == null && i + 2 < tokens.size() && tokens.get(i + 2).sentence() == token.sentence()
                && opensPredicate(tokens.get(i + 2))) {
            // "ce dernier a affirmé", not "ce dernier rapport".
            pronoun = lexicon.demonstrativePronoun(lexicon.lower(token.text()) + " " + lexicon.lower(tokens.get(i + 1).text()));
            last = i + 1;
        }
        if (pronoun == null) {
            return null;
        }
        int entity = -1;
        for (EntityType type : List.of(EntityType.PER, EntityType.ORG)) {
            for (int k = links.size() - 1; entity < 0 && k >= Math.max(0, links.size() - MAX_LINKS_BACK)
                    && links.get(k).sentence() >= token.sentence() - Chains.WINDOW; k--) {
                int candidate = links.get(k).entity();
                if (candidate >= 0 && entities.get(candidate).type() == type && agrees(candidate, pronoun)) {
                    entity = candidate;
                }
            }
        }
        Role role = afterPreposition(i) ? Role.INDIRECT : Role.SUBJECT;
        int end = tokens.get(last).end();
        return new Link(token.start(), end, token.sentence(), Kind.PRONOUN, role, entity, text.substring(token.start(), end));
    }

    /** A word that can open what is said of a subject: a comma, a verb, an auxiliary, a reporting verb, a clitic. */
    private boolean opensPredicate(Token token) {
        String word = lexicon.lower(token.text());
        return word.equals(",") || "VERB".equals(token.pos()) || "AUX".equals(token.pos())
                || lexicon.is(WordClass.AUXILIARIES, word) || lexicon.isCueForm(word)
                || lexicon.is(WordClass.PREVERBAL_CLITICS, word);
    }

    private int antecedent(int offset, int sentence, Lexicon.Pronoun pronoun, Role role) {
        int best = -1;
        double bestScore = 0;
        Map<Integer, Double> scores = new HashMap<>();
        Map<Integer, Role> lastRole = new HashMap<>();
        for (int k = links.size() - 1; k >= Math.max(0, links.size() - MAX_LINKS_BACK)
                && links.get(k).sentence() >= sentence - Chains.WINDOW; k--) {
            Link link = links.get(k);
            if (link.entity() < 0 || !agrees(link.entity(), pronoun)) {
                continue;
            }
            scores.merge(link.entity(), Chains.weight(link.role()) * Math.pow(0.5, sentence - link.sentence()), Double::sum);
            lastRole.putIfAbsent(link.entity(), link.role());
        }
        for (Map.Entry<Integer, Double> candidate : scores.entrySet()) {
            boolean organisation = entities.get(candidate.getKey()).type() == EntityType.ORG;
            double score = candidate.getValue() * (organisation && !pronoun.plural() ? ORGANISATION_FOR_SINGULAR : 1)
                    + (role == Role.SUBJECT && lastRole.get(candidate.getKey()) == Role.SUBJECT ? PARALLELISM : 0);
            if (score > bestScore) {
                best = candidate.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    /** Agreement in gender (known for people only) and number (a person is singular). */
    private boolean agrees(int entity, Lexicon.Pronoun pronoun) {
        EntityType type = entities.get(entity).type();
        if (type != EntityType.PER && type != EntityType.ORG) {
            return false;
        }
        if (type == EntityType.PER && pronoun.plural()) {
            return false;
        }
        return genders[entity] == '?' || genders[entity] == pronoun.gender();
    }

    // ---- descriptions ----

    /**
     * "le ministre", "la même chercheuse", "le syndicat": a determiner, modifiers that do not name a role, then
     * lower-case words, resolved to the most salient entity whose roles hold every one of those words.
     */
    private Link descriptionAt(int i) {
        Token opener = tokens.get(i);
        if (!lexicon.is(WordClass.ROLE_OPENERS, lexicon.lower(opener.text())) || afterPreposition(i)) {
            return null;
        }
        int j = i + 1;
        while (j < tokens.size() && tokens.get(j).sentence() == opener.sentence()
                && lexicon.is(WordClass.PRENOMINAL_MODIFIERS, lexicon.lower(tokens.get(j).text()))) {
            j++;
        }
        List<String> words = new ArrayList<>();
        int end = -1;
        int headToken = -1;
        for (int k = j; k < tokens.size() && k < j + MAX_DESCRIPTION_WORDS; k++) {
            Token t = tokens.get(k);
            String word = lexicon.lower(t.text());
            if (t.sentence() != opener.sentence() || !t.isWord() || t.isCapitalized()
                    || lexicon.is(WordClass.PHRASE_ENDS, word) || lexicon.isCueForm(word)
                    || lexicon.is(WordClass.AUXILIARIES, word)) {
                break;
            }
            List<String> content = contentWords(lexicon, t.text());
            if (!content.isEmpty()) {
                words.addAll(content);
                end = t.end();
                headToken = headToken < 0 ? k : headToken;
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        // "L'association Les Amis du Moulin organise", "le président Marc Dubois", "la procureure, Anne Roux,": a
        // description right before a name or its apposition is that name's kind or role, not an anaphor (Lee et
        // al.'s appositive and role-appositive precise constructs).
        Mention named = nameRightAfter(end);
        if (named != null) {
            return new Link(opener.start(), end, opener.sentence(), Kind.DESCRIPTION, roleOf(i, end), named.entity(),
                    text.substring(opener.start(), end));
        }
        // The longest run of the phrase's words, from its head, that some entity's roles hold.
        for (int size = words.size(); size >= 1; size--) {
            List<String> head = words.subList(0, size);
            int entity = mostSalient(opener.sentence(), e -> roleWords.get(e).containsAll(head));
            if (entity >= 0) {
                return new Link(opener.start(), end, opener.sentence(), Kind.DESCRIPTION, roleOf(i, end), entity,
                        text.substring(opener.start(), end));
            }
        }
        if (words.size() == 1 && isAnaphoricPersonRole(opener, headToken)) {
            char gender = lexicon.genderOfRole(words.get(0));
            int person = mostSalient(opener.sentence(), e -> entities.get(e).type() == EntityType.PER
                    && (gender == '?' || genders[e] == '?' || genders[e] == gender));
            if (person >= 0) {
                return new Link(opener.start(), end, opener.sentence(), Kind.DESCRIPTION, roleOf(i, end), person,
                        text.substring(opener.start(), end));
            }
        }
        // "la direction", "le groupe", "le rapport": an organisation's voice, its kind or what it publishes speaks
        // for the organisation the text is about at that point.
        String head = words.get(0);
        if (lexicon.isFolded(WordClass.ORGANISATION_VOICES, head) || lexicon.isFolded(WordClass.ORGANISATION_NOUNS, head)
                || lexicon.isFolded(WordClass.DOCUMENTS, head)) {
            int organisation = mostSalient(opener.sentence(), e -> entities.get(e).type() == EntityType.ORG);
            if (organisation >= 0) {
                return new Link(opener.start(), end, opener.sentence(), Kind.DESCRIPTION, roleOf(i, end), organisation,
                        text.substring(opener.start(), end));
            }
        }
        return null;
    }

    /**
     * "L'ancien maire de Tours, Jean Germain, … Le nouveau ministre a assuré": a singular definite description whose
     * head is a person's role or title and which no restrictive complement or relative clause follows refers back,
     * even when no one was given that role, as most such descriptions in news do (Vieira and Poesio 2000, "An
     * empirically based system for processing definite descriptions", Computational Linguistics 26(4): definite
     * descriptions without restrictive post-modification are mostly anaphoric). "Le ministre de l'Intérieur", "la
     * juge qui instruit" introduce someone new.
     */
    private boolean isAnaphoricPersonRole(Token opener, int headToken) {
        String article = lexicon.lower(opener.text());
        if (headToken < 0 || !lexicon.is(WordClass.DEFINITE_ARTICLES, article) || lexicon.is(WordClass.PLURAL_QUANTIFIERS, article)) {
            return false;
        }
        String noun = lexicon.lower(tokens.get(headToken).text());
        if (!lexicon.is(WordClass.TITLES, noun) && !lexicon.isRoleNoun(Lexicon.fold(noun))) {
            return false;
        }
        if (headToken + 1 >= tokens.size() || tokens.get(headToken + 1).sentence() != opener.sentence()) {
            return true;
        }
        Token after = tokens.get(headToken + 1);
        String word = lexicon.lower(after.text());
        return !after.isCapitalized() && !lexicon.is(WordClass.COMPLEMENT_PREPOSITIONS, word)
                && !lexicon.is(WordClass.RELATIVE_PRONOUNS, word);
    }

    /** The name mention that starts right after the offset, with only spaces or a comma between, if any. */
    private Mention nameRightAfter(int offset) {
        int low = SpeakerResolver.firstMentionFrom(mentions, offset);
        if (low == mentions.size()) {
            return null;
        }
        Mention m = mentions.get(low);
        String between = text.substring(offset, m.start()).strip();
        return m.entity() >= 0 && (between.isEmpty() || between.equals(",")) ? m : null;
    }

    /** The most salient entity the test accepts, from the links of the sentences before, or -1 (L&L salience). */
    private int mostSalient(int sentence, IntPredicate accepts) {
        Map<Integer, Double> scores = new HashMap<>();
        for (int k = links.size() - 1; k >= Math.max(0, links.size() - MAX_LINKS_BACK)
                && links.get(k).sentence() >= sentence - Chains.WINDOW; k--) {
            Link link = links.get(k);
            if (link.entity() >= 0 && accepts.test(link.entity())) {
                scores.merge(link.entity(), Chains.weight(link.role()) * Math.pow(0.5, sentence - link.sentence()), Double::sum);
            }
        }
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
    }

    /**
     * People's grammatical gender ('m', 'f' or '?': a title before one of their mentions, "Mme Vasseur", else their
     * first name) and the words each entity can be designated by: a person's descriptor, and for "son homologue
     * belge" the role of the person they are the counterpart of (so "le ministre belge" finds them); an
     * organisation's name and the kind of organisation the article calls it ("le syndicat SUD").
     */
    private void gendersAndRoleWords() {
        java.util.Arrays.fill(genders, '?');
        for (Entity e : entities) {
            roleWords.add(new LinkedHashSet<>(e.type() == EntityType.ORG ? contentWords(lexicon, e.name()) : List.of()));
        }
        for (Mention m : mentions) {
            EntityType type = entities.get(m.entity()).type();
            String before = text.substring(Math.max(0, m.start() - 10), m.start()).strip();
            if (type == EntityType.PER && genders[m.entity()] == '?') {
                genders[m.entity()] = lexicon.genderOfTitleBefore(lexicon.lower(before));
            }
            String kind = before.isEmpty() ? "" : Lexicon.fold(before.substring(before.lastIndexOf(' ') + 1));
            if (type == EntityType.ORG && lexicon.isFolded(WordClass.ORGANISATION_NOUNS, kind)) {
                roleWords.get(m.entity()).add(kind);
            }
        }
        for (int e = 0; e < entities.size(); e++) {
            Entity entity = entities.get(e);
            if (entity.type() != EntityType.PER) {
                continue;
            }
            if (genders[e] == '?') {
                genders[e] = lexicon.genderOfFirstName(entity.name().split("[\\s\\u00a0]+")[0]);
            }
            for (String role : entity.roles()) {
                List<String> own = contentWords(lexicon, role);
                roleWords.get(e).addAll(own);
                if (!own.isEmpty() && lexicon.isFolded(WordClass.COUNTERPART_NOUNS, own.get(0))) {
                    counterpartRole(entity).ifPresent(roleWords.get(e)::add);
                }
            }
        }
    }

    /** The role of the first person who is not a counterpart ("ministre" for "son homologue belge"). */
    private java.util.Optional<String> counterpartRole(Entity counterpart) {
        for (Entity other : entities) {
            List<String> theirs = other == counterpart || other.descriptor() == null ? List.of()
                    : contentWords(lexicon, other.descriptor());
            if (!theirs.isEmpty() && !lexicon.isFolded(WordClass.COUNTERPART_NOUNS, theirs.get(0))) {
                return java.util.Optional.of(theirs.get(0));
            }
        }
        return java.util.Optional.empty();
    }

    /** The folded words of a phrase but its determiners, elided ones too ("l" of "l'État"). */
    static List<String> contentWords(Lexicon lexicon, String phrase) {
        List<String> words = new ArrayList<>();
        for (String word : Lexicon.fold(phrase).split("[^\\p{L}\\p{N}-]+")) {
            if (!word.isEmpty() && !lexicon.is(WordClass.DETERMINERS, word) && !lexicon.is(WordClass.DETERMINERS, word + "'")) {
                words.add(word);
            }
        }
        return words;
    }

    // ---- grammatical roles ----

    /** The role of the mention whose first token is {@code first}: from its sentence's tree if parsed. */
    private Role roleOf(int first, int end) {
        Token token = tokens.get(first);
        ParsedSentence sentence = parsed.get(token.sentence());
        if (sentence != null) {
            for (ParsedSentence.Word w : sentence.words()) {
                ParsedSentence.Word head = sentence.head(w);
                boolean inside = w.start() >= token.start() && w.end() <= end;
                if (inside && (head == null || head.start() < token.start() || head.end() > end)) {
                    return roleOfRelation(sentence, w);
                }
            }
        }
        if (afterPreposition(first)) {
            return Role.EMBEDDED;
        }
        return firstInSentence(first) ? Role.SUBJECT : Role.OBJECT;
    }

    private static Role roleOfRelation(ParsedSentence sentence, ParsedSentence.Word w) {
        String relation = w.baseRelation();
        if ((relation.equals("appos") || relation.equals("flat")) && sentence.head(w) != null) {
            return roleOfRelation(sentence, sentence.head(w));
        }
        return switch (relation) {
            case "nsubj", "csubj" -> Role.SUBJECT;
            case "obj" -> Role.OBJECT;
            case "iobj" -> Role.INDIRECT;
            case "obl" -> w.relation().equals("obl:arg") || w.relation().equals("obl:agent") ? Role.INDIRECT : Role.EMBEDDED;
            default -> Role.EMBEDDED;
        };
    }

    /** Is the token right after a preposition (determiners and titles between them aside)? */
    private boolean afterPreposition(int i) {
        int k = i - 1;
        while (k >= 0 && tokens.get(k).sentence() == tokens.get(i).sentence()
                && (lexicon.is(WordClass.DETERMINERS, lexicon.lower(tokens.get(k).text()))
                || lexicon.is(WordClass.TITLES, lexicon.lower(tokens.get(k).text())))
                && !lexicon.is(WordClass.PREPOSITIONS, lexicon.lower(tokens.get(k).text()))) {
            k--;
        }
        return k >= 0 && tokens.get(k).sentence() == tokens.get(i).sentence()
                && (lexicon.is(WordClass.PREPOSITIONS, lexicon.lower(tokens.get(k).text()))
                || lexicon.is(WordClass.COMPLEMENT_PREPOSITIONS, lexicon.lower(tokens.get(k).text())));
    }

    /** Is no entity named, and no pronoun used, in the sentence before this token (the links so far)? */
    private boolean firstInSentence(int i) {
        return links.isEmpty() || links.get(links.size() - 1).sentence() != tokens.get(i).sentence();
    }
}

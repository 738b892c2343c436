package io.verbatim.engine.coreference;

import io.verbatim.engine.lang.WordClass;
import io.verbatim.engine.lang.Lexicon;
import io.verbatim.engine.model.Confidence;
import io.verbatim.engine.model.Entity;
import io.verbatim.engine.model.EntityType;
import io.verbatim.engine.model.Mention;
import io.verbatim.engine.model.Quote;
import io.verbatim.engine.quotes.QuoteMarks;
import io.verbatim.engine.quotes.SpeechSyntax;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a speaker phrase designates in an article: a name directly (a person before an organisation), a pronoun
 * (the last speaker before it, agreeing in gender, else the person the text has named most), a role noun
 * ("le ministre belge") the person the article introduced with that role, an organisation's voice ("la
 * direction", "le rapport") the organisation the article is about. It keeps no state: what was said before
 * ({@code said}, the quotes attributed so far, in text order) is passed in.
 */
public final class SpeakerResolver {

    /** A speaker phrase found in the text, resolved ({@code entity} ≥ 0) or not. */
    public record Speaker(int entity, Quote.SpeakerMention mention, String descriptor, double confidence) {
    }

    public static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}]+)*['’]?");

    /** A language's patterns for photo captions and for the titles kept with a name, compiled once. */
    private record Patterns(Pattern creditLine, Pattern titleBefore, Pattern sourceOblique) {
        Patterns(Lexicon lexicon) {
            this(Pattern.compile("(?:\\b" + lexicon.alternation(WordClass.CAPTION_CREDITS) + "\\b[^\\n]{0,40})$|^"
                            + lexicon.alternation(WordClass.CAPTION_OPENERS) + "\\b"),
                    Pattern.compile(lexicon.alternation(WordClass.TITLE_ABBREVIATIONS) + "[\\s\\u00a0]+$"),
                    Pattern.compile("(?<!\\p{L})" + lexicon.alternation(WordClass.SOURCE_OBLIQUES) + "[\\s\\u00a0]+"
                            + lexicon.alternation(WordClass.COMPLEMENT_PREPOSITIONS) + "(?![\\p{L}])[\\s\\u00a0]*"));
        }
    }

    private final String text;
    private final List<Entity> entities;
    private final List<Mention> mentions;
    private final Lexicon lexicon;
    private final Chains chains;
    private final Patterns patterns;

    public SpeakerResolver(String text, List<Entity> entities, List<Mention> mentions, Lexicon lexicon, Chains chains) {
        this.text = text;
        this.entities = entities;
        this.mentions = mentions;
        this.lexicon = lexicon;
        this.chains = chains;
        this.patterns = lexicon.derived(Patterns.class, Patterns::new);
    }

    /** The index of the first mention starting at or after an offset (mentions are in text order). */
    static int firstMentionFrom(List<Mention> mentions, int offset) {
        int low = 0;
        int high = mentions.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (mentions.get(middle).start() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * A person who became the subject of a sentence after the last speaker's words and before the pronoun's sentence
     * ("« … », a lancé X. Le troisième candidat, Y, a renvoyé ses adversaires dos à dos. Selon lui, « … »"): the
     * centre of attention has shifted to them (centering theory, Grosz, Joshi & Weinstein 1995), so the pronoun is
     * theirs; -1 when nobody new became a subject, or not one agreeing with the pronoun.
     */
    private int newSubjectSince(List<Quote> said, int before, int at, char gender, int lastSpeaker) {
        int since = -1;
        for (int i = said.size() - 1; i >= 0 && since < 0; i--) {
            if (said.get(i).end() <= before && said.get(i).hasSpeaker()) {
                since = said.get(i).end();
            }
        }
        int sentence = chains.sentenceAt(at);
        int shifted = -1;
        for (Chains.Link link : chains.linksIn(Math.max(0, since), at)) {
            boolean quoted = said.stream().anyMatch(q -> q.start() <= link.start() && link.end() <= q.end());
            if (link.kind() != Chains.Kind.PRONOUN && !quoted && link.role() == Chains.Role.SUBJECT
                    && link.entity() >= 0 && link.entity() != lastSpeaker
                    && link.sentence() < sentence && entities.get(link.entity()).type() == EntityType.PER
                    && (gender == '?' || chains.genderOf(link.entity()) == '?' || chains.genderOf(link.entity()) == gender)) {
                shifted = link.entity();
            }
        }
        return shifted;
    }

    /**
     * The most salient person at an offset one of whose roles is the (folded) head noun or of its class of roles
     * ("la chercheuse" for a sociologue), agreeing with its gender ("l'autrice" is no man), or -1.
     */
    private int mostSalientWithRole(int offset, String head) {
        int sentence = chains.sentenceAt(offset);
        char gender = lexicon.genderOfRole(head);
        for (int e : chains.bySalience(offset, sentence, EntityType.PER)) {
            boolean agrees = gender == '?' || chains.genderOf(e) == '?' || chains.genderOf(e) == gender;
            if (agrees && chains.roleWords(e).stream().anyMatch(role -> lexicon.sameRoleClass(head, role))) {
                return e;
            }
        }
        return -1;
    }

    /**
     * The person who is the subject of the sentence right before an offset (named, described or a pronoun
     * coreference resolved), outside quotations, if there is one.
     */
    public Optional<Speaker> subjectOfSentenceBefore(int offset, List<Quote> said) {
        int sentence = chains.sentenceAt(offset);
        Chains.Link subject = null;
        for (Chains.Link link : chains.linksOfSentences(sentence - 1, sentence - 1)) {
            boolean quoted = said.stream().anyMatch(q -> q.start() <= link.start() && link.end() <= q.end());
            if (subject == null && !quoted && link.role() == Chains.Role.SUBJECT && link.entity() >= 0
                    && entities.get(link.entity()).type() == EntityType.PER) {
                subject = link;
            }
        }
        if (subject == null) {
            return Optional.empty();
        }
        return Optional.of(new Speaker(subject.entity(), new Quote.SpeakerMention(subject.start(), subject.end(),
                subject.text()), entities.get(subject.entity()).descriptor(), Confidence.CONTEXT));
    }

    /** "auprès de X" after an offset, in its sentence: the phrase X as a speaker. */
    private Optional<Speaker> sourceOblique(int offset) {
        int end = offset;
        while (end < text.length() && ".!?\n«»".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        Matcher oblique = patterns.sourceOblique().matcher(text).region(offset, end);
        return oblique.find() ? phrase(oblique.end(), end, List.of()) : Optional.empty();
    }

    /** The entity of the last quote with a named speaker that ends before an offset, or -1. */
    private static int lastSpeaker(List<Quote> said, int before) {
        for (int i = said.size() - 1; i >= 0; i--) {
            if (said.get(i).end() <= before && said.get(i).hasSpeaker()) {
                return said.get(i).speaker();
            }
        }
        return -1;
    }

    /** The speaker that a source found in the tree designates: a pronoun resolved, else the phrase. */
    public Optional<Speaker> speakerOf(SpeechSyntax.Source source, int quoteOpen, List<Quote> said) {
        if (source.pronoun() != null) {
            return Optional.of(pronoun(source.start(), text.substring(source.start(), source.end()), quoteOpen, said));
        }
        int from = source.coreStart();
        int to = source.coreEnd();
        while (from < to && QuoteMarks.isSpace(text.charAt(from))) {
            from++;
        }
        if (to <= from) {
            return Optional.empty();
        }
        Mention named = appositivePerson(from, to);
        named = named != null ? named : speakerMentionIn(from, to);
        if (named == null) {
            // "le rapport du BEA", "la direction de Renault": an organisation speaks through its voice, named in
            // the complement; "un porte-parole de la police" names nobody.
            Mention inComplement = appositivePerson(source.start(), source.end());
            inComplement = inComplement != null ? inComplement : speakerMentionIn(source.start(), source.end());
            List<String> head = Coreference.contentWords(lexicon, text.substring(from, to));
            // A document speaks for whoever issued it, also "un rapport établi par X"; "un porte-parole de X" is
            // one of many and names nobody.
            boolean document = !head.isEmpty() && lexicon.isFolded(WordClass.DOCUMENTS, head.get(0));
            boolean voice = !head.isEmpty() && (isVoice(head.get(0)) || lexicon.isFolded(WordClass.ORGANISATION_PEOPLE, head.get(0)))
                    && (document || !lexicon.is(WordClass.UNNAMED_OPENERS, lexicon.lower(text.substring(from, to).split("[\\s\\u00a0]+")[0])));
            if (inComplement != null && (inComplement.type() == EntityType.PER || voice)) {
                named = inComplement;
            }
        }
        if (named == null) {
            // "Bruxelles a salué", "Washington estime": a place that is the whole subject speaks for its government;
            // "Moody's explique": a name the tagger could not type (a brand, a platform) speaks as an organisation.
            named = placeExactly(from, to);
            named = named != null ? named : mentionExactly(from, to, EntityType.MISC);
        }
        if (named != null) {
            return Optional.of(named(named, Confidence.NAMED));
        }
        int phraseStart = Math.min(from, source.start());
        return phrase(from, to, said).map(speaker -> speaker.entity() >= 0 ? speaker
                // Nobody named: the whole phrase says who spoke ("un porte-parole de la police").
                : new Speaker(-1, new Quote.SpeakerMention(phraseStart, source.end(),
                        text.substring(phraseStart, source.end())), descriptorText(text.substring(phraseStart,
                        source.end())), speaker.confidence()));
    }

    /** The kind of an organisation ("le syndicat"), its management ("la direction"), or what it publishes (folded). */
    private boolean isVoice(String foldedNoun) {
        return lexicon.isFolded(WordClass.ORGANISATION_NOUNS, foldedNoun)
                || lexicon.isFolded(WordClass.ORGANISATION_VOICES, foldedNoun) || lexicon.isFolded(WordClass.DOCUMENTS, foldedNoun);
    }

    private Mention placeExactly(int from, int to) {
        return mentionExactly(from, to, EntityType.LOC);
    }

    private Mention mentionExactly(int from, int to, EntityType type) {
        for (Mention m : mentions) {
            if (m.type() == type && m.start() == from && m.end() == to) {
                return m;
            }
        }
        return null;
    }

    private Mention personAt(int offset) {
        return mentions.stream().filter(m -> m.start() == offset && m.type() == EntityType.PER).findFirst().orElse(null);
    }

    public boolean isAbbreviation(int dot) {
        int s = dot;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        String word = text.substring(s, dot + 1).toLowerCase(Locale.FRENCH);
        return lexicon.is(WordClass.TITLES, word) || dot - s == 1 && Character.isUpperCase(text.charAt(s));
    }

    /** A name, a pronoun or a role phrase starting at {@code from}; ends at punctuation or an adjunct. */
    public Optional<Speaker> phrase(int from, int limit, List<Quote> said) {
        while (from < limit && QuoteMarks.isSpace(text.charAt(from))) {
            from++;
        }
        int end = from;
        Matcher w = WORD.matcher(text).region(from, limit);
        int words = 0;
        while (w.find() && w.start() <= end + 2) {
            String word = lexicon.lower(text.substring(w.start(), w.end()));
            if (words > 0 && (lexicon.is(WordClass.PHRASE_ENDS, word) || lexicon.is(WordClass.DAYS, word)) || words >= 10) {
                break;
            }
            end = w.end();
            words++;
            if (end < limit && ",;:.!?()«»\"".indexOf(text.charAt(end)) >= 0
                    && !(text.charAt(end) == '.' && isAbbreviation(end))) {
                break;
            }
        }
        if (end <= from) {
            return Optional.empty();
        }
        String phrase = text.substring(from, end);
        String first = lexicon.lower(phrase.split("[\\s\\u00a0]+")[0]);
        if (lexicon.isSubjectPronoun(first)) {
            return Optional.of(pronoun(from, first, from, said));
        }
        Chains.Link demonstrative = chains.referenceAt(from, end);
        if (demonstrative != null && demonstrative.kind() == Chains.Kind.PRONOUN && demonstrative.start() == from) {
            // "celui-ci", "ce dernier": as the coreference stage resolved it.
            int entity = demonstrative.entity();
            return Optional.of(new Speaker(entity, new Quote.SpeakerMention(from, demonstrative.end(), demonstrative.text()),
                    entity >= 0 ? entities.get(entity).descriptor() : null, entity >= 0 ? Confidence.RESOLVED : Confidence.NONE));
        }
        Mention named = speakerMentionIn(from, end);
        if (named == null || named.type() != EntityType.PER) {
            // "un jeune manifestant, Abdel Nasser": the role phrase is followed by the name in apposition.
            Matcher apposition = Pattern.compile("^,[\\s\\u00a0]*").matcher(text.substring(end, Math.min(limit, end + 3)));
            if (apposition.find()) {
                int nameAt = end + apposition.end();
                Mention person = personAt(nameAt);
                Mention organisation = mentions.stream()
                        .filter(m -> m.start() == nameAt && m.type() == EntityType.ORG).findFirst().orElse(null);
                // "la fédération des banques, Febelfin": a person, else an organisation, in apposition.
                named = person != null ? person : named != null ? named : organisation;
            }
        }
        return Optional.of(named != null ? named(named, Confidence.NAMED) : roleSpeaker(from, end, phrase, said));
    }

    /**
     * "le président de la fédération Cofradías Unidas, José Manuel Ferrándiz": of several names of people in a phrase,
     * the one set off by a comma at its end is the apposition of the whole phrase, whom it designates; the others are
     * in the head's complement. Null unless the phrase has such a last name and another one before it.
     */
    private Mention appositivePerson(int from, int to) {
        Mention last = null;
        int people = 0;
        for (int i = firstMentionFrom(mentions, from); i < mentions.size() && mentions.get(i).start() < to; i++) {
            Mention m = mentions.get(i);
            if (m.end() <= to && m.type() == EntityType.PER) {
                people++;
                last = m;
            }
        }
        if (people < 2 || last.end() != to && !text.substring(last.end(), to).isBlank()) {
            return null;
        }
        String before = text.substring(Math.max(from, last.start() - 3), last.start()).strip();
        return before.endsWith(",") ? last : null;
    }

    /**
     * The speaker named in a phrase: a person before an organisation ("le directeur du CNRS, Jean Dupont"),
     * else the first organisation.
     */
    public Mention speakerMentionIn(int from, int to) {
        Mention organisation = null;
        for (int i = firstMentionFrom(mentions, from); i < mentions.size() && mentions.get(i).start() < to; i++) {
            Mention m = mentions.get(i);
            if (m.end() <= to) {
                if (m.type() == EntityType.PER) {
                    return m;
                }
                if (m.type() == EntityType.ORG && organisation == null) {
                    organisation = m;
                }
            }
        }
        return organisation;
    }

    public Speaker named(Mention m, double confidence) {
        int start = m.start();
        // Keep the title in the speaker mention: it is how the article designates the speaker.
        Matcher title = patterns.titleBefore().matcher(text.substring(Math.max(0, start - 6), start));
        if (title.find()) {
            start = Math.max(0, start - 6) + title.start();
        }
        return new Speaker(m.entity(), new Quote.SpeakerMention(start, m.end(), text.substring(start, m.end())),
                entities.get(m.entity()).descriptor(), confidence);
    }

    /**
     * "il" / "elle": the last speaker if there is one, else the person the text has named most so far: the subject
     * of a story outweighs a person named once in passing. When the last speaker is an organisation, a person
     * named since its quote comes first ("Le syndicat dénonce « … ». Sa déléguée, Odile Marchand, … a-t-elle dit").
     */
    public Speaker pronoun(int at, String pronoun, int before, List<Quote> said) {
        Quote.SpeakerMention mention = new Quote.SpeakerMention(at, at + pronoun.length(), text.substring(at, at + pronoun.length()));
        if (lexicon.is(WordClass.IMPERSONAL_PRONOUNS, lexicon.lower(pronoun))) {
            // "…, a-t-on appris auprès de la préfecture": the impersonal subject names nobody; the source, if any, is
            // the oblique after the verb.
            Optional<Speaker> source = sourceOblique(at);
            if (source.isPresent()) {
                return source.get();
            }
        }
        int lastSpeaker = lastSpeaker(said, before);
        Quote lastQuote = said.isEmpty() ? null : said.get(said.size() - 1);
        char gender = lexicon.genderOfPronoun(lexicon.lower(pronoun));
        int shifted = lastSpeaker >= 0 ? newSubjectSince(said, before, at, gender, lastSpeaker) : -1;
        int entity = shifted >= 0 ? shifted : lastSpeaker >= 0 ? lastSpeaker : mostNamedBetween(0, before, EntityType.PER);
        if (entity < 0) {
            // Nobody named yet: "L'ONG X publie un rapport dans lequel elle dévoile que …" is the organisation.
            entity = lastNamedBefore(before, EntityType.ORG);
        }
        if (entity >= 0 && entities.get(entity).type() != EntityType.PER && lastQuote != null) {
            int personSince = mostNamedBetween(lastQuote.end(), before, EntityType.PER);
            entity = personSince >= 0 ? personSince : entity;
        }
        if (entity >= 0 && gender != '?' && entities.get(entity).type() == EntityType.PER && chains.genderOf(entity) != '?'
                && chains.genderOf(entity) != gender) {
            // "elle" after a man's words: the last woman named before the pronoun.
            int agreeing = lastPersonOfGender(before, gender);
            entity = agreeing >= 0 ? agreeing : entity;
        }
        String descriptor = entity >= 0 ? entities.get(entity).descriptor() : null;
        return new Speaker(entity, mention, descriptor, entity >= 0 ? Confidence.RESOLVED : Confidence.NONE);
    }

    private int lastNamedBefore(int before, EntityType type) {
        int found = -1;
        for (Mention m : mentions) {
            if (m.start() < before && m.type() == type && !inCaption(m.start())) {
                found = m.entity();
            }
        }
        return found;
    }

    private int lastPersonOfGender(int before, char gender) {
        int found = -1;
        for (Mention m : mentions) {
            if (m.start() < before && m.type() == EntityType.PER && chains.genderOf(m.entity()) == gender) {
                found = m.entity();
            }
        }
        return found;
    }

    /** The entity of a type named most often between two offsets (outside photo captions), the latest on a tie. */
    private int mostNamedBetween(int from, int before, EntityType type) {
        int entity = -1;
        Map<Integer, Integer> timesNamed = new HashMap<>();
        for (Mention m : mentions) {
            if (m.start() >= from && m.start() < before && m.type() == type && !inCaption(m.start())) {
                int times = timesNamed.merge(m.entity(), 1, Integer::sum);
                if (entity < 0 || times >= timesNamed.get(entity)) {
                    entity = m.entity();
                }
            }
        }
        return entity;
    }

    /** "le ministre belge": the person whose descriptor has all these words, best the same head noun. */
    private Speaker roleSpeaker(int from, int end, String phrase, List<Quote> said) {
        int lastSpeaker = lastSpeaker(said, end);
        Quote.SpeakerMention mention = new Quote.SpeakerMention(from, end, phrase);
        List<String> words = Coreference.contentWords(lexicon, phrase).stream()
                .filter(w -> !lexicon.isFolded(WordClass.PRENOMINAL_MODIFIERS, w)).toList();
        String opener = lexicon.lower(phrase.split("[\\s\\u00a0]+")[0]);
        if (words.isEmpty() || lexicon.is(WordClass.UNNAMED_OPENERS, opener)) {
            return new Speaker(-1, mention, descriptorText(phrase), Confidence.CONTEXT);
        }
        if (isVoice(words.get(0))) {
            // "le syndicat", "la fédération", "la direction": the organisation the article is about so far.
            int organisation = mostNamedBetween(0, from, EntityType.ORG);
            if (organisation >= 0) {
                return new Speaker(organisation, mention, descriptorText(phrase), Confidence.VOICE);
            }
        }
        int best = -1;
        int bestScore = 0;
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            Set<String> known = chains.roleWords(i);
            if (known.isEmpty() || !known.containsAll(words)) {
                continue;
            }
            List<String> own = e.descriptor() == null ? List.of() : Coreference.contentWords(lexicon, e.descriptor());
            int score = 2 + (own.isEmpty() || !own.get(0).equals(words.get(0)) ? 0 : 2) + (i == lastSpeaker ? 1 : 0);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (best < 0) {
            // Relaxed head match (Lee et al. 2013): "le candidat du FDT" for "le troisième candidat, Karim Belkacem",
            // "la chercheuse" for "Laure Castagné, sociologue" — the most salient person with a role of the head's class.
            best = mostSalientWithRole(from, words.get(0));
        }
        if (best < 0) {
            // Whatever else the coreference stage resolved the phrase to ("le nouveau ministre" for the person the
            // paragraph is about).
            Chains.Link reference = chains.referenceAt(from, end);
            best = reference == null || reference.kind() != Chains.Kind.DESCRIPTION ? -1 : reference.entity();
        }
        if (best < 0) {
            return new Speaker(-1, mention, descriptorText(phrase), Confidence.UNRESOLVED);
        }
        return new Speaker(best, mention, entities.get(best).descriptor(), Confidence.RESOLVED);
    }

    private static String descriptorText(String phrase) {
        return phrase.strip();
    }

    private boolean inCaption(int offset) {
        int start = text.lastIndexOf('\n', offset) + 1;
        int end = text.indexOf('\n', offset);
        String paragraph = text.substring(start, end < 0 ? text.length() : end).strip();
        return patterns.creditLine().matcher(paragraph).find();
    }
}

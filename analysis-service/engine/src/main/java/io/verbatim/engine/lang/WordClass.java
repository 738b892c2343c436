package io.verbatim.engine.lang;

/**
 * The classes of words the rules need from a language, each a file of its folder ({@code lang/<code>/<file>.txt}:
 * one entry a line, {@code #} for comments; the file's header says what belongs in it). The rules reach words only
 * through these classes, so a language is a folder of these files and a {@link Morphology}.
 */
public enum WordClass {

    // Noun phrases and names
    DETERMINERS("determiners"),
    ARTICLES("articles"),
    DEFINITE_ARTICLES("definite-articles"),
    ROLE_OPENERS("role-openers"),
    UNNAMED_OPENERS("unnamed-openers"),
    PLURAL_QUANTIFIERS("plural-quantifiers"),
    PREPOSITIONS("prepositions"),
    COMPLEMENT_PREPOSITIONS("complement-prepositions"),
    PLACE_PREPOSITIONS("place-prepositions"),
    COMPLEMENT_ARTICLES("complement-articles"),
    TITLES("titles"),
    TITLE_ABBREVIATIONS("title-abbreviations"),
    NEVER_ENTITIES("never-entities"),
    SPAN_SPLITTERS("span-splitters"),
    CREDIT_WORDS("credit-words"),
    CAPTION_CREDITS("caption-credits"),
    CAPTION_OPENERS("caption-openers"),
    ORDINAL_SUFFIXES("ordinal-suffixes"),
    ACRONYM_SKIPPED_WORDS("acronym-skipped-words"),
    DESCRIPTOR_BREAKS("descriptor-breaks"),
    NAME_CONJUNCTIONS("name-conjunctions"),
    APPOSITION_BREAKS("apposition-breaks"),
    DAYS("days"),
    TIME_WORDS("time-words"),

    // Kinds of entity
    ORGANISATION_NOUNS("organisation-nouns"),
    ORGANISATION_VOICES("organisation-voices"),
    ORGANISATION_PEOPLE("organisation-people"),
    ORGANISATION_PREFIXES("organisation-prefixes"),
    GOVERNMENT_HEADS("government-heads"),
    INSTITUTION_HEADS("institution-heads"),
    GENERIC_NOUNS("generic-nouns"),
    DOCUMENTS("documents"),
    PRODUCT_NOUNS("product-nouns"),
    PLACE_NOUNS("place-nouns"),
    MEMBER_NOUNS("member-nouns"),
    COUNTERPART_NOUNS("counterpart-nouns"),
    PRENOMINAL_MODIFIERS("prenominal-modifiers"),

    // Pronouns
    IMPERSONAL_PRONOUNS("impersonal-pronouns"),
    IMPERSONAL_VERBS("impersonal-verbs"),
    IMPERSONAL_CUES("impersonal-cues"),
    SOURCE_OBLIQUES("source-obliques"),
    RELATIVE_PRONOUNS("relative-pronouns"),
    REFLEXIVE_PRONOUNS("reflexive-pronouns"),
    PREVERBAL_CLITICS("preverbal-clitics"),

    // Reported speech
    AUXILIARIES("auxiliaries"),
    REPORTING_ADVERBIALS("reporting-adverbials"),
    CLAUSE_OPENERS("clause-openers"),
    SOURCE_PREPOSITIONS("source-prepositions"),
    OPINION_PREPOSITIONS("opinion-prepositions"),
    NON_SOURCE_NOUNS("non-source-nouns"),
    COMPLEMENTIZERS("complementizers"),
    ADVERBIAL_SUBORDINATORS("adverbial-subordinators"),
    INFINITIVE_MARKS("infinitive-marks"),
    INFINITIVE_GOVERNORS("infinitive-governors"),
    INFINITIVE_REPORTS("infinitive-reports"),
    INFINITIVE_REPORT_STARTS("infinitive-report-starts"),
    COORDINATORS("coordinators"),
    NAMING_WORDS("naming-words"),
    PHRASE_ENDS("phrase-ends");

    final String file;

    WordClass(String file) {
        this.file = file + ".txt";
    }
}

package io.verbatim.engine.lang;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Closed word classes of French that the rules need: determiners, titles, pronouns. */
public final class FrenchWords {

    private FrenchWords() {
    }

    public static final Set<String> DETERMINERS = Set.of("le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'",
            "d’", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos",
            "votre", "vos", "mon", "ma", "mes");

    /** Titles that precede a name and are not part of a PER span ("M. Lecornu" → "Lecornu"). */
    public static final Set<String> TITLES = Set.of("m.", "mm.", "mme", "mmes", "mlle", "mlles", "dr", "dr.", "pr", "pr.",
            "me", "mgr", "monsieur", "madame", "mademoiselle", "maître", "docteur", "professeur", "général", "colonel",
            "abbé", "père", "sœur", "saint", "sainte", "président", "présidente", "ministre");

    public static final Set<String> SUBJECT_PRONOUNS = Set.of("il", "elle", "ils", "elles");

    /** Capitalised words that the tagger sometimes takes for names. */
    public static final Set<String> NEVER_ENTITIES = Set.of("il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu",
            "le", "la", "les", "l'", "l’", "un", "une", "des", "ce", "cette", "mais", "et", "ou", "alors", "selon",
            "pour", "après", "avant", "dans", "depuis", "lors", "archives", "photo", "illustration", "dr", "afp/archives",
            "quand", "moi", "toi", "lui", "eux", "oui", "non", "si", "comme", "ainsi", "cependant", "pourtant");

    /** Lower-case words before a name that make it an organisation ("la fédération des banques, Febelfin"). */
    public static final Set<String> ORGANISATION_NOUNS = Set.of("fédération", "syndicat", "groupe", "société", "parti",
            "association", "entreprise", "banque", "chaîne", "journal", "quotidien", "hebdomadaire", "mouvement",
            "organisation", "agence", "compagnie", "club", "union", "institut", "fondation", "constructeur",
            "opérateur", "laboratoire", "université", "comité", "collectif", "ong", "firme",
            "assureur", "radio", "télévision", "magazine", "centrale", "confédération", "fabricant", "distributeur",
            "éditeur", "équipementier", "transporteur", "enseigne");

    /** Lower-case words before a name that make it a programme, product or event ("le programme Scorpion"). */
    public static final Set<String> PRODUCT_NOUNS = Set.of("programme", "opération", "projet", "mission", "satellite",
            "fusée", "avion", "avions", "char", "chars", "canon", "canons", "missile", "missiles", "navire", "frégate",
            "véhicule", "véhicules", "logiciel", "application", "festival", "salon", "sommet", "traité", "tournoi",
            "championnat", "opérateur-satellite", "drone", "drones", "hélicoptère", "hélicoptères");

    /** Small words that end a place name inside a tagged span ("Tahrir au Caire" is two places). */
    public static final Set<String> SPAN_SPLITTERS = Set.of("à", "au", "aux", "en", "et", "dans", "sur", "près");

    /** Lower-case heads that start an organisation's name ("ministère de l'Intérieur"). */
    public static final Set<String> INSTITUTION_HEADS = Set.of("ministère", "secrétariat");

    /** Photo credit words that follow an agency name ("AFP/Archives"). */
    public static final Set<String> CREDIT_WORDS = Set.of("archives", "archive", "photo", "photos", "illustration", "dr");

    public static String lower(String word) {
        return word.toLowerCase(Locale.FRENCH);
    }

    /** Case, accents and spacing folded: the form two spellings of one name share. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[\\s\\u00a0]+", " ").strip();
    }
}

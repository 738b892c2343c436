package io.verbatim.engine.model;

/**
 * The one scale of {@link Quote#confidence()}: how directly the text gives the quote's source. Stored with each
 * quote and served by the API, so that readers can filter; the values order the cases, they are not
 * probabilities.
 */
public final class Confidence {

    /** The source is named in the reporting clause ("a déclaré Jean Dupont"). */
    public static final double NAMED = 0.9;
    /** A pronoun, a role noun or a headline name resolved to an entity ("a-t-il ajouté", "le ministre"). */
    public static final double RESOLVED = 0.75;
    /** An organisation speaking through its voice ("a indiqué la direction"); the cap for indirect speech. */
    public static final double VOICE = 0.7;
    /** The previous quote's source carried over (a quote continuing the same words). */
    public static final double CARRIED_OVER = 0.6;
    /** Ranked first among the context's candidates where the reporting clause names someone else or nobody. */
    public static final double RANKED = 0.55;
    /** The sentence's subject, for quoted words that no verb attributes; an unnamed source with a descriptor. */
    public static final double CONTEXT = 0.5;
    /** A source phrase that matches no entity ("le porte-parole"); indirect speech with no source. */
    public static final double UNRESOLVED = 0.4;
    /** No source at all. */
    public static final double NONE = 0.3;

    private Confidence() {
    }
}

package io.verbatim.engine.model;

/** The entity classes the engine tags, as in the gold annotation conventions. */
public enum EntityType {
    PER, ORG, LOC, MISC
}

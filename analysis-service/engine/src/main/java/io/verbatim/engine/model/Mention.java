package io.verbatim.engine.model;

/** A span of the text naming an entity; {@code entity} indexes {@link Analysis#entities()}. */
public record Mention(int start, int end, String text, EntityType type, int entity) {

    public Mention withEntity(int entityIndex) {
        return new Mention(start, end, text, type, entityIndex);
    }
}

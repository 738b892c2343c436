package io.verbatim.engine.model;

import java.util.List;

/**
 * One real-world entity of an article: its fullest name, the other names the article uses for it, and for people
 * the descriptor the article gives them ("ministre français des Armées"), if any.
 * {@code key} is the same for the same entity across articles.
 */
public record Entity(String key, String name, EntityType type, List<String> aliases, String descriptor) {
}

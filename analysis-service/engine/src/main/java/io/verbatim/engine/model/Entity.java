package io.verbatim.engine.model;

import java.util.List;

/**
 * One real-world entity of an article: its fullest name, the other names the article uses for it, and for people
 * the roles the article gives them ("ministre français des Armées", "maire de Lyon"), the first of which, the one it
 * introduces them with, is their {@code descriptor} (null when none). {@code key} is the same for the same entity
 * across articles.
 */
public record Entity(String key, String name, EntityType type, List<String> aliases, String descriptor,
                     List<String> roles) {
}

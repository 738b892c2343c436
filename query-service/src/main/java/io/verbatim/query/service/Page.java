package io.verbatim.query.service;

import java.util.List;

/** One page of results; {@code page} counts from 0 and {@code size} is the size actually used (capped). */
public record Page<T>(List<T> items, int page, int size, long total) {
}

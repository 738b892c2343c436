package io.verbatim.query.service;

import java.util.List;

/**
 * One page of results. {@code nextCursor} is null on the last page; {@code total} counts every match and is
 * only given on the first page (without a cursor), where it is worth its cost.
 */
public record Page<T>(List<T> items, int size, String nextCursor, Long total) {

    /** Builds a page from up to size + 1 rows: the extra row only tells that another page exists. */
    public static <T> Page<T> of(List<T> rows, PageRequest request, java.util.function.Function<T, Cursor> cursorOf,
                                 Long total) {
        boolean more = rows.size() > request.size();
        List<T> items = more ? rows.subList(0, request.size()) : rows;
        String next = more ? cursorOf.apply(items.get(items.size() - 1)).encode() : null;
        return new Page<>(List.copyOf(items), request.size(), next, total);
    }
}

package io.verbatim.query.service;

import java.util.List;

/**
 * One page of results. {@code nextCursor} is null on the last page. {@code total} counts the matches on the first
 * page of a listing (without a cursor), up to {@link #COUNT_CAP}: past it, {@code totalIsExact} is false and the
 * total reads "more than 1000".
 */
public record Page<T>(List<T> items, int size, String nextCursor, Long total, Boolean totalIsExact) {

    public static final int COUNT_CAP = 1000;

    /** Builds a page from up to size + 1 rows: the extra row only tells that another page exists. */
    public static <T> Page<T> of(List<T> rows, PageRequest request, java.util.function.Function<T, Cursor> cursorOf,
                                 Long counted) {
        boolean more = rows.size() > request.size();
        List<T> items = more ? rows.subList(0, request.size()) : rows;
        String next = more ? cursorOf.apply(items.get(items.size() - 1)).encode() : null;
        Long total = counted == null ? null : Math.min(counted, COUNT_CAP);
        return new Page<>(List.copyOf(items), request.size(), next, total, counted == null ? null : counted <= COUNT_CAP);
    }
}

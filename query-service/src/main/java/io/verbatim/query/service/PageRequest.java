package io.verbatim.query.service;

import io.verbatim.query.config.QueryConfig;

/** A validated page request: size defaulted and capped by configuration, cursor decoded (null on the first page). */
public record PageRequest(int size, Cursor cursor) {

    public static PageRequest of(String cursor, Integer size, QueryConfig config) {
        int s = size == null ? config.defaultPageSize() : size;
        if (s < 1) {
            throw new BadParameterException("size", "must be 1 or more");
        }
        return new PageRequest(Math.min(s, config.maxPageSize()), Cursor.decode(cursor));
    }

    public boolean first() {
        return cursor == null;
    }

    /** Rows to fetch: one more than the page, to know whether there is a next one. */
    public int fetch() {
        return size + 1;
    }

    /** For short rankings paged by position rather than by key. */
    public int offset() {
        if (cursor == null) {
            return 0;
        }
        long offset = cursor.expect("offset", 1).number(0);
        if (offset < 0 || offset > 100_000) {
            throw new BadParameterException("cursor", "is not a cursor from a previous page");
        }
        return (int) offset;
    }
}

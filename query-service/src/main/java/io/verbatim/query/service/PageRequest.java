package io.verbatim.query.service;

import io.verbatim.query.config.QueryConfig;

/** A validated page request: size defaulted and capped by configuration. */
public record PageRequest(int page, int size) {

    public static PageRequest of(Integer page, Integer size, QueryConfig config) {
        int p = page == null ? 0 : page;
        int s = size == null ? config.defaultPageSize() : size;
        if (p < 0) {
            throw new BadParameterException("page", "must be 0 or more");
        }
        if (p > 100_000) {
            throw new BadParameterException("page", "must be at most 100000; narrow the filters instead");
        }
        if (s < 1) {
            throw new BadParameterException("size", "must be 1 or more");
        }
        return new PageRequest(p, Math.min(s, config.maxPageSize()));
    }

    public int offset() {
        return page * size;
    }
}

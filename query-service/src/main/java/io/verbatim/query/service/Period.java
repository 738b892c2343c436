package io.verbatim.query.service;

import java.time.OffsetDateTime;

/** A date range on article dates; either end may be open (null). */
public record Period(OffsetDateTime from, OffsetDateTime to) {

    public static Period of(OffsetDateTime from, OffsetDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadParameterException("to", "must be after from");
        }
        return new Period(from, to);
    }
}

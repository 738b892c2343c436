package io.verbatim.query.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parsing of identifiers and dates from query parameters, failing with the parameter's name. */
public final class Ids {

    private Ids() {
    }

    public static UUID articleId(String parameter, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(parameter, "must be an article id (UUID)");
        }
    }

    /** Free text: PostgreSQL cannot store or compare NUL characters, and a query longer than this is an error. */
    public static String text(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\u0000') >= 0) {
            throw new BadParameterException(parameter, "must not contain NUL characters");
        }
        if (value.length() > 1000) {
            throw new BadParameterException(parameter, "must be at most 1000 characters");
        }
        return value;
    }

    /** A whole number, or null when absent. */
    public static Long number(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException(parameter, "must be a whole number");
        }
    }

    /** Ids given as repeated parameters and/or comma-separated ("entity=12,40&entity=7"); empty when absent. */
    public static java.util.List<Long> numbers(String parameter, java.util.List<String> values) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (String value : values == null ? java.util.List.<String>of() : values) {
            for (String part : value.split(",", -1)) {
                Long id = number(parameter, part);
                if (id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        if (ids.size() > 10) {
            throw new BadParameterException(parameter, "must list at most 10 ids");
        }
        return ids;
    }

    /** An entity id from the path: a 400 naming it when it is not a number. */
    public static long entityId(String parameter, String value) {
        Long id = number(parameter, value);
        if (id == null) {
            throw new BadParameterException(parameter, "must be an entity id (a whole number)");
        }
        return id;
    }

    /** A statement id from the path: a 400 naming it when it is not a number. */
    public static long statementId(String parameter, String value) {
        Long id = number(parameter, value);
        if (id == null) {
            throw new BadParameterException(parameter, "must be a statement id (a whole number)");
        }
        return id;
    }

    public static Integer integer(String parameter, String value) {
        Long n = number(parameter, value);
        if (n != null && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE)) {
            throw new BadParameterException(parameter, "is out of range");
        }
        return n == null ? null : n.intValue();
    }

    /**
     * An ISO date ("2025-06-12", start of day UTC) or date-time with offset, in the years 1 to 9999: Java takes
     * extended years (+999999999) that month arithmetic and PostgreSQL cannot.
     */
    public static OffsetDateTime instant(String parameter, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime instant;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                instant = day.atStartOfDay().atOffset(ZoneOffset.UTC);
                if (endOfDay) {
                    instant = instant.plusDays(1);
                }
            } else {
                instant = OffsetDateTime.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, "must be an ISO-8601 date (2025-06-12) or date-time");
        }
        if (instant.getYear() < 1 || instant.getYear() > 9999 && !(endOfDay && value.length() == 10)) {
            throw new BadParameterException(parameter, "must be between 0001-01-01 and 9999-12-31");
        }
        return instant;
    }
}

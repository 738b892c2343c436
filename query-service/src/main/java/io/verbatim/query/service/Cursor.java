package io.verbatim.query.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where the next page starts: the sort key and id of the last item served (keyset pagination, so a deep page
 * costs what the first one does), or an offset for short rankings. Opaque to clients: they pass back the
 * {@code nextCursor} of the previous page, with the same filters.
 */
public record Cursor(String kind, List<String> values) {

    private static final String SEPARATOR = "\u001f";

    /** Cursor times stay within the dates a parameter may name (years 1 to 9999), as PostgreSQL can compare them. */
    private static final long MIN_MICROS = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;
    private static final long MAX_MICROS = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;

    public static Cursor after(String kind, Object... values) {
        return new Cursor(kind, java.util.Arrays.stream(values).map(Cursor::format).toList());
    }

    public String encode() {
        String joined = kind + SEPARATOR + String.join(SEPARATOR, values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Null when absent; a 400 naming "cursor" when it is not one this service issued. */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1);
            if (parts.length < 2) {
                throw invalid();
            }
            return new Cursor(parts[0], List.of(parts).subList(1, parts.length));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** Checks this cursor was issued for the given sort and has the expected number of values. */
    public Cursor expect(String expectedKind, int count) {
        if (!kind.equals(expectedKind) || values.size() != count) {
            throw new BadParameterException("cursor", "belongs to another listing or sort order");
        }
        return this;
    }

    public OffsetDateTime time(int i) {
        long micros;
        try {
            micros = Long.parseLong(values.get(i));
        } catch (RuntimeException e) {
            throw invalid();
        }
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
            throw invalid();
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L)
                .atOffset(ZoneOffset.UTC);
    }

    public UUID uuid(int i) {
        try {
            return UUID.fromString(values.get(i));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public long number(int i) {
        try {
            return Long.parseLong(values.get(i));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public float real(int i) {
        try {
            float f = Float.parseFloat(values.get(i));
            if (!Float.isFinite(f)) {
                throw invalid();
            }
            return f;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static String format(Object value) {
        if (value instanceof OffsetDateTime t) {
            Instant i = t.toInstant();
            return Long.toString(Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000));
        }
        return String.valueOf(value);
    }

    private static BadParameterException invalid() {
        return new BadParameterException("cursor", "is not a cursor from a previous page");
    }
}

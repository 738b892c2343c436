package io.verbatim.query.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.LinkedHashMap;
import java.util.Map;

/** A WHERE clause assembled from optional filters, each with its named parameter; values are always bound. */
final class Sql {

    /** An article's date: publication when known, else reception. Indexed (article_newest_idx). */
    static final String ARTICLE_DATE = "coalesce(a.published_at, a.received_at)";

    private final StringBuilder where = new StringBuilder(" WHERE true");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds {@code AND condition} binding :name to value, unless value is null. */
    Sql and(String condition, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds a condition whose parameters are bound separately with {@link #bind(String, Object)}. */
    Sql and(String condition) {
        where.append(" AND ").append(condition);
        return this;
    }

    Sql bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Articles of a period, on alias a. */
    Sql period(Period period) {
        return period(ARTICLE_DATE, period);
    }

    /** Rows of a period by a date column: quotes and mentions carry their article's date (q/m.article_date). */
    Sql period(String dateColumn, Period period) {
        if (period == null) {
            return this;
        }
        return and(dateColumn + " >= :from", "from", period.from()).and(dateColumn + " < :to", "to", period.to());
    }

    /**
     * The number of rows, counted up to a cap: past it the exact figure costs more than it tells, and the
     * page says "more than".
     */
    long countUpTo(EntityManager em, String fromAndWhere, int cap) {
        return ((Number) query(em, "SELECT count(*) FROM (SELECT 1 " + fromAndWhere + " LIMIT " + (cap + 1) + ") t")
                .getSingleResult()).longValue();
    }

    /**
     * The ids of a listing's first rows, newest first ({@code date DESC, id DESC}). Given a LIMIT and an order an
     * index has, PostgreSQL walks that index and tests each row against the filters; when the filters match few
     * rows (a name no quote contains) the walk reads the whole table, seconds. So when {@code few} (the caller
     * counted at most {@link Page#COUNT_CAP} matches), the matches are gathered first, through the filters' own
     * indexes, and then sorted; when many match, the walk meets enough of them soon.
     */
    static String newestIds(String id, String date, String fromAndWhere, int limit, boolean few) {
        return few ? "WITH matching AS MATERIALIZED (SELECT " + id + " AS id, " + date + " AS date " + fromAndWhere
                + ") SELECT id FROM matching ORDER BY date DESC, id DESC LIMIT " + limit
                : "SELECT " + id + " " + fromAndWhere + " ORDER BY " + date + " DESC, " + id + " DESC LIMIT " + limit;
    }

    /** Takes the other's bound parameters too (for a query built from two clauses). */
    Sql merge(Sql other) {
        other.parameters.forEach(parameters::putIfAbsent);
        return this;
    }

    String where() {
        return where.toString();
    }

    /** A native query of this text with the parameters it uses bound. */
    Query query(EntityManager em, String sql) {
        Query query = em.createNativeQuery(sql);
        parameters.forEach((name, value) -> {
            if (java.util.regex.Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }
}

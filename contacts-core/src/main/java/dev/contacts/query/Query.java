package dev.contacts.query;

import dev.contacts.InvalidValueException;
import dev.contacts.filter.Filter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What to list: a filter, a sort, a page size (1..1000), optionally the cursor of the
 * previous page, the zone of local days (default: the property's) and the instant
 * {@code now} of relative date filters (default: read once from the clock; a cursor
 * brings its own).
 *
 * @param filter   the filter
 * @param sort     the sort, or null for the target's default
 * @param pageSize 1..1000
 * @param cursor   the previous page's cursor, or null for the first page
 * @param zone     zone of local days, or null for the property's
 * @param now      instant of relative filters, or null for the clock's (or the cursor's)
 */
public record Query(Filter filter, Sort sort, int pageSize, Cursor cursor, ZoneId zone, Instant now) {
    /** Page size used when none is given. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** Largest page size. */
    public static final int MAX_PAGE_SIZE = 1000;

    /**
     * @param filter   the filter
     * @param sort     the sort, or null for the target's default
     * @param pageSize 1..1000
     * @param cursor   the previous page's cursor, or null for the first page
     * @param zone     zone of local days, or null for the property's
     * @param now      instant of relative filters, or null for the clock's (or the cursor's)
     * @throws InvalidValueException if the page size is outside 1..1000
     */
    public Query {
        Objects.requireNonNull(filter, "filter");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidValueException("pageSize", pageSize + " is outside 1.." + MAX_PAGE_SIZE);
        }
    }

    /**
     * @param filter the filter
     * @return a query for its first page of 50, default sort
     */
    public static Query of(Filter filter) {
        return new Query(filter, null, DEFAULT_PAGE_SIZE, null, null, null);
    }

    /** @return a query of everything, first page of 50 */
    public static Query all() {
        return of(Filter.all());
    }

    /**
     * @param s sort
     * @return this query with that sort
     */
    public Query withSort(Sort s) {
        return new Query(filter, s, pageSize, cursor, zone, now);
    }

    /**
     * @param size 1..1000
     * @return this query with that page size
     */
    public Query withPageSize(int size) {
        return new Query(filter, sort, size, cursor, zone, now);
    }

    /**
     * @param c the cursor of the previous page (null for the first)
     * @return this query at that position
     */
    public Query withCursor(Cursor c) {
        return new Query(filter, sort, pageSize, c, zone, now);
    }

    /**
     * @param z zone
     * @return this query with that zone
     */
    public Query withZone(ZoneId z) {
        return new Query(filter, sort, pageSize, cursor, z, now);
    }

    /**
     * @param t instant
     * @return this query with that {@code now}
     */
    public Query withNow(Instant t) {
        return new Query(filter, sort, pageSize, cursor, zone, t);
    }

    /** @return the cursor, if any */
    public Optional<Cursor> cursorIfAny() {
        return Optional.ofNullable(cursor);
    }
}

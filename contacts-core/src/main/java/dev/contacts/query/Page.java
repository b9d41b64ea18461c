package dev.contacts.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One page of a result, the cursor of the next page (absent at the end) and the
 * {@code now} the query was evaluated at.
 *
 * <pre>{@code
 * Page<Contact> page = people.find(query);
 * while (page.hasNext()) {
 *     page = people.find(query.withCursor(page.nextCursor()));
 * }
 * }</pre>
 *
 * @param items      the items, in order
 * @param nextCursor the cursor that asks for the next page, or null at the end (see {@link #hasNext()})
 * @param now        the instant relative date filters were evaluated at
 * @param <T>        item type
 */
public record Page<T>(List<T> items, Cursor nextCursor, Instant now) {
    /**
     * Copies the items.
     *
     * @param items      the items, in order
     * @param nextCursor cursor of the next page, or null at the end
     * @param now        the instant relative date filters were evaluated at
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(now, "now");
    }

    /**
     * @return the cursor of the next page, or null at the end
     * @deprecated it returns a cursor, not a page: use {@link #nextCursor()}
     */
    @Deprecated
    public Cursor next() {
        return nextCursor;
    }

    /** @return whether there is a next page */
    public boolean hasNext() {
        return nextCursor != null;
    }
}

package dev.contacts.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a result, the cursor of the next page (absent at the end) and the
 * {@code now} the query was evaluated at.
 *
 * @param items the items, in order
 * @param next  cursor of the next page, or null at the end
 * @param now   the instant relative date filters were evaluated at
 * @param <T>   item type
 */
public record Page<T>(List<T> items, Cursor next, Instant now) {
    /**
     * Copies the items.
     *
     * @param items the items, in order
     * @param next  cursor of the next page, or null at the end
     * @param now   the instant relative date filters were evaluated at
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(now, "now");
    }

    /** @return the cursor of the next page, empty at the end */
    public Optional<Cursor> nextCursor() {
        return Optional.ofNullable(next);
    }

    /** @return whether there is a next page */
    public boolean hasNext() {
        return next != null;
    }
}

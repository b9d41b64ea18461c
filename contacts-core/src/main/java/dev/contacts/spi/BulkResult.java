package dev.contacts.spi;

import dev.contacts.model.ContactId;
import java.util.List;

/**
 * Outcome of a bulk operation over a whole filter result (docs/filter-semantics.md §8): how many
 * objects were changed, and the ones skipped because the change would break a limit.
 *
 * @param changed number of objects changed
 * @param skipped ids of the objects left unchanged because the change would break a limit
 */
public record BulkResult(long changed, List<ContactId> skipped) {
    /**
     * Copies the list.
     *
     * @param changed number of objects changed
     * @param skipped ids of the objects left unchanged because the change would break a limit
     */
    public BulkResult {
        skipped = List.copyOf(skipped);
    }
}

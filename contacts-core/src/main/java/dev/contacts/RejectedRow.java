package dev.contacts;

import java.util.Objects;

/**
 * A row of {@link ContactService#upsertAll} that was not applied: nothing of it was
 * written, and the other rows were not affected.
 *
 * @param index  the row's position in the input list, from 0
 * @param reason why: the exception the single-row upsert would have thrown (unknown attribute,
 *               invalid value, an address of another contact, a missing organization or contact, …)
 */
public record RejectedRow(int index, ContactsException reason) implements UpsertRowResult {
    /**
     * Checks the arguments.
     *
     * @param index  the row's position in the input list, from 0
     * @param reason why: the exception the single-row upsert would have thrown (unknown attribute,
     *               invalid value, an address of another contact, a missing organization or contact, …)
     */
    public RejectedRow {
        Objects.requireNonNull(reason, "reason");
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
    }
}

package dev.contacts;

import java.util.Optional;

/**
 * What {@link ContactService#upsertAll} did with one row: the row was applied (an
 * {@link Upsert}: created, updated or unchanged), or it was rejected (a
 * {@link RejectedRow} with the reason) and nothing of it was written.
 */
public sealed interface UpsertRowResult permits Upsert, RejectedRow {

    /** @return whether the row was rejected */
    default boolean isRejected() {
        return this instanceof RejectedRow;
    }

    /** @return the applied upsert, or empty when the row was rejected */
    default Optional<Upsert> upsert() {
        return this instanceof Upsert ? Optional.of((Upsert) this) : Optional.empty();
    }

    /** @return the rejection, or empty when the row was applied */
    default Optional<RejectedRow> rejection() {
        return this instanceof RejectedRow ? Optional.of((RejectedRow) this) : Optional.empty();
    }
}

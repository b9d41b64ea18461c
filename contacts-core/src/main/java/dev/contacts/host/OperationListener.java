package dev.contacts.host;

import java.time.Duration;

/**
 * Told when a contact search, count or upsert of the SDK ends, so that the host can time
 * them (Micrometer, logs…); given to {@code Contacts.builder().operationListener(...)}.
 * The default listener does nothing.
 *
 * <p>It is told the operation, how long the call took and whether it failed, and nothing
 * else: no property id, filter or email, so that a listener that tags metrics with what it
 * is told cannot leak personal data or explode the number of metric series.
 *
 * <p>It is called on the thread that made the call, after the call returned or threw (inside
 * the caller's transaction, when there is one): it must be fast and thread-safe. An exception
 * it throws is logged and ignored; it never changes the call's outcome.
 */
@FunctionalInterface
public interface OperationListener {
    /** The listener that does nothing (the default). */
    OperationListener NONE = (operation, elapsed, failure) -> {
    };

    /** The timed operations of {@code ContactService}. */
    enum Operation {
        /** {@code ContactService.find(Query)}: one page of a search. */
        FIND,
        /** {@code ContactService.count(Filter)} and {@code count(Query)}. */
        COUNT,
        /** {@code ContactService.upsert(ContactUpsert)} and {@code upsertByEmail}; conflict retries included. */
        UPSERT
    }

    /**
     * @param operation what ended
     * @param elapsed   how long it took, conflict retries included
     * @param failure   what it threw, or null when it returned normally
     */
    void completed(Operation operation, Duration elapsed, Throwable failure);
}

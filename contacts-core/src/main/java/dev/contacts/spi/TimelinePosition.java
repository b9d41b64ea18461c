package dev.contacts.spi;

import dev.contacts.model.TimelineKind;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A place on a contact's timeline: the time, id and kind of the last item of the previous
 * page. {@link TimelineRepository#page} returns the items strictly past it in timeline order.
 *
 * <p>Timeline order, newest first: {@code time} descending, then {@code id} descending as
 * unsigned 128-bit numbers (the order of the canonical text, and of the {@code uuid} type
 * of PostgreSQL and H2), then {@code kind} in declaration order. Ids are UUIDs v7 from one
 * generator, so two items of different kinds never share one in practice; the kind only
 * makes the order total.
 *
 * @param time the item's time, in milliseconds
 * @param id   the item's id
 * @param kind the item's kind
 */
public record TimelinePosition(Instant time, UUID id, TimelineKind kind) {
    /**
     * Checks that every component is given.
     *
     * @param time the item's time, in milliseconds
     * @param id   the item's id
     * @param kind the item's kind
     */
    public TimelinePosition {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}

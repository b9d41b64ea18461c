package dev.contacts.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * A place in a newest-first list of dated items (notes, web sessions, chats, the timeline):
 * the item's time, its id and, on the timeline, the ordinal of its kind (0 elsewhere).
 *
 * @param time the item's time (creation, or an event's start), in milliseconds
 * @param id   the item's id
 * @param kind the ordinal of the item's kind on the timeline, 0 for lists of one kind
 */
public record SeekPosition(Instant time, UUID id, int kind) {
    /**
     * Newest first: time descending, then id descending as unsigned numbers, then kind
     * ascending (ids are UUIDs v7 from one generator, so two items of different kinds never
     * share one in practice; the kind only makes the order total).
     */
    public static final Comparator<SeekPosition> NEWEST_FIRST = Comparator.comparing(SeekPosition::time).reversed()
            .thenComparing((a, b) -> Uuid7.compareUnsigned(b.id(), a.id()))
            .thenComparingInt(SeekPosition::kind);

    /**
     * Checks the components.
     *
     * @param time the item's time (creation, or an event's start), in milliseconds
     * @param id   the item's id
     * @param kind the ordinal of the item's kind on the timeline, 0 for lists of one kind
     */
    public SeekPosition {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(id, "id");
    }
}

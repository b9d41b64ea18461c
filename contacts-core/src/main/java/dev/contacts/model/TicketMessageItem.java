package dev.contacts.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message of one of the contact's tickets on the timeline, at its creation; its
 * {@code ticket()} says which ticket.
 *
 * @param message the message
 */
public record TicketMessageItem(TicketMessage message) implements TimelineItem {
    /**
     * Checks the message is given.
     *
     * @param message the message
     */
    public TicketMessageItem {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.TICKET;
    }

    @Override
    public Instant time() {
        return message.created();
    }

    @Override
    public UUID id() {
        return message.id().value();
    }
}

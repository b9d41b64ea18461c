package dev.contacts.internal;

import dev.contacts.InvalidValueException;
import dev.contacts.model.EntityId;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketMessage;

/**
 * Argument checks of the store SPI that every store makes the same way (page limits,
 * timeline positions, ticket drafts), kept in one place so stores cannot drift apart on
 * them.
 */
public final class StoreArguments {
    private StoreArguments() {
    }

    /**
     * @param limit a page size
     * @param max   the largest one the method takes
     * @throws InvalidValueException naming {@code limit} unless {@code 1 <= limit <= max}
     */
    public static void checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidValueException("limit", limit + " is not within 1.." + max);
        }
    }

    /**
     * @param created the time of a timeline position, or null
     * @param id      the message id of that position, or null
     * @throws IllegalArgumentException unless both or neither are given
     */
    public static void checkPosition(Object created, Object id) {
        if ((created == null) != (id == null)) {
            throw new IllegalArgumentException("give both the time and the id of the position, or neither");
        }
    }

    /**
     * @param from the parent notes move from
     * @param to   the parent they move to
     * @throws IllegalArgumentException unless both are contacts or both organizations
     */
    public static void checkSameKind(EntityId from, EntityId to) {
        if (from.getClass() != to.getClass()) {
            throw new IllegalArgumentException("notes move between two contacts or two organizations, not from " + from + " to " + to);
        }
    }

    /**
     * @param draft a ticket to create
     * @param first its first message
     * @throws IllegalArgumentException unless the draft has number 0 and version 1 and the first message is an
     *                                  agent's (with a delivery) of the same ticket and contact
     */
    public static void checkDraft(Ticket draft, TicketMessage first) {
        if (draft.number() != 0 || draft.version() != 1 || !first.ticket().equals(draft.id())
                || !first.contact().equals(draft.contact()) || first.delivery() == null) {
            throw new IllegalArgumentException("a draft has number 0 and version 1, and its first message is an agent's of the same "
                    + "ticket and contact");
        }
    }
}

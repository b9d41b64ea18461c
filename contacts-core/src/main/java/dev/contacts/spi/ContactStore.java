package dev.contacts.spi;

import java.util.Set;

/**
 * A store: the repositories of every aggregate over one storage engine, for many
 * properties. Implementations: the in-memory store, the JPA store, the MongoDB store;
 * host applications pick one and give it to {@code Contacts.builder().store(...)}.
 */
public interface ContactStore extends AutoCloseable {
    /** @return properties */
    PropertyRepository properties();

    /** @return custom attribute definitions */
    AttributeDefinitionRepository attributes();

    /** @return contacts */
    ContactRepository contacts();

    /** @return organizations */
    OrganizationRepository organizations();

    /** @return tickets, their messages and the outbox of their emails */
    TicketRepository tickets();

    /** @return notes on contacts and organizations */
    NoteRepository notes();

    /** @return web sessions and live chats, with the contact statistics they feed */
    ActivityRepository activity();

    /** @return saved segments */
    SegmentRepository segments();

    /** @return saved list views */
    ListViewRepository listViews();

    /** @return the documented limitations this store declares */
    Set<StoreCapability> capabilities();

    /** Releases what the store opened itself (connections it created); never what the host handed it. */
    @Override
    void close();
}

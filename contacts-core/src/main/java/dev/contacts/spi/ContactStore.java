package dev.contacts.spi;

import dev.contacts.host.BlobStore;
import java.util.Optional;
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

    /**
     * The blob store that goes with this store: where {@code Contacts.builder().build()} keeps
     * the bytes of ticket attachments when the host gives no {@code .blobStore(...)}.
     *
     * <p>What it must guarantee: the bytes live as long as the store's own data, so that a
     * ticket read after a restart of the host finds its attachments. A database store keeps
     * them in its database, where its tickets are (a table beside them, GridFS), and deletes
     * them with their property; a store whose data lives in memory may keep them in memory.
     * It is a {@link BlobStore}, thread-safe, and answers the same instance on every call.
     *
     * @return the store's blob store, or empty when the store offers none (the host must then
     *         give one, or opt in to memory with {@code Contacts.builder().inMemoryBlobStore()})
     */
    default Optional<BlobStore> blobStore() {
        return Optional.empty();
    }

    /** @return the documented limitations this store declares */
    Set<StoreCapability> capabilities();

    /** Releases what the store opened itself (connections it created); never what the host handed it. */
    @Override
    void close();
}

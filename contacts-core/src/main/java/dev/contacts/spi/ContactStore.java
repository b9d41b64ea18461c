package dev.contacts.spi;

import dev.contacts.model.PropertyId;
import dev.contacts.host.BlobStore;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A store: the repositories of every aggregate over one storage engine, for many
 * properties. Implementations: the in-memory store, the JPA store, the MongoDB store;
 * host applications pick one and give it to {@code Contacts.builder().store(...)}.
 *
 * <p><b>Threads.</b> A store is shared by every thread of the application: its repositories
 * must be safe to call from many threads at once, and each repository call must be atomic
 * on its own (a write is applied entirely or not at all). A store keeps no state for a
 * caller between calls, except the unit of work {@link #unitOfWork} opens on the calling
 * thread, which ends when that call returns.
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
     * The store's own reading of timeline pages, when it has a faster one than the SDK's merge
     * of one seek per kind: see {@link TimelineRepository}, whose contract such a store must
     * keep (the same items in the same order, never items of a missing contact).
     *
     * @return the store's timeline reader, or empty (the default) to let the SDK merge the
     *         per-kind seeks of {@link #notes()}, {@link #activity()} and {@link #tickets()}
     */
    default Optional<TimelineRepository> timeline() {
        return Optional.empty();
    }

    /**
     * Runs a group of repository calls of one property as one unit of work. The SDK's
     * services call it around every operation that reads and then writes (an update reads
     * the contact, then writes it), and around multi-statement reads, so that:
     * <ul>
     *   <li>a {@link WorkMode#WRITE} unit commits all of its writes or none of them, and the
     *       state it read cannot change under it before it writes (SQL stores: one
     *       transaction; the rows it reads through
     *       {@link ContactRepository#getForUpdate} are locked until it ends; the in-memory
     *       store: the property's write lock);</li>
     *   <li>a {@link WorkMode#READ} unit runs its reads on one connection or lock, and never
     *       writes;</li>
     *   <li>when the host application has a transaction open on the calling thread that the
     *       store can join (a JPA store bound to the host's transaction), the unit runs
     *       inside it and its commit and rollback are the host's.</li>
     * </ul>
     * Repository calls made by {@code work} on the calling thread take part in the unit;
     * units nest (an inner unit joins the outer one). A store whose own transaction lost a
     * race the engine detected (deadlock, serialization failure, lock timeout) may roll back
     * and run {@code work} again, so {@code work} must have no effect outside the store
     * except idempotent ones. Exceptions of {@code work} end the unit with a rollback and
     * are rethrown.
     *
     * <p>The default runs {@code work} directly: each repository call is then atomic on its
     * own, nothing more. That is what a store without multi-document transactions does (the
     * MongoDB store): its writes that span documents are fixed sequences of idempotent
     * steps that {@code Contacts.recover()} completes, and the SDK retries version conflicts.
     *
     * @param property the property the work is on
     * @param mode     whether it writes
     * @param work     the repository calls
     * @param <R>      the result type
     * @return what {@code work} returned, once committed
     */
    default <R> R unitOfWork(PropertyId property, WorkMode mode, Supplier<R> work) {
        return work.get();
    }

    /**
     * Runs {@code action} once the transaction of the unit of work open on the calling thread
     * has ended, committed or rolled back; when that unit runs in a transaction of the
     * host's, once the host's transaction has ended. Outside a unit of work, and in a store
     * whose units are not transactions, the writes are already visible: it runs it now,
     * which is what the default does.
     *
     * <p>Why: the SDK drops the cached segment counts of a property when a write to it
     * happens, and again through this method when the write becomes visible to other
     * connections. Without the second drop, a count taken by another thread between the
     * write and its commit (it sees the data from before the write) would be served after
     * the commit until the cache's TTL.
     *
     * <p>The action is quick and does not throw; a store runs every action it was given
     * even when one of them throws, and never lets such a failure change the outcome of the
     * transaction.
     *
     * @param action what to do once the calling thread's writes are visible to other callers, or are undone
     */
    default void whenUnitOfWorkEnds(Runnable action) {
        action.run();
    }

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

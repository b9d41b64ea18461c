package dev.contacts.inmemory;

import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.host.BlobStore;
import dev.contacts.internal.InMemoryBlobStore;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ActivityRepository;
import dev.contacts.spi.AttributeDefinitionRepository;
import dev.contacts.spi.ContactRepository;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.ListViewRepository;
import dev.contacts.spi.NoteRepository;
import dev.contacts.spi.OrganizationRepository;
import dev.contacts.spi.PropertyRepository;
import dev.contacts.spi.SegmentRepository;
import dev.contacts.spi.StoreCapability;
import dev.contacts.spi.WorkMode;
import dev.contacts.spi.TicketRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reference store: every property, contact, organization, custom attribute
 * definition, ticket, saved segment and list view in the memory of this JVM. Simple, thread-safe and indexed, it meets the
 * whole contract of docs/filter-semantics.md with no declared limitation ({@link #capabilities()} is
 * empty: text orders by code point). Nothing is persisted; the data lives as long as
 * this object.
 *
 * <pre>{@code
 * Contacts contacts = Contacts.builder().store(new InMemoryStore()).build();
 * contacts.createProperty(Property.of("acme", "ACME support", ZoneId.of("Europe/Paris")));
 * }</pre>
 *
 * <h2>Properties and concurrency</h2>
 * Each property has its own data and its own {@link java.util.concurrent.locks.ReentrantReadWriteLock}:
 * reads (get, find, count) run concurrently under the read lock, every write under the
 * write lock, so a write is atomic and an optimistic {@code update} with a stale
 * version fails with {@link dev.contacts.ConflictException} instead of losing a write.
 * Nothing crosses properties: an id of another property is not found and a filter only
 * sees its own property's rows. Repository calls naming a property that does not exist
 * read as empty (no object, empty lists, count 0, {@code delete} returns false, bulk
 * operations change nothing) and, for {@code insert}, {@code update} and attribute
 * {@code create}/{@code update}, throw {@link dev.contacts.NotFoundException}.
 *
 * <h2>Rules the store enforces</h2>
 * <ul>
 *   <li>Email addresses are unique per property by fold; organization names too; segment
 *       names per property and target by fold; custom attribute names per property and
 *       target ({@link dev.contacts.ConflictException}). Segment updates are optimistic on
 *       the version.</li>
 *   <li>An organization's {@code contacts} count is computed from the contacts' links on
 *       every contact write. Deleting an organization unlinks it from every contact of the
 *       property; deleting a custom attribute removes its values. Both leave the version
 *       and {@code updated} of the objects they touch as they were: they are consequences
 *       of another deletion, not edits. The store does not check that linked organizations
 *       exist (the SDK does before writing); a count is kept for every linked id.</li>
 *   <li>Tickets, notes and activity events live under the same lock as the contacts: a
 *       note or an event for a contact (or organization) that does not exist is refused,
 *       and an ingested event, or a new ticket, changes the contact's statistics in the same
 *       critical section. Activity events are unique per property and kind by external id.
 *       Notes and tickets are optimistic on the version.</li>
 * </ul>
 *
 * <h2>Queries</h2>
 * Filters are evaluated in Java on text folds computed once when a row is written. Each
 * property keeps hash indexes (fold of a tag or email, country, organization id to
 * contact ids; organization name, tag, country to organization ids) and sorted indexes
 * (contacts by {@code lastSeen}, {@code created}, {@code updated} and {@code name};
 * organizations by {@code name}, {@code created}, {@code updated}). A selective filter
 * starts from the smallest candidate set an index gives; a page sorted by an indexed
 * attribute walks the index from the cursor position and stops after the page, so a deep
 * page costs what the first does; anything else tests every row and keeps the page in a
 * bounded heap. Counts are always exact. Each find logs its plan and duration at DEBUG
 * ({@code dev.contacts.inmemory}).
 */
public final class InMemoryStore implements ContactStore {
    private final ConcurrentMap<PropertyId, PropertyData> properties = new ConcurrentHashMap<>();
    private final InMemoryProperties propertyRepository = new InMemoryProperties(properties);
    private final InMemoryAttributes attributeRepository = new InMemoryAttributes(this);
    private final InMemoryContacts contactRepository = new InMemoryContacts(this);
    private final InMemoryOrganizations organizationRepository = new InMemoryOrganizations(this);
    private final InMemoryTickets ticketRepository = new InMemoryTickets(this);
    private final InMemoryNotes noteRepository = new InMemoryNotes(this);
    private final InMemoryActivity activityRepository = new InMemoryActivity(this);
    private final InMemorySegments segmentRepository = new InMemorySegments(this);
    private final InMemoryListViews listViewRepository = new InMemoryListViews(this);
    private final BlobStore blobs = new InMemoryBlobStore();

    /** Creates an empty store, without any property. */
    public InMemoryStore() {
    }

    /** @param id a property id @return its data, or null when it does not exist */
    PropertyData data(PropertyId id) {
        return properties.get(id);
    }

    /**
     * @param id     a property id
     * @param action what was to be done there, for the message
     * @return its data
     * @throws NotFoundException when the property does not exist
     */
    PropertyData require(PropertyId id, String action) {
        PropertyData data = properties.get(Objects.requireNonNull(id, "property"));
        if (data == null) {
            throw new NotFoundException("cannot " + action + ": property " + id + " does not exist");
        }
        return data;
    }

    /**
     * @param id     a property id
     * @param absent the answer when the property does not exist
     * @param read   a read of its data, run under its read lock
     * @param <R>    the answer type
     * @return the read's answer, or {@code absent}
     */
    <R> R read(PropertyId id, R absent, Function<PropertyData, R> read) {
        PropertyData data = properties.get(Objects.requireNonNull(id, "property"));
        return data == null ? absent : data.read(() -> read.apply(data));
    }

    /**
     * @param id     a property id
     * @param absent the answer when the property does not exist
     * @param write  a write of its data, run under its write lock
     * @param <R>    the answer type
     * @return the write's answer, or {@code absent} (clean-ups of a property that does not exist have nothing to do)
     */
    <R> R writeIfPresent(PropertyId id, R absent, Function<PropertyData, R> write) {
        PropertyData data = properties.get(Objects.requireNonNull(id, "property"));
        return data == null ? absent : data.write(() -> write.apply(data));
    }

    /**
     * @param limit a page limit given to a repository
     * @param max   the largest the repository accepts
     * @throws InvalidValueException if it is outside 1..max
     */
    static void checkLimit(int limit, int max) {
        dev.contacts.internal.StoreArguments.checkLimit(limit, max);
    }

    /** @return the properties (create, get, list, delete) */
    @Override
    public PropertyRepository properties() {
        return propertyRepository;
    }

    /** @return the custom attribute definitions of every property */
    @Override
    public AttributeDefinitionRepository attributes() {
        return attributeRepository;
    }

    /** @return the contacts of every property */
    @Override
    public ContactRepository contacts() {
        return contactRepository;
    }

    /** @return the organizations of every property */
    @Override
    public OrganizationRepository organizations() {
        return organizationRepository;
    }

    /**
     * @return the tickets of every property, under the same per-property lock as its contacts, so a ticket and the
     *         contact's statistics change together
     */
    @Override
    public TicketRepository tickets() {
        return ticketRepository;
    }

    /** @return the notes of every property, under the same per-property lock as the contacts and organizations they are on */
    @Override
    public NoteRepository notes() {
        return noteRepository;
    }

    /**
     * @return the web sessions and live chats of every property, under the same per-property lock as the contacts
     *         whose statistics they feed
     */
    @Override
    public ActivityRepository activity() {
        return activityRepository;
    }

    /** @return the saved segments of every property, under each property's lock */
    @Override
    public SegmentRepository segments() {
        return segmentRepository;
    }

    /** @return the saved list views of every property, under each property's lock */
    @Override
    public ListViewRepository listViews() {
        return listViewRepository;
    }

    /** @return attachment bytes in the memory of this JVM, which keeps them exactly as long as this store's data */
    @Override
    public Optional<BlobStore> blobStore() {
        return Optional.of(blobs);
    }

    /** @return no declared limitation: this store meets every rule of docs/filter-semantics.md */
    @Override
    public Set<StoreCapability> capabilities() {
        return Set.of();
    }

    /**
     * {@inheritDoc} Here: under the property's lock — the read lock for a
     * {@link WorkMode#READ} unit (many at once), the write lock for a {@link WorkMode#WRITE}
     * unit, so nothing another thread writes can come between the unit's reads and its
     * writes. The lock is reentrant: the unit's repository calls take it again. Writes made
     * before the work throws are not undone (there is no rollback in memory; the SDK's units
     * check everything before their writes). A unit on a property that does not exist runs
     * without a lock, and its repository calls report the missing property.
     */
    @Override
    public <R> R unitOfWork(PropertyId property, WorkMode mode, Supplier<R> work) {
        PropertyData data = properties.get(Objects.requireNonNull(property, "property"));
        if (data == null) {
            return work.get();
        }
        return mode == WorkMode.WRITE ? data.write(work) : data.read(work);
    }

    /** Does nothing: the store holds no connection or file. The data stays until the store is garbage collected. */
    @Override
    public void close() {
        // nothing to release
    }
}

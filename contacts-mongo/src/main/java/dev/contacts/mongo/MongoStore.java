package dev.contacts.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.contacts.host.BlobStore;
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
import dev.contacts.spi.TicketRepository;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store SPI on MongoDB (mongodb-driver-sync), without multi-document transactions.
 *
 * <pre>{@code
 * MongoClient client = MongoClients.create("mongodb://db.example.com:27017");   // the host's client
 * Contacts contacts = Contacts.builder().store(MongoStore.create(client, "helpdesk")).build();
 * contacts.recover();   // at start-up: completes writes a crash interrupted
 * }</pre>
 *
 * <h2>Collections</h2>
 * One collection per aggregate — {@code properties}, {@code attributeDefinitions},
 * {@code contacts}, {@code organizations}, {@code tickets} (messages and their outbox state
 * inside the ticket document), {@code notes}, {@code webSessions}, {@code liveChats},
 * {@code segments}, {@code listViews} — plus {@code counters} (per-property ticket numbers
 * and attribute positions) and {@code contactMerges} (merges in progress); ticket attachments
 * go to the {@code blobs} collection and the GridFS bucket {@code attachments}
 * ({@link #blobStore()}). {@link #create} creates missing collections and indexes; it is
 * idempotent, so every instance of a host may call it on start. {@code propertyId} is the
 * first key of every declared index, and every query and write is scoped by it.
 *
 * <h2>Atomicity without transactions</h2>
 * Every write of one aggregate is one single-document operation (optimistic locking by a
 * {@code version} condition in the update filter; counters with {@code $inc}, {@code $min},
 * {@code $max}; ticket numbers from {@code findOneAndUpdate} + {@code $inc} + upsert on a
 * counter document). Writes that span documents — a contact's organization links and the
 * organizations' contact counts, a ticket and its contact's statistics, deleting an
 * organization, a custom attribute or a property — are fixed sequences of idempotent steps:
 * the first step leaves a marker in a document (a pending entry, a {@code deleting} flag), the
 * last removes it, and {@link TicketRepository#recover} (which {@code Contacts.recover()}
 * runs for every property) completes every marked write, so after it each write is whole.
 *
 * <h2>Text order</h2>
 * A MongoDB server compares strings by their UTF-8 bytes, which is the code point order of
 * docs/filter-semantics.md §7, so {@link #create(MongoClient, String)} declares no limitation. The
 * in-process test server mongo-java-server compares them by UTF-16 units: open it with
 * {@link #create(MongoClient, String, Set)} and {@link StoreCapability#UTF16_TEXT_ORDER}.
 */
public final class MongoStore implements ContactStore {
    private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);

    private final MongoClient ownedClient;
    private final MongoDatabase db;
    private final Set<StoreCapability> capabilities;
    private final MongoProperties properties;
    private final MongoAttributes attributes;
    private final MongoContacts contacts;
    private final MongoOrganizations organizations;
    private final MongoTickets tickets;
    private final MongoNotes notes;
    private final MongoActivity activity;
    private final MongoSegments segments;
    private final MongoListViews listViews;
    private final Recovery recovery;
    private final GridFsBlobStore blobs;

    private MongoStore(MongoClient client, boolean owned, String databaseName, Set<StoreCapability> capabilities) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(databaseName, "databaseName");
        this.ownedClient = owned ? client : null;
        this.db = client.getDatabase(databaseName);
        this.capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        this.properties = new MongoProperties(this);
        this.attributes = new MongoAttributes(this);
        this.organizations = new MongoOrganizations(this);
        this.contacts = new MongoContacts(this);
        this.tickets = new MongoTickets(this);
        this.notes = new MongoNotes(this);
        this.activity = new MongoActivity(this);
        this.segments = new MongoSegments(this);
        this.listViews = new MongoListViews(this);
        this.recovery = new Recovery(this);
        this.blobs = GridFsBlobStore.create(db);
    }

    /**
     * Opens the store on a database of a real MongoDB server (4.4 or later), creating its
     * collections and indexes if needed, and completing property deletions a crash
     * interrupted. The client stays the host's: {@link #close()} does not close it.
     *
     * @param client       the host's client
     * @param databaseName the database to use
     * @return the store
     * @throws dev.contacts.StoreException if the server cannot be reached or refuses the indexes
     */
    public static MongoStore create(MongoClient client, String databaseName) {
        return create(client, databaseName, Set.of());
    }

    /**
     * Opens the store declaring limitations of the server engine (docs/filter-semantics.md §7): give
     * {@link StoreCapability#UTF16_TEXT_ORDER} for mongo-java-server, which orders strings by
     * UTF-16 units; a real MongoDB server needs none.
     *
     * @param client       the host's client
     * @param databaseName the database to use
     * @param declared     the limitations to declare
     * @return the store
     * @throws dev.contacts.StoreException if the server cannot be reached or refuses the indexes
     */
    public static MongoStore create(MongoClient client, String databaseName, Set<StoreCapability> declared) {
        return start(new MongoStore(client, false, databaseName, declared));
    }

    /** Opens a store that owns its client (the {@code mongodb:} provider): {@link #close()} closes it. */
    static MongoStore createOwning(MongoClient client, String databaseName) {
        return start(new MongoStore(client, true, databaseName, Set.of()));
    }

    private static MongoStore start(MongoStore store) {
        StoreCalls.runVoid("start", null, () -> {
            Schema.ensure(store.db);
            long completed = store.recovery.completePropertyDeletions();
            if (completed > 0) {
                LOG.info("completed {} interrupted property deletion(s) in database {}", completed, store.db.getName());
            }
        });
        return store;
    }

    /** @return properties */
    @Override
    public PropertyRepository properties() {
        return properties;
    }

    /** @return custom attribute definitions */
    @Override
    public AttributeDefinitionRepository attributes() {
        return attributes;
    }

    /** @return contacts */
    @Override
    public ContactRepository contacts() {
        return contacts;
    }

    /** @return organizations */
    @Override
    public OrganizationRepository organizations() {
        return organizations;
    }

    /** @return tickets, with their messages and outbox; its {@code recover} completes every interrupted write of a property */
    @Override
    public TicketRepository tickets() {
        return tickets;
    }

    /** @return notes on contacts and organizations */
    @Override
    public NoteRepository notes() {
        return notes;
    }

    /** @return web sessions and live chats; its {@code recover} completes interrupted ingestions */
    @Override
    public ActivityRepository activity() {
        return activity;
    }

    /** @return saved segments */
    @Override
    public SegmentRepository segments() {
        return segments;
    }

    /** @return saved list views */
    @Override
    public ListViewRepository listViews() {
        return listViews;
    }

    /**
     * @return a {@link GridFsBlobStore} on the store's database (collection {@code blobs}, bucket {@code attachments}),
     *         which {@code Contacts.builder().build()} uses for ticket attachments unless the host gives another
     */
    @Override
    public Optional<BlobStore> blobStore() {
        return Optional.of(blobs);
    }

    /** @return the limitations declared when the store was opened (none for a real MongoDB server) */
    @Override
    public Set<StoreCapability> capabilities() {
        return capabilities;
    }

    /** Closes the client if the store opened it itself ({@code mongodb:} URLs); a host's client stays open. */
    @Override
    public void close() {
        if (ownedClient != null) {
            ownedClient.close();
        }
    }

    /** @return the database */
    MongoDatabase database() {
        return db;
    }

    /**
     * @param name a collection of {@link Schema}
     * @return it
     */
    MongoCollection<Document> collection(String name) {
        return db.getCollection(name, Document.class);
    }

    MongoProperties propertyRepository() {
        return properties;
    }

    MongoContacts contactRepository() {
        return contacts;
    }

    MongoOrganizations organizationRepository() {
        return organizations;
    }

    MongoAttributes attributeRepository() {
        return attributes;
    }

    Recovery recovery() {
        return recovery;
    }

    /**
     * @param property a property
     * @param action   what is being done, for the message
     * @throws dev.contacts.NotFoundException if it does not exist (or is being deleted)
     */
    void requireProperty(PropertyId property, String action) {
        properties.require(property, action);
    }
}

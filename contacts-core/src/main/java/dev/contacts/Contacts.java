package dev.contacts;

import dev.contacts.host.BlobStore;
import dev.contacts.host.Directory;
import dev.contacts.host.Mailer;
import dev.contacts.host.OperationListener;
import dev.contacts.host.Telephony;
import dev.contacts.internal.CatalogCache;
import dev.contacts.internal.ContactHistory;
import dev.contacts.internal.HostServices;
import dev.contacts.internal.InMemoryBlobStore;
import dev.contacts.internal.PropertyContext;
import dev.contacts.internal.SegmentCounts;
import dev.contacts.internal.TicketBlobs;
import dev.contacts.internal.TicketSettings;
import dev.contacts.internal.WriteObservingStore;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ContactStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the SDK.
 *
 * <pre>{@code
 * Contacts contacts = Contacts.builder().store(new InMemoryStore()).build();
 * contacts.createProperty(Property.of("acme-support", "ACME support", ZoneId.of("Europe/Paris")));
 * PropertyContacts acme = contacts.property("acme-support");
 * acme.contacts().create(AttributeChanges.builder().set("name", "Ada").set("emails", List.of("ada@example.com")).build());
 * }</pre>
 *
 * <p><b>Threads.</b> A {@code Contacts} and every service it hands out
 * ({@link PropertyContacts} and its {@code contacts()}, {@code tickets()}, …) are
 * thread-safe and meant to be shared: build one per store at start-up and use it from every
 * thread. Services keep no state between calls besides caches that are safe to share (the
 * attribute catalog, segment counts). Each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}): one transaction on the SQL stores —
 * the host's own when the store is bound to it — holding a connection only while the call
 * runs.
 *
 * <p><b>Lifecycle.</b> {@link #close()} ends the SDK: later calls throw
 * {@link ContactsClosedException}. It releases what the SDK opened itself and never what
 * the host passed in (the store, the mailer, the blob store stay open: close them after).
 */
public final class Contacts implements AutoCloseable {
    /** How old an attachment blob without its message must be before {@link #recover()} deletes it. */
    public static final Duration RECOVERY_GRACE = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(Contacts.class);

    private final ContactStore store;
    private final SegmentCounts segmentCounts;
    private final Clock clock;
    private final HostServices hosts;
    private final EmailDispatcher emailDispatcher;
    private final DeletionPolicy deletion;
    private final OperationListener operations;
    private final CatalogCache catalogs = new CatalogCache();
    private volatile boolean closed;

    private Contacts(Builder b) {
        this.clock = b.clock;
        this.segmentCounts = new SegmentCounts(b.segmentCountTtl, clock);
        // every service writes through this wrapper, so no write can forget to drop the cached counts
        if (b.store == null) {
            throw new NotConfiguredException("the SDK needs a store: call Contacts.builder().store(...)");
        }
        this.store = WriteObservingStore.wrap(b.store, segmentCounts, this::requireOpen);
        this.hosts = new HostServices(b.directory, b.telephony, b.mailer, b.resolveBlobStore(),
                new TicketSettings(b.maxFileBytes, b.maxEmailBytes, b.emailRetry, b.messageIdDomain));
        this.emailDispatcher = new EmailDispatcher(store, clock, hosts);
        this.deletion = b.deletion;
        this.operations = b.operations;
    }

    private void requireOpen() {
        if (closed) {
            throw new ContactsClosedException("this Contacts was closed; build a new one with Contacts.builder()");
        }
    }

    /**
     * Closes the SDK: every later call of it or of its services throws
     * {@link ContactsClosedException}; calls already running finish. The store, mailer, blob
     * store and other objects the host gave the builder stay open (the host closes them).
     * Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        segmentCounts.changedEverywhere();
        catalogs.clear();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param property the new property
     * @return it
     * @throws ConflictException if its id exists
     */
    public Property createProperty(Property property) {
        store.properties().create(property);
        return property;
    }

    /**
     * Creates a property unless one with its id exists; safe when several processes create
     * the same property at once (the one that loses the race reads the winner's).
     *
     * @param property the property to create when its id is free
     * @return the stored property: the one given if it was created, else the existing one
     *         (whose name and zone may differ from those given)
     * @throws StoreException if the store fails, or the id is reported taken yet cannot be read
     */
    public Property createPropertyIfAbsent(Property property) {
        Objects.requireNonNull(property, "property");
        Optional<Property> existing = store.properties().get(property.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            store.properties().create(property);
            return property;
        } catch (ConflictException lostRace) {
            // created concurrently between the read and the write: the stored one wins
            return store.properties().get(property.id()).orElseThrow(() -> new StoreException("properties.create",
                    "property " + property.id() + " was reported to exist but cannot be read: " + lostRace.getMessage()));
        }
    }

    /**
     * @param id a property id
     * @return the services of that property
     * @throws NotFoundException if the property does not exist
     */
    public PropertyContacts property(PropertyId id) {
        Property p = store.properties().get(id)
                .orElseThrow(() -> new NotFoundException("property " + id + " does not exist; create it with createProperty"));
        return new PropertyContacts(new PropertyContext(p, store, clock, hosts, deletion, catalogs, operations), segmentCounts);
    }

    /**
     * @param id a property id text
     * @return the services of that property
     * @throws NotFoundException if the property does not exist
     */
    public PropertyContacts property(String id) {
        return property(PropertyId.of(id));
    }

    /** @return every property */
    public List<Property> properties() {
        return store.properties().list();
    }

    /**
     * Deletes a property and everything in it.
     *
     * @param id the id
     * @return whether it existed
     */
    public boolean deleteProperty(PropertyId id) {
        boolean existed = store.properties().delete(id);
        try {
            TicketBlobs.deleteKeys(hosts.blobs(), hosts.blobs().list(TicketBlobs.prefix(id))); // its attachments
        } catch (RuntimeException e) {
            LOG.warn("could not list the attachments of deleted property {}; recover() will delete them", id, e);
        }
        return existed;
    }

    /**
     * The dispatcher of ticket emails; the host runs it (the SDK starts no thread).
     *
     * @return the dispatcher, sending through the mailer given to {@link Builder#mailer}
     */
    public EmailDispatcher emailDispatcher() {
        return emailDispatcher;
    }

    /**
     * Completes or undoes the multi-step work a crash may have interrupted; run it at start-up
     * (it is safe at any time, and concurrently with other calls).
     * <ul>
     *   <li>Store writes: on the in-memory and JPA stores every write is atomic (one lock, one
     *       transaction), so there is nothing to complete. The MongoDB store writes a ticket and
     *       the contact's statistics (or a contact's message and its {@code lastSeen}, or an
     *       activity event and the statistics it feeds) as idempotent steps and completes the
     *       interrupted ones here.</li>
     *   <li>Merges: a merge of two contacts writes both contacts in one store step, then
     *       points the removed contact's tickets, notes and activity at the kept one; merges
     *       interrupted in between are finished here.</li>
     *   <li>Attachments: their bytes go to the blob store before the message is stored; blobs
     *       whose message does not exist (never stored, deleted, or of a deleted property) and
     *       that are older than {@link #RECOVERY_GRACE} (by the clock) are deleted. Younger ones
     *       may belong to a creation still in progress and are kept.</li>
     *   <li>Emails need nothing here: a send interrupted by a crash is retried by the
     *       {@link #emailDispatcher()} once its claim expires, with the same Message-ID.</li>
     * </ul>
     *
     * @return what was completed or deleted
     */
    public Recovery recover() {
        long completed = 0;
        for (Property p : store.properties().list()) {
            completed += store.tickets().recover(p.id());
            completed += store.activity().recover(p.id());
            completed += ContactHistory.completeMerges(store, p.id());
        }
        long deleted = TicketBlobs.sweep(hosts.blobs(), store.tickets(), clock.instant().minus(RECOVERY_GRACE));
        return new Recovery(completed, deleted);
    }

    /**
     * @return the store as the SDK uses it: the host's store, wrapped so that writes through it drop the cached
     *         segment counts of their property
     */
    public ContactStore store() {
        return store;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** Configures {@link Contacts}. */
    public static final class Builder {
        private ContactStore store;
        private Clock clock = Clock.systemUTC();
        private Directory directory = Directory.ACCEPT_ALL;
        private Telephony telephony;
        private Mailer mailer;
        private BlobStore blobStore;
        private boolean inMemoryBlobs;
        private long maxFileBytes = TicketSettings.DEFAULT_MAX_FILE_BYTES;
        private long maxEmailBytes = TicketSettings.DEFAULT_MAX_EMAIL_BYTES;
        private EmailRetryPolicy emailRetry = EmailRetryPolicy.DEFAULT;
        private String messageIdDomain = TicketSettings.DEFAULT_DOMAIN;
        private Duration segmentCountTtl = SegmentCounts.DEFAULT_TTL;
        private DeletionPolicy deletion = DeletionPolicy.CASCADE;
        private OperationListener operations = OperationListener.NONE;

        private Builder() {
        }

        /**
         * @param store the store (required)
         * @return this builder
         */
        public Builder store(ContactStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param clock the clock of {@code now} (default: system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param directory the host's agents and departments (default: accepts every id)
         * @return this builder
         */
        public Builder directory(Directory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param telephony the host's telephony provider (default: none; calls are refused)
         * @return this builder
         */
        public Builder telephony(Telephony telephony) {
            this.telephony = Objects.requireNonNull(telephony, "telephony");
            return this;
        }

        /**
         * @param mailer the host's email transport for ticket emails (default: none; emails wait in the outbox and
         *               {@link EmailDispatcher#runOnce()} is refused)
         * @return this builder
         */
        public Builder mailer(Mailer mailer) {
            this.mailer = Objects.requireNonNull(mailer, "mailer");
            return this;
        }

        /**
         * Where the bytes of ticket attachments live. Without this call they go to the blob store
         * the store offers ({@link ContactStore#blobStore()}): a table of the SDK's schema with the
         * JPA store, GridFS with the MongoDB store, memory with the in-memory store; a store that
         * offers none makes {@link #build()} refuse, unless {@link #inMemoryBlobStore()} was called.
         *
         * @param blobStore where attachment bytes live (S3, a file system, …); it replaces the store's own
         * @return this builder
         */
        public Builder blobStore(BlobStore blobStore) {
            this.blobStore = Objects.requireNonNull(blobStore, "blobStore");
            this.inMemoryBlobs = false;
            return this;
        }

        /**
         * Keeps the bytes of ticket attachments in the memory of this JVM, where they are lost when
         * it stops, instead of in the blob store the store offers: for tests and demos. When the
         * store keeps its data elsewhere (a database), {@link #build()} logs a warning, since its
         * tickets will outlive their attachments.
         *
         * @return this builder
         */
        public Builder inMemoryBlobStore() {
            this.blobStore = null;
            this.inMemoryBlobs = true;
            return this;
        }

        /**
         * @param maxFileBytes  most bytes of one attachment (default 10 MiB)
         * @param maxEmailBytes most bytes of all attachments of one email — a new ticket's first message or one
         *                      reply (default 25 MiB); at least {@code maxFileBytes}
         * @return this builder
         * @throws InvalidValueException if a limit is not positive or the email limit is below the file limit
         */
        public Builder attachmentLimits(long maxFileBytes, long maxEmailBytes) {
            new TicketSettings(maxFileBytes, maxEmailBytes, emailRetry, messageIdDomain); // validates now, where the mistake is
            this.maxFileBytes = maxFileBytes;
            this.maxEmailBytes = maxEmailBytes;
            return this;
        }

        /**
         * @param policy how failed ticket emails are retried (default {@link EmailRetryPolicy#DEFAULT})
         * @return this builder
         */
        public Builder emailRetry(EmailRetryPolicy policy) {
            this.emailRetry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param domain the right-hand side of the Message-IDs of ticket emails, e.g. {@code help.example.com}
         *               (default {@code contacts.invalid}; give your own so replies are threaded reliably)
         * @return this builder
         * @throws InvalidValueException if it is not a domain name
         */
        public Builder messageIdDomain(String domain) {
            new TicketSettings(maxFileBytes, maxEmailBytes, emailRetry, domain); // validates now, where the mistake is
            this.messageIdDomain = domain;
            return this;
        }

        /**
         * How long the counts shown in segment lists ({@link SegmentService#list}) are reused. Any
         * write to a property through this SDK drops its counts at once; the TTL bounds how long
         * writes by other processes on a shared database, and the passing of time under relative
         * date filters, can go unseen. {@link SegmentService#count} is always exact.
         *
         * @param ttl 0 (no caching) to 1 day; default 60 seconds
         * @return this builder
         * @throws InvalidValueException if it is negative or longer than a day
         */
        public Builder segmentCountTtl(Duration ttl) {
            this.segmentCountTtl = SegmentCounts.checkTtl(ttl);
            return this;
        }

        /**
         * @param policy what deleting a contact does to its history (default {@link DeletionPolicy#CASCADE})
         * @return this builder
         */
        public Builder deletionPolicy(DeletionPolicy policy) {
            this.deletion = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param listener told when a contact search, count or upsert ends, with its duration and failure, to
         *                 time them (default {@link OperationListener#NONE})
         * @return this builder
         */
        public Builder operationListener(OperationListener listener) {
            this.operations = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @return the configured SDK
         * @throws NotConfiguredException if no store was given, or if no blob store was given and the store offers
         *                                none (the message says how to give one)
         */
        public Contacts build() {
            if (store == null) {
                throw new NotConfiguredException("the SDK needs a store: call Contacts.builder().store(...)");
            }
            return new Contacts(this);
        }

        /** The host's blob store, else the store's, else memory when the host opted in; see {@link #blobStore}. */
        private BlobStore resolveBlobStore() {
            if (blobStore != null) {
                return blobStore;
            }
            Optional<BlobStore> storesOwn = store.blobStore();
            if (inMemoryBlobs) {
                if (storesOwn.isPresent() && storesOwn.get() instanceof InMemoryBlobStore) {
                    return storesOwn.get(); // an in-memory store: its attachments live as long as its data
                }
                LOG.warn("ticket attachments are kept in the memory of this JVM (Contacts.builder().inMemoryBlobStore()) while "
                        + "the store {} keeps its data elsewhere: after a restart its tickets will miss their attachments; {}", store,
                        storesOwn.isPresent() ? "remove that call to keep them in the store's own blob store, or give one with "
                                + ".blobStore(...)" : "give a durable one with .blobStore(...)");
                return new InMemoryBlobStore();
            }
            return storesOwn.orElseThrow(() -> new NotConfiguredException("the store " + store + " offers no blob store for "
                    + "ticket attachments: give one with Contacts.builder().blobStore(dev.contacts.host.BlobStore), or call "
                    + ".inMemoryBlobStore() to keep them in memory (tests and demos only: they are lost when the JVM stops)"));
        }
    }
}

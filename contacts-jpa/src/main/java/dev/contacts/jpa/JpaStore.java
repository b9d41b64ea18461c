package dev.contacts.jpa;

import dev.contacts.StoreException;
import dev.contacts.host.BlobStore;
import dev.contacts.spi.ActivityRepository;
import dev.contacts.spi.AttributeDefinitionRepository;
import dev.contacts.spi.ContactRepository;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.ListViewRepository;
import dev.contacts.spi.NoteRepository;
import dev.contacts.spi.SegmentRepository;
import dev.contacts.spi.TimelineRepository;
import dev.contacts.spi.OrganizationRepository;
import dev.contacts.spi.PropertyRepository;
import dev.contacts.spi.StoreCapability;
import dev.contacts.spi.TicketRepository;
import dev.contacts.spi.WorkMode;
import dev.contacts.model.PropertyId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.cfg.Environment;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on Jakarta Persistence with Hibernate, for H2, PostgreSQL and MariaDB.
 *
 * <pre>{@code
 * ContactStore store = JpaStore.create("jdbc:postgresql://db/helpdesk", "app", secret);   // its own EntityManagerFactory
 * ContactStore store = JpaStore.create(hostEntityManagerFactory);                          // yours, listing JpaStore.entityClasses()
 * Contacts contacts = Contacts.builder().store(store).build();
 * }</pre>
 *
 * <p>The schema is a set of versioned SQL files per dialect on the class path
 * ({@code db/h2}, {@code db/postgresql}, {@code db/mariadb}); {@link SchemaMode#CREATE} applies
 * the missing ones, {@link SchemaMode#VALIDATE} checks the database against the mapped
 * {@linkplain #entityClasses() entity classes} and the files' keys, indexes, collations and
 * recorded versions; a host running Hibernate's hbm2ddl keeps it off the store's tables with
 * {@link ContactsSchemaFilterProvider}. Every key and index
 * starts with {@code property_id}; text is compared through folds computed in Java; each
 * SDK call runs in one transaction ({@link #unitOfWork}): the host's when one is open and
 * bound ({@link TransactionBinding}, {@link #join}, JTA), else its own; filters become native
 * SQL with bind parameters only, paged by keyset. See the module README for the schema and
 * the dialects. Ticket attachments are kept in the same database ({@link #blobStore()}, a
 * {@link JdbcBlobStore}), written in the same transaction as their message.
 *
 * <p>Thread-safe: one store serves every thread of the application; each call holds a
 * connection only while it runs.
 */
public final class JpaStore implements ContactStore {
    private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);
    /** Connections of the pool of a factory the store creates itself; a call waits up to 30 s for a free one. */
    private static final int POOL_SIZE = 10;

    private final EntityManagerFactory emf;
    private final boolean ownsFactory;
    /** The in-memory H2 database the store opened, shut down when it closes; null otherwise. */
    private final InMemoryH2 inMemoryH2;
    private final H2FileCompaction compaction;
    private final Dialect dialect;
    private final Transactions tx;
    private final PropertyRepository properties;
    private final AttributeDefinitionRepository attributes;
    private final ContactRepository contacts;
    private final OrganizationRepository organizations;
    private final TicketRepository tickets;
    private final NoteRepository notes;
    private final ActivityRepository activity;
    private final SegmentRepository segments;
    private final ListViewRepository listViews;
    private final JpaTimeline timeline;
    private final JdbcBlobStore blobs;

    /**
     * An in-memory H2 database the store opened itself, with what its shutdown connects with.
     *
     * @param url      its JDBC URL
     * @param user     the user, or null
     * @param password the password, or null
     */
    private record InMemoryH2(String url, String user, String password) {
        /** Never the password. */
        @Override
        public String toString() {
            return "InMemoryH2[" + redact(url) + "]";
        }
    }

    private JpaStore(EntityManagerFactory emf, boolean ownsFactory, InMemoryH2 inMemoryH2, H2FileCompaction compaction, SchemaMode schema,
            TransactionBinding binding) {
        this.emf = emf;
        this.ownsFactory = ownsFactory;
        this.inMemoryH2 = inMemoryH2;
        this.compaction = compaction;
        this.dialect = detectDialect(emf);
        this.tx = new Transactions(emf, dialect, binding);
        try {
            switch (schema) {
                case CREATE:
                    SchemaCheck.beforeCreate(emf, dialect);
                    SchemaInstaller.apply(tx, dialect);
                    break;
                case VALIDATE:
                    SchemaCheck.validate(emf, dialect);
                    break;
                default:
                    break;
            }
        } catch (RuntimeException e) {
            if (ownsFactory) {
                emf.close();
            }
            throw e instanceof StoreException ? e : new StoreException(schema.name().toLowerCase(Locale.ROOT) + " the schema", e);
        }
        this.properties = new JpaProperties(tx);
        this.attributes = new JpaAttributes(tx);
        this.contacts = new JpaContacts(tx, compaction);
        this.organizations = new JpaOrganizations(tx);
        this.tickets = new JpaTickets(tx);
        this.notes = new JpaNotes(tx);
        this.activity = new JpaActivity(tx);
        this.segments = new JpaSegments(tx);
        this.listViews = new JpaListViews(tx);
        this.timeline = new JpaTimeline(tx);
        this.blobs = new JdbcBlobStore(tx);
    }

    /**
     * A store on the host's entity manager factory, whose persistence unit lists
     * {@link #entityClasses()}; the schema is validated ({@link SchemaMode#VALIDATE}).
     *
     * @param entityManagerFactory the host's factory (resource-local transactions), left open by {@link #close()}
     * @return the store
     * @throws StoreException if the schema does not match
     */
    public static JpaStore create(EntityManagerFactory entityManagerFactory) {
        return create(entityManagerFactory, SchemaMode.VALIDATE);
    }

    /**
     * @param entityManagerFactory the host's factory (resource-local transactions), left open by {@link #close()}
     * @param schema               what to do with the schema
     * @return the store
     * @throws StoreException if the schema cannot be created or does not match
     */
    public static JpaStore create(EntityManagerFactory entityManagerFactory, SchemaMode schema) {
        return create(entityManagerFactory, schema, TransactionBinding.none());
    }

    /**
     * A store on the host's entity manager factory that takes part in the host's
     * transactions: when {@code binding} finds one open on the calling thread, SDK calls run
     * inside it (see {@link TransactionBinding}); otherwise each runs in a transaction of its
     * own. A JTA persistence unit is always joined to the active JTA transaction.
     *
     * @param entityManagerFactory the host's factory, left open by {@link #close()}
     * @param schema               what to do with the schema
     * @param binding              how to find the host's transaction (a framework integration provides it)
     * @return the store
     * @throws StoreException if the schema cannot be created or does not match
     */
    public static JpaStore create(EntityManagerFactory entityManagerFactory, SchemaMode schema, TransactionBinding binding) {
        Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(binding, "binding");
        return new JpaStore(entityManagerFactory, false, null, H2FileCompaction.none(), schema, binding);
    }

    /**
     * A store with its own entity manager factory and Hibernate's built-in connection pool,
     * applying the schema files the database lacks ({@link SchemaMode#CREATE}).
     *
     * @param jdbcUrl  a {@code jdbc:h2:}, {@code jdbc:postgresql:} or {@code jdbc:mariadb:} URL
     * @param user     the user, or null when the URL names it
     * @param password the password, or null
     * @return the store
     * @throws StoreException if the database cannot be reached or the schema cannot be created
     */
    public static JpaStore create(String jdbcUrl, String user, String password) {
        return create(jdbcUrl, user, password, SchemaMode.CREATE);
    }

    /**
     * A store with its own entity manager factory and Hibernate's built-in connection pool.
     * The factory lists the {@linkplain #entityClasses() entity classes} only for
     * {@link SchemaMode#VALIDATE}, whose check is Hibernate's: the store itself reads and
     * writes with SQL, and building the entities' metamodel is most of Hibernate's start-up.
     *
     * @param jdbcUrl  a {@code jdbc:h2:}, {@code jdbc:postgresql:} or {@code jdbc:mariadb:} URL
     * @param user     the user, or null when the URL names it
     * @param password the password, or null
     * @param schema   what to do with the schema
     * @return the store
     * @throws StoreException if the database cannot be reached, or the schema cannot be created or does not match
     */
    public static JpaStore create(String jdbcUrl, String user, String password, SchemaMode schema) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(schema, "schema");
        Dialect dialect = Dialect.ofJdbcUrl(jdbcUrl);
        String url = withDriverSettings(dialect, jdbcUrl);
        HibernatePersistenceConfiguration cfg = new HibernatePersistenceConfiguration("contacts")
                .jdbcUrl(url)
                .jdbcPoolSize(POOL_SIZE)
                .property("hibernate.connection.provider_class", "org.hibernate.hikaricp.internal.HikariCPConnectionProvider")
                .property("hibernate.hikari.maximumPoolSize", Integer.toString(POOL_SIZE))
                .property("hibernate.hikari.minimumIdle", "1")
                .property("hibernate.hikari.connectionTimeout", "30000")
                .jdbcTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED)
                .property("hibernate.jdbc.time_zone", "UTC");
        if (dialect == Dialect.MARIADB) {
            cfg.property("hibernate.type.preferred_uuid_jdbc_type", "BINARY"); // ids are BINARY(16) there
        }
        // Start-up: the store reads and writes with native SQL only, so it needs neither the proxies nor
        // the instantiators Byte Buddy generates for the entities (OwnFactoryServices), nor a JSON or XML
        // mapper, which Hibernate otherwise looks for on the class path and builds.
        cfg.property(OwnFactoryServices.OWN_FACTORY, true);
        if (schema == SchemaMode.VALIDATE) {
            // only Hibernate's validation reads the entities; building their metamodel is most of
            // Hibernate's bootstrap (a CLI command starts about 0.4 s sooner without it)
            cfg.managedClasses(entityClasses());
        }
        unlessSetGlobally(cfg, "hibernate.type.json_format_mapper", NoFormatMapper.INSTANCE);
        unlessSetGlobally(cfg, "hibernate.type.xml_format_mapper", NoFormatMapper.INSTANCE);
        if (user != null) {
            cfg.jdbcUsername(user);
        }
        if (password != null) {
            cfg.jdbcPassword(password);
        }
        EntityManagerFactory emf;
        try {
            emf = cfg.createEntityManagerFactory();
        } catch (RuntimeException e) {
            throw new StoreException("open " + redact(jdbcUrl), e);
        }
        InMemoryH2 inMemory = dialect == Dialect.H2 && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")
                ? new InMemoryH2(url, user, password) : null;
        H2FileCompaction compaction = dialect == Dialect.H2 && H2FileCompaction.isOwnFile(url)
                ? new H2FileCompaction(url, user, password) : H2FileCompaction.none();
        return new JpaStore(emf, true, inMemory, compaction, schema, TransactionBinding.none());
    }

    /** Sets a default that a hibernate.properties file or a system property of the same name overrides. */
    private static void unlessSetGlobally(HibernatePersistenceConfiguration cfg, String setting, Object value) {
        if (!Environment.getProperties().containsKey(setting)) {
            cfg.property(setting, value);
        }
    }

    /** Batched inserts become multi-row inserts; H2 waits for row locks long enough for concurrent writers. */
    private static String withDriverSettings(Dialect dialect, String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        switch (dialect) {
            case POSTGRESQL:
                return lower.contains("rewritebatchedinserts") ? url : url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            case MARIADB:
                return lower.contains("rewritebatchedstatements") ? url : url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
            default:
                return lower.contains("lock_timeout") ? url : url + ";LOCK_TIMEOUT=10000";
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * Changes where and how far this store's filters with an {@code or} over other tables
     * look for their page in a bounded walk; the filter TCK's JPA run shortens the walk and
     * runs it on every database, so that both of its outcomes meet the reference answer.
     */
    void boundedWalks(BoundedWalks walks) {
        tx.boundedWalks(walks);
    }

    /** @return the entity classes of the schema, to list in a host's persistence unit */
    public static List<Class<?>> entityClasses() {
        return Mapping.ENTITY_CLASSES;
    }

    private static Dialect detectDialect(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.unwrap(Session.class).doReturningWork(c -> Dialect.ofProductName(c.getMetaData().getDatabaseProductName()));
        } finally {
            em.close();
        }
    }

    /**
     * {@inheritDoc} Here: one JDBC transaction, the host's when one is open on the calling
     * thread (under a savepoint), else the store's own, which is run again whole with
     * jittered exponential backoff when the database reports a deadlock, a serialization
     * failure or a lock timeout. Every repository call the work makes on this thread uses
     * the unit's connection: one connection per SDK call, never two.
     */
    @Override
    public <R> R unitOfWork(PropertyId property, WorkMode mode, Supplier<R> work) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(work, "work");
        return tx.unit(mode == WorkMode.READ ? "read property " + property : "write property " + property, work);
    }

    /**
     * {@inheritDoc} Here: after the commit or rollback of the store's own transaction, or,
     * in the host's transaction, from a synchronization on it (Hibernate's
     * {@code Transaction.registerSynchronization}), so after the host's outcome.
     */
    @Override
    public void whenUnitOfWorkEnds(Runnable action) {
        Objects.requireNonNull(action, "action");
        tx.whenUnitEnds(action);
    }

    /**
     * Makes the SDK calls of the calling thread run inside the host's open transaction of
     * {@code entityManager} until the returned scope is closed: the SDK's writes then commit
     * or roll back with the host's own. For plain JPA code; frameworks implement
     * {@link TransactionBinding} instead.
     *
     * <pre>{@code
     * em.getTransaction().begin();
     * try (JpaStore.Joined joined = store.join(em)) {
     *     em.persist(order);                                         // the host's write
     *     acme.contacts().upsertByEmail("ada@example.com", changes); // the SDK's, same transaction
     * }
     * em.getTransaction().rollback();                                // neither remains
     * }</pre>
     *
     * @param entityManager an entity manager of the store's factory whose transaction is active
     * @return the scope; close it on the same thread
     * @throws IllegalStateException if its transaction is not active
     */
    public Joined join(EntityManager entityManager) {
        Objects.requireNonNull(entityManager, "entityManager");
        if (!entityManager.isJoinedToTransaction() && !activeResourceLocal(entityManager)) {
            throw new IllegalStateException("the entity manager has no active transaction: begin it before JpaStore.join");
        }
        return tx.join(entityManager);
    }

    private static boolean activeResourceLocal(EntityManager em) {
        try {
            return em.getTransaction().isActive();
        } catch (IllegalStateException e) {
            return false; // a JTA entity manager: isJoinedToTransaction said it is not joined
        }
    }

    /** The scope of {@link #join}: closing it ends the SDK's use of the host's transaction on this thread. */
    @FunctionalInterface
    public interface Joined extends AutoCloseable {
        /** Ends the scope (never commits or rolls back: that is the host's). */
        @Override
        void close();
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

    /** @return tickets, their messages and the outbox of their emails */
    @Override
    public TicketRepository tickets() {
        return tickets;
    }

    /** @return notes on contacts and organizations */
    @Override
    public NoteRepository notes() {
        return notes;
    }

    /** @return web sessions and live chats, with the contact statistics they feed */
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

    /** {@inheritDoc} The page's keys in one statement, then the bodies kept, one statement per kind on the page. */
    @Override
    public Optional<TimelineRepository> timeline() {
        return Optional.of(timeline);
    }

    /**
     * @return a {@link JdbcBlobStore} on the table {@code attachment_blob} of this store's database, which
     *         {@code Contacts.builder().build()} uses for ticket attachments unless the host gives another
     */
    @Override
    public Optional<BlobStore> blobStore() {
        return Optional.of(blobs);
    }

    /**
     * Refreshes the database's planner statistics of the store's tables ({@code ANALYZE} on
     * PostgreSQL and H2, {@code ANALYZE TABLE} on MariaDB). The databases keep statistics
     * current by themselves (PostgreSQL's autovacuum, InnoDB's automatic recalculation), but
     * only some time after a table changed much; a host that queries right after a large
     * import calls this in between, or its first queries may be planned as if the tables
     * were empty (nested loops over whole tables instead of index seeks).
     */
    public void updateStatistics() {
        tx.analyze(Mapping.tables());
    }

    /** @return {@link StoreCapability#UTF16_TEXT_ORDER} on H2, which compares text by UTF-16 unit; nothing on PostgreSQL and MariaDB */
    @Override
    public Set<StoreCapability> capabilities() {
        return dialect == Dialect.H2 ? Set.of(StoreCapability.UTF16_TEXT_ORDER) : Set.of();
    }

    /**
     * Closes the entity manager factory the store created itself (an in-memory H2 database it
     * opened is dropped with it; an H2 file it opened is compacted first when 10,000 contacts
     * or more were written in bulk since it opened); a host's factory stays open. Every later
     * call of the store fails with a {@link StoreException} saying it is closed.
     */
    @Override
    public void close() {
        tx.close();
        if (!ownsFactory || !emf.isOpen()) {
            return;
        }
        emf.close();
        compaction.closed();
        if (inMemoryH2 != null) {
            // the pool's connections are closed; the database (kept by DB_CLOSE_DELAY=-1) goes with a last one
            try (Connection c = java.sql.DriverManager.getConnection(inMemoryH2.url(), inMemoryH2.user(), inMemoryH2.password());
                 Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (java.sql.SQLException e) {
                LOG.debug("in-memory H2 database already closed: {}", e.toString());
            }
        }
    }
}

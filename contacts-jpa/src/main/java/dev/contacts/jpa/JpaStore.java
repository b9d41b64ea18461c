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
import dev.contacts.spi.OrganizationRepository;
import dev.contacts.spi.PropertyRepository;
import dev.contacts.spi.StoreCapability;
import dev.contacts.spi.TicketRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
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
 * the missing ones, {@link SchemaMode#VALIDATE} has Hibernate check the mapped
 * {@linkplain #entityClasses() entity classes} against the database. Every key and index
 * starts with {@code property_id}; text is compared through folds computed in Java; each
 * repository call runs in one transaction of its own; filters become native SQL with bind
 * parameters only, paged by keyset. Ticket attachments are kept in the same database
 * ({@link #blobStore()}, a {@link JdbcBlobStore}). See the module README for the schema and
 * the dialects.
 */
public final class JpaStore implements ContactStore {
    private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);

    private final EntityManagerFactory emf;
    private final boolean ownsFactory;
    private final boolean inMemoryH2;
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
    private final JdbcBlobStore blobs;

    private JpaStore(EntityManagerFactory emf, boolean ownsFactory, boolean inMemoryH2, SchemaMode schema) {
        this.emf = emf;
        this.ownsFactory = ownsFactory;
        this.inMemoryH2 = inMemoryH2;
        this.dialect = detectDialect(emf);
        this.tx = new Transactions(emf, dialect);
        try {
            switch (schema) {
                case CREATE:
                    SchemaInstaller.apply(tx, dialect);
                    break;
                case VALIDATE:
                    validate(emf);
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
        this.contacts = new JpaContacts(tx);
        this.organizations = new JpaOrganizations(tx);
        this.tickets = new JpaTickets(tx);
        this.notes = new JpaNotes(tx);
        this.activity = new JpaActivity(tx);
        this.segments = new JpaSegments(tx);
        this.listViews = new JpaListViews(tx);
        this.blobs = new JdbcBlobStore(tx);
    }

    /**
     * A store on the host's entity manager factory, whose persistence unit lists
     * {@link #entityClasses()}; the schema is validated against them.
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
        Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
        Objects.requireNonNull(schema, "schema");
        return new JpaStore(entityManagerFactory, false, false, schema);
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
                .managedClasses(entityClasses())
                .jdbcUrl(url)
                .jdbcPoolSize(10)
                .jdbcTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED)
                .property("hibernate.jdbc.time_zone", "UTC");
        if (dialect == Dialect.MARIADB) {
            cfg.property("hibernate.type.preferred_uuid_jdbc_type", "BINARY"); // ids are BINARY(16) there
        }
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
        return new JpaStore(emf, true, dialect == Dialect.H2 && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:"), schema);
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

    /** @return the entity classes of the schema, to list in a host's persistence unit */
    public static List<Class<?>> entityClasses() {
        return Mapping.ENTITY_CLASSES;
    }

    private static void validate(EntityManagerFactory emf) {
        try {
            emf.getSchemaManager().validate();
        } catch (jakarta.persistence.SchemaValidationException e) {
            throw new StoreException("validate the schema", e.getMessage() + " (apply the files under db/ of contacts-jpa, or use SchemaMode.CREATE)");
        }
    }

    private static Dialect detectDialect(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.unwrap(Session.class).doReturningWork(c -> Dialect.ofProductName(c.getMetaData().getDatabaseProductName()));
        } finally {
            em.close();
        }
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
     * opened is dropped with it); a host's factory stays open.
     */
    @Override
    public void close() {
        if (!ownsFactory || !emf.isOpen()) {
            return;
        }
        if (inMemoryH2) {
            EntityManager em = emf.createEntityManager();
            try {
                em.unwrap(Session.class).doWork(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN");
                    }
                });
            } catch (RuntimeException e) {
                LOG.debug("in-memory H2 database already closed: {}", e.toString());
            } finally {
                em.close();
            }
        }
        emf.close();
    }
}

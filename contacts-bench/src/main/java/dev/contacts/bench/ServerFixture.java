package dev.contacts.bench;

import dev.contacts.Contacts;
import dev.contacts.jpa.JpaStore;
import dev.contacts.jpa.SchemaMode;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ContactStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The JPA store on a database server (PostgreSQL, MariaDB), in a schema of its own per
 * workload ({@code contacts_bench_<size>_<seed>}) that stays between runs: the data is loaded
 * once (through the store's batched inserts), analysed, and reused by every later fork and
 * run. Imports and ingestion write into a schema of this JVM's own
 * ({@code contacts_bench_scratch_<pid>}), dropped in one statement when the fixture closes,
 * because deleting a property of 100,000 contacts between iterations would take longer than
 * importing it. The server, user and password come from the environment (see the subclasses).
 */
abstract class ServerFixture extends Fixture {
    private final SqlDialect dialect;
    private final String base;
    private final String url;
    private final String scratchSchema;
    private final String scratchUrl;
    private final String user;
    private final String password;
    private JpaStore store;
    private JpaStore scratchStore;
    private Contacts scratch;

    /**
     * @param dialect   the baseline's SQL dialect
     * @param base      the server's JDBC URL (its database or schema is replaced by the fixture's own)
     * @param user      the user
     * @param password  the password ("" for none)
     * @param variables the environment variables that set them, for the error message
     */
    ServerFixture(Workload workload, boolean verifying, SqlDialect dialect, String base, String user, String password, String variables) {
        super(workload, verifying);
        this.dialect = dialect;
        this.base = base;
        this.user = user;
        this.password = password;
        String schema = "contacts_bench_" + workload.size() + "_" + workload.seed();
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(name() + " at " + base + " is not reachable as " + user + " (set " + variables + "): "
                    + e.getMessage(), e);
        }
        this.url = schemaUrl(base, schema);
        this.scratchSchema = "contacts_bench_scratch_" + ProcessHandle.current().pid();
        this.scratchUrl = schemaUrl(base, scratchSchema);
    }

    /**
     * @param base   the server's URL
     * @param schema a schema (PostgreSQL) or database (MariaDB) name
     * @return the URL whose connections work in it
     */
    protected abstract String schemaUrl(String base, String schema);

    /**
     * @param schema a schema of the fixture's own
     * @return the statement dropping it with everything in it
     */
    protected abstract String dropSchema(String schema);

    /**
     * @param name an environment variable
     * @param fallback its value when unset or blank
     * @return its value
     */
    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** Imports and ingestion write into a schema of this JVM's own, dropped (in one statement) when it closes. */
    @Override
    public synchronized Contacts scratch() {
        if (scratch == null) {
            execute("CREATE SCHEMA IF NOT EXISTS " + scratchSchema);
            scratchStore = JpaStore.create(scratchUrl, user, password, SchemaMode.CREATE);
            scratch = Contacts.builder().store(scratchStore).clock(Clock.fixed(workload.now(), ZoneOffset.UTC)).build();
        }
        return scratch;
    }

    @Override
    public void discard(PropertyId property) {
        // dropped with the scratch schema
    }

    @Override
    public synchronized void close() {
        super.close();
        if (scratchStore != null) {
            scratchStore.close();
            execute(dropSchema(scratchSchema));
            scratchStore = null;
            scratch = null;
        }
    }

    @Override
    protected synchronized ContactStore store() {
        if (store == null) {
            store = JpaStore.create(url, user, password, SchemaMode.CREATE);
        }
        return store;
    }

    @Override
    protected void afterLoad() {
        ((JpaStore) store()).updateStatistics();
    }

    @Override
    protected Side baseline() {
        store(); // the schema exists before the baseline's first query
        return new SqlBaseline(workload, this, dialect, url, scratchUrl, user, password);
    }
}

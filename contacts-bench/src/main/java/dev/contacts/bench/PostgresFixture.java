package dev.contacts.bench;

import dev.contacts.Contacts;
import dev.contacts.jpa.JpaStore;
import dev.contacts.model.PropertyId;
import java.time.Clock;
import java.time.ZoneOffset;
import dev.contacts.jpa.SchemaMode;
import dev.contacts.spi.ContactStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The JPA store on PostgreSQL, in a schema of its own per workload
 * ({@code contacts_bench_<size>_<seed>}) that stays between runs: the data is loaded once
 * (through the store's batched inserts), analysed, and reused by every later fork and run.
 * The server is {@code CONTACTS_PG_URL} (default {@value #DEFAULT_URL}) as
 * {@code CONTACTS_PG_USER} (default postgres) with {@code CONTACTS_PG_PASSWORD}.
 */
final class PostgresFixture extends Fixture {
    /** The machine's PostgreSQL. */
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String base;
    private final String url;
    private final String scratchSchema;
    private final String scratchUrl;
    private final String user;
    private final String password;
    private JpaStore store;
    private JpaStore scratchStore;
    private Contacts scratch;

    PostgresFixture(Workload workload, boolean verifying) {
        super(workload, verifying);
        this.base = env("CONTACTS_PG_URL", DEFAULT_URL);
        this.user = env("CONTACTS_PG_USER", "postgres");
        this.password = env("CONTACTS_PG_PASSWORD", "");
        String schema = "contacts_bench_" + workload.size() + "_" + workload.seed();
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + base + " is not reachable as " + user + " (set CONTACTS_PG_URL, "
                    + "CONTACTS_PG_USER, CONTACTS_PG_PASSWORD): " + e.getMessage(), e);
        }
        this.url = schemaUrl(schema);
        this.scratchSchema = "contacts_bench_scratch_" + ProcessHandle.current().pid();
        this.scratchUrl = schemaUrl(scratchSchema);
    }

    private String schemaUrl(String schema) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true";
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
            execute("DROP SCHEMA " + scratchSchema + " CASCADE");
            scratchStore = null;
            scratch = null;
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    protected synchronized ContactStore store() {
        if (store == null) {
            store = JpaStore.create(url, user, password, SchemaMode.CREATE);
        }
        return store;
    }

    private long nextAnalyze = Workload.LOAD_BATCH;

    @Override
    protected void duringLoad(int loaded) {
        if (loaded >= nextAnalyze) {
            // as autovacuum would, sooner: without statistics PostgreSQL may check the next batches' foreign keys
            // through any index that starts with property_id, scanning the whole property each time
            ((JpaStore) store()).updateStatistics();
            nextAnalyze *= 4;
        }
    }

    @Override
    protected void afterLoad() {
        ((JpaStore) store()).updateStatistics();
    }

    @Override
    protected Side baseline() {
        return new SqlBaseline(workload, this, SqlDialect.POSTGRESQL, url, scratchUrl, user, password);
    }

    @Override
    public String name() {
        return "postgresql";
    }
}

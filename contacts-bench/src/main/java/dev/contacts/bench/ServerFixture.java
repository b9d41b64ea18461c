package dev.contacts.bench;

import dev.contacts.Contacts;
import dev.contacts.jpa.JpaStore;
import dev.contacts.jpa.SchemaMode;
import dev.contacts.model.PropertyId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.BinaryOperator;

/**
 * The JPA store on a database server (PostgreSQL, MariaDB), in a schema of its own per
 * workload ({@code contacts_bench_<size>_<seed>}) that stays between runs: the data is loaded
 * once (through the store's batched inserts), analysed, and reused by every later fork and
 * run. Imports and ingestion write into a schema of this JVM's own
 * ({@code contacts_bench_scratch_<pid>}), dropped in one statement when the fixture closes,
 * because deleting a property of 100,000 contacts between iterations would take longer than
 * importing it. The server, user and password come from the environment (see the subclasses).
 */
abstract class ServerFixture extends JpaFixture {
    private final String base;
    private final String scratchSchema;
    private final String scratchUrl;
    private final String user;
    private final String password;
    private JpaStore scratchStore;
    private Contacts scratch;

    /**
     * @param dialect   the baseline's SQL dialect
     * @param base      the server's JDBC URL (its database or schema is replaced by the fixture's own)
     * @param user      the user
     * @param password  the password ("" for none)
     * @param variables the environment variables that set them, for the error message
     * @param schemaUrl the URL whose connections work in a schema (PostgreSQL) or database (MariaDB), from the base URL and its name
     */
    ServerFixture(Workload workload, boolean verifying, SqlDialect dialect, String base, String user, String password, String variables,
            BinaryOperator<String> schemaUrl) {
        super(workload, verifying, dialect, schemaUrl.apply(base, mainSchema(workload)), schemaUrl.apply(base, scratchSchema()), user, password);
        this.base = base;
        this.user = user;
        this.password = password;
        this.scratchSchema = scratchSchema();
        this.scratchUrl = schemaUrl.apply(base, scratchSchema);
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + mainSchema(workload));
        } catch (SQLException e) {
            throw new IllegalStateException(name() + " at " + base + " is not reachable as " + user + " (set " + variables + "): "
                    + e.getMessage(), e);
        }
    }

    /** @return the schema (MariaDB: database) of the workload's data, kept between runs */
    static String mainSchema(Workload workload) {
        return "contacts_bench_" + workload.size() + "_" + workload.seed();
    }

    private static String scratchSchema() {
        return "contacts_bench_scratch_" + ProcessHandle.current().pid();
    }

    /**
     * @param schema a schema of the fixture's own
     * @return the statement dropping it with everything in it
     */
    protected abstract String dropSchema(String schema);

    /**
     * @param name     an environment variable
     * @param fallback its value when unset or blank
     * @return its value
     */
    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /**
     * @return a new connection to the server's base URL (outside the fixture's schemas), auto-committing
     * @throws SQLException from the driver
     */
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(base, user, password);
    }

    private void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
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
}

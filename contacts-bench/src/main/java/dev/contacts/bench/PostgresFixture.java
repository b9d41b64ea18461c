package dev.contacts.bench;

import dev.contacts.jpa.JpaStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JPA store on PostgreSQL, in a schema of its own per workload (see {@link ServerFixture}).
 * The server is {@code CONTACTS_PG_URL} (default {@value #DEFAULT_URL}) as
 * {@code CONTACTS_PG_USER} (default postgres) with {@code CONTACTS_PG_PASSWORD}.
 */
final class PostgresFixture extends ServerFixture {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresFixture.class);
    /** The machine's PostgreSQL. */
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";


    PostgresFixture(Workload workload, boolean verifying) {
        super(workload, verifying, SqlDialect.POSTGRESQL, env("CONTACTS_PG_URL", DEFAULT_URL), env("CONTACTS_PG_USER", "postgres"),
                env("CONTACTS_PG_PASSWORD", ""), "CONTACTS_PG_URL, CONTACTS_PG_USER, CONTACTS_PG_PASSWORD", PostgresFixture::schemaUrl);
        prewarm();
    }

    /**
     * Reads the workload's tables and indexes into PostgreSQL's buffers when the server has the
     * {@code pg_prewarm} extension (bench/README.md says how the benchmark server is set up):
     * every fork then starts from the same cache, whatever the scenario before it read or
     * wrote. The largest relations are read first, so that where the buffers are smaller than
     * the schema it is the smaller ones (the indexes a page walks) that stay.
     */
    private void prewarm() {
        String schema = mainSchema(workload);
        try (Connection c = connect();
             PreparedStatement has = c.prepareStatement("SELECT 1 FROM pg_extension WHERE extname = 'pg_prewarm'");
             ResultSet r = has.executeQuery()) {
            if (!r.next()) {
                LOG.info("postgresql: no pg_prewarm extension; each fork starts from whatever the server has cached");
                return;
            }
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(pg_prewarm(oid)), 0) FROM (SELECT c.oid FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'i', 't')"
                    + " ORDER BY pg_relation_size(c.oid) DESC) o")) {
                ps.setString(1, schema);
                try (ResultSet blocks = ps.executeQuery()) {
                    blocks.next();
                    LOG.info("postgresql: prewarmed {} blocks of {} in {} ms", blocks.getLong(1), schema, (System.nanoTime() - start) / 1_000_000);
                }
            }
        } catch (SQLException e) {
            LOG.warn("postgresql: could not prewarm {} ({}); measuring on whatever the server has cached", schema, e.getMessage());
        }
    }

    /**
     * The connections of both sides, store and baseline: in the workload's schema, and with
     * the session settings docs/scaling-out.md advises for the SDK's role ({@link #SESSION}).
     */
    private static String schemaUrl(String base, String schema) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true&options=" + SESSION;
    }

    /**
     * {@code jit = off} and {@code max_parallel_workers_per_gather = 0}, URL-encoded for the
     * driver's {@code options}: on this 2-core machine, starting two parallel workers cost
     * 20-30 ms of a custom-attribute first page that took 6-7 ms without them, on both sides.
     */
    private static final String SESSION = "-c%20jit%3Doff%20-c%20max_parallel_workers_per_gather%3D0";

    @Override
    protected String dropSchema(String schema) {
        return "DROP SCHEMA " + schema + " CASCADE";
    }

    /**
     * Statistics, then {@code VACUUM} of the workload's tables, as autovacuum would leave them on
     * a server in service (this machine's runs without it): index-only scans of the sort
     * indexes then skip the table, on both sides alike.
     */
    @Override
    protected void afterLoad() {
        super.afterLoad();
        long start = System.nanoTime();
        String schema = mainSchema(workload);
        try (Connection c = connect();
             PreparedStatement tables = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename")) {
            tables.setString(1, schema);
            List<String> names = new ArrayList<>();
            try (ResultSet r = tables.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            try (Statement vacuum = c.createStatement()) {
                for (String table : names) {
                    // names from the catalog, quoted: VACUUM takes no bound parameters
                    vacuum.execute("VACUUM \"" + schema + "\".\"" + table.replace("\"", "\"\"") + "\"");
                }
            }
            LOG.info("postgresql: vacuumed the {} tables of {} in {} ms", names.size(), schema, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            LOG.warn("postgresql: could not vacuum {} ({}); index-only scans may read the table until autovacuum does", schema,
                    e.getMessage());
        }
    }

    @Override
    public String name() {
        return "postgresql";
    }
}

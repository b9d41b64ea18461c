package dev.contacts.bench;

import dev.contacts.jpa.JpaStore;

/**
 * The JPA store on PostgreSQL, in a schema of its own per workload (see {@link ServerFixture}).
 * The server is {@code CONTACTS_PG_URL} (default {@value #DEFAULT_URL}) as
 * {@code CONTACTS_PG_USER} (default postgres) with {@code CONTACTS_PG_PASSWORD}.
 */
final class PostgresFixture extends ServerFixture {
    /** The machine's PostgreSQL. */
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private long nextAnalyze = Workload.LOAD_BATCH;

    PostgresFixture(Workload workload, boolean verifying) {
        super(workload, verifying, SqlDialect.POSTGRESQL, env("CONTACTS_PG_URL", DEFAULT_URL), env("CONTACTS_PG_USER", "postgres"),
                env("CONTACTS_PG_PASSWORD", ""), "CONTACTS_PG_URL, CONTACTS_PG_USER, CONTACTS_PG_PASSWORD", PostgresFixture::schemaUrl);
    }

    private static String schemaUrl(String base, String schema) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true";
    }

    @Override
    protected String dropSchema(String schema) {
        return "DROP SCHEMA " + schema + " CASCADE";
    }

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
    public String name() {
        return "postgresql";
    }
}

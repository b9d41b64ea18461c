package dev.contacts.jpa;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics of the contact tables, or of the organization
 * tables, in step with the store's inserts.
 *
 * <p>Why: a foreign-key check is planned from the statistics of the referenced table. While
 * {@code contact} has none (never analysed, or analysed when it was small), PostgreSQL
 * costs every index that starts with {@code property_id} and contains {@code id} alike,
 * and may check {@code (property_id, id)} through e.g. {@code (property_id, city_fold, id)},
 * reading the whole property's index entries for every inserted value row. A first bulk
 * import then slows down with the square of its size (measured here: about 400 rows/s at
 * 60,000 rows with autovacuum off). Autovacuum fixes the statistics a minute or more later,
 * and not at all where it is turned off; so the store refreshes them itself, each time its
 * bulk inserts have as many rows as the table had at the last refresh (at most about
 * log2(rows) times in a load), after the inserting transaction committed. Other databases
 * need nothing: InnoDB recalculates persistent statistics after 10% of a table changed, H2
 * analyses tables after 2,000 changed rows.
 *
 * <p>Organizations are inserted one at a time, and their name check
 * ({@code WHERE property_id = ? AND name_fold = ? AND id <> ?}) is a prepared statement
 * whose generic plan PostgreSQL fixes after a few executions, chosen while the table was
 * nearly empty and never analysed (measured in a fresh schema: about 40 organizations a
 * second at 40,000, the server's CPU busy in that check and its index scans counted in the
 * hundreds of thousands, where MariaDB created 50,000 in seconds). Refreshing the
 * statistics invalidates the plan.
 */
final class BulkInsertStatistics {
    private static final Logger LOG = LoggerFactory.getLogger(BulkInsertStatistics.class);
    /** Rows inserted before the first refresh. */
    static final long FIRST_REFRESH = 1_000;

    private final Transactions tx;
    /** The table whose rows are counted, the first of {@link #tables}: one of the store's own names, never user text. */
    private final String table;
    /** The tables an insert writes. */
    private final List<String> tables;
    private long insertedSinceRefresh;
    /** Rows of {@link #table} at the last refresh, as the planner knows them; -1 until read. */
    private long rowsAtRefresh = -1;

    private BulkInsertStatistics(Transactions tx, List<String> tables) {
        this.tx = tx;
        this.table = tables.get(0);
        this.tables = List.copyOf(tables);
    }

    /** @return the statistics of the tables a contact's insert writes */
    static BulkInsertStatistics contacts(Transactions tx) {
        return new BulkInsertStatistics(tx, List.of("contact", "contact_email", "contact_phone", "contact_tag", "contact_custom",
                "contact_organization"));
    }

    /** @return the statistics of the tables an organization's insert writes */
    static BulkInsertStatistics organizations(Transactions tx) {
        return new BulkInsertStatistics(tx, List.of("organization", "organization_domain", "organization_tag", "organization_custom"));
    }

    /**
     * Called after a committed insert; refreshes the statistics when they are due.
     *
     * @param rows main rows (contacts, organizations) the insert added
     */
    void inserted(int rows) {
        if (tx.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        synchronized (this) {
            if (rowsAtRefresh < 0) {
                rowsAtRefresh = plannerRows();
            }
            insertedSinceRefresh += rows;
            if (insertedSinceRefresh < Math.max(FIRST_REFRESH, rowsAtRefresh)) {
                return;
            }
            insertedSinceRefresh = 0;
            rowsAtRefresh = refresh();
        }
    }

    /** @return the rows of the main table the planner assumes, 0 when it was never analysed */
    private long plannerRows() {
        try {
            return tx.run("read planner statistics", db -> db.count(db.sql(
                    "SELECT CAST(GREATEST(reltuples, 0) AS BIGINT) FROM pg_class WHERE oid = to_regclass('" + table + "')")));
        } catch (RuntimeException e) {
            LOG.warn("could not read the planner statistics of table {} ({}); refreshing them after {} inserted rows", table, e.getMessage(),
                    FIRST_REFRESH);
            return 0;
        }
    }

    /** @return the rows of the main table after the refresh */
    private long refresh() {
        long start = System.nanoTime();
        try {
            tx.analyze(tables);
        } catch (RuntimeException e) {
            // the rows are committed; statistics only make later statements faster
            LOG.warn("could not refresh the planner statistics of tables {} after inserts ({}); "
                    + "queries and foreign-key checks may be slow until autovacuum analyses them", tables, e.getMessage());
        }
        long rows = plannerRows();
        LOG.debug("refreshed the planner statistics of tables {} ({} rows in {}) in {} ms", tables, rows, table,
                (System.nanoTime() - start) / 1_000_000);
        return rows;
    }
}

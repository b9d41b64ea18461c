package dev.contacts.jpa;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics of the contact tables in step with bulk inserts.
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
 */
final class BulkInsertStatistics {
    private static final Logger LOG = LoggerFactory.getLogger(BulkInsertStatistics.class);
    /** Rows inserted before the first refresh. */
    static final long FIRST_REFRESH = 1_000;
    /** The tables a contact's insert writes. */
    private static final List<String> TABLES = List.of("contact", "contact_email", "contact_phone", "contact_tag", "contact_custom",
            "contact_organization");

    private final Transactions tx;
    private long insertedSinceRefresh;
    /** Rows of {@code contact} at the last refresh, as the planner knows them; -1 until read. */
    private long rowsAtRefresh = -1;

    BulkInsertStatistics(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Called after a committed bulk insert; refreshes the statistics when they are due.
     *
     * @param rows contacts the insert added
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

    /** @return the rows of {@code contact} the planner assumes, 0 when it was never analysed */
    private long plannerRows() {
        try {
            return tx.run("read planner statistics", db -> db.count(db.sql(
                    "SELECT CAST(GREATEST(reltuples, 0) AS BIGINT) FROM pg_class WHERE oid = to_regclass('contact')")));
        } catch (RuntimeException e) {
            LOG.warn("could not read the planner statistics of table contact ({}); refreshing them after {} inserted rows", e.getMessage(),
                    FIRST_REFRESH);
            return 0;
        }
    }

    /** @return the rows of {@code contact} after the refresh */
    private long refresh() {
        long start = System.nanoTime();
        try {
            tx.analyze(TABLES);
        } catch (RuntimeException e) {
            // the rows are committed; statistics only make later statements faster
            LOG.warn("could not refresh the planner statistics of the contact tables after a bulk insert ({}); "
                    + "queries and foreign-key checks may be slow until autovacuum analyses them", e.getMessage());
        }
        long rows = plannerRows();
        LOG.debug("refreshed the planner statistics of the contact tables ({} contacts) in {} ms", rows,
                (System.nanoTime() - start) / 1_000_000);
        return rows;
    }
}

package dev.contacts.jpa;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC connection of one transaction with the few operations the repositories need:
 * queries mapped row by row, updates, and batches. Logs one DEBUG line per statement with
 * its duration ({@code dev.contacts.jpa}).
 */
final class Db {
    private static final Logger LOG = LoggerFactory.getLogger(Db.class);

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<R> {
        R map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Dialect dialect;
    private final EntityManager em;

    Db(Connection connection, Dialect dialect, EntityManager em) {
        this.connection = connection;
        this.dialect = dialect;
        this.em = em;
    }

    /** @return the entity manager of the same transaction, for the aggregates mapped as entities */
    EntityManager em() {
        return em;
    }

    Dialect dialect() {
        return dialect;
    }

    /** @return a new statement builder of this dialect */
    Sql sql() {
        return new Sql(dialect);
    }

    /** @return a new statement builder starting with the given SQL text */
    Sql sql(String text) {
        return new Sql(dialect).append(text);
    }

    <R> List<R> list(Sql sql, RowMapper<R> mapper) throws SQLException {
        long start = System.nanoTime();
        List<R> rows = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(connection); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
        }
        log(sql.text(), start, rows.size());
        return rows;
    }

    <R> Optional<R> first(Sql sql, RowMapper<R> mapper) throws SQLException {
        List<R> rows = list(sql, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** @return the first column of the first row as a long (a count) */
    long count(Sql sql) throws SQLException {
        return first(sql, rs -> rs.getLong(1)).orElse(0L);
    }

    /** @return whether the query returns a row */
    boolean exists(Sql sql) throws SQLException {
        return first(sql, rs -> Boolean.TRUE).isPresent();
    }

    /** @return the number of rows changed */
    int update(Sql sql) throws SQLException {
        long start = System.nanoTime();
        int n;
        try (PreparedStatement ps = sql.prepare(connection)) {
            n = ps.executeUpdate();
        }
        log(sql.text(), start, n);
        return n;
    }

    /** @return the number of rows changed by a statement with its binders */
    int update(String text, List<Sql.Binder> binders) throws SQLException {
        long start = System.nanoTime();
        int n;
        try (PreparedStatement ps = connection.prepareStatement(text)) {
            Sql.bind(connection, ps, binders);
            n = ps.executeUpdate();
        }
        log(text, start, n);
        return n;
    }

    /** Runs a statement that may return rows (which are read and dropped), such as MariaDB's {@code ANALYZE TABLE}. */
    void execute(Sql sql) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement ps = sql.prepare(connection)) {
            boolean rows = ps.execute();
            while (rows || ps.getUpdateCount() != -1) {
                if (rows) {
                    try (ResultSet rs = ps.getResultSet()) {
                        while (rs.next()) {
                            // the rows say how the statement went; a failure is an exception
                        }
                    }
                }
                rows = ps.getMoreResults();
            }
        }
        log(sql.text(), start, 0);
    }

    /**
     * Runs one statement for many rows in JDBC batches (rewritten into multi-row inserts by
     * the PostgreSQL and MariaDB drivers when their URL asks for it).
     *
     * @param text the statement
     * @param rows the binders of each row
     * @return the update count of each row (or {@link java.sql.Statement#SUCCESS_NO_INFO})
     */
    int[] batch(String text, List<List<Sql.Binder>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        long start = System.nanoTime();
        int[] counts;
        try (PreparedStatement ps = connection.prepareStatement(text)) {
            for (List<Sql.Binder> row : rows) {
                Sql.bind(connection, ps, row);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        log(text, start, rows.size());
        return counts;
    }

    /**
     * Runs {@code COPY … FROM STDIN} on this transaction's connection (PostgreSQL only), through
     * the driver's {@code CopyManager}.
     *
     * @param sql      the COPY statement
     * @param data     the rows in COPY's text format
     * @param expected rows in {@code data}
     * @return false when the connection does not unwrap to the PostgreSQL driver's (nothing was sent: use a batch)
     * @throws SQLException from the server, or when it copied another number of rows than expected
     */
    boolean copyIn(String sql, String data, int expected) throws SQLException {
        long start = System.nanoTime();
        long copied = PgCopy.copyIn(connection, sql, data);
        if (copied < 0) {
            return false;
        }
        if (copied != expected) {
            throw new SQLException(sql + " copied " + copied + " rows, not " + expected);
        }
        log(sql, start, (int) copied);
        return true;
    }

    UUID id(ResultSet rs, String column) throws SQLException {
        return dialect.getId(rs, column);
    }

    Instant instant(ResultSet rs, String column) throws SQLException {
        return dialect.getInstant(rs, column);
    }

    private static void log(String text, long startNanos, int rows) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} rows in {} µs: {}", rows, (System.nanoTime() - startNanos) / 1000, text);
        }
    }
}

package dev.contacts.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * The few places where {@link SqlBaseline}'s hand-written SQL differs between the JPA store's
 * databases: the element type names of bound arrays, the idempotent insert of an event
 * (PostgreSQL's {@code ON CONFLICT DO NOTHING}; H2 has no such clause, so the plain insert
 * runs in a savepoint and a broken unique key rolls back to it), and the earlier/later of a
 * stored date and a new one (PostgreSQL's {@code LEAST}/{@code GREATEST} skip NULL; H2's
 * return NULL when an argument is NULL, so the stored value is first replaced by the new one
 * when unknown). Everything else the baseline
 * writes is standard SQL both accept ({@code CAST}, {@code = ANY(?)}, row-value comparisons,
 * {@code LIMIT … OFFSET}).
 */
enum SqlDialect {
    /** PostgreSQL 13+. */
    POSTGRESQL("varchar", "uuid", "%s(%s, ?)", 1) {

        @Override
        String insertIfAbsent(String insert) {
            return insert + " ON CONFLICT DO NOTHING";
        }

        @Override
        boolean executeIfAbsent(Connection c, PreparedStatement insert) throws SQLException {
            return insert.executeUpdate() == 1;
        }
    },
    /** H2 2.x. */
    H2("VARCHAR", "UUID", "%s(COALESCE(%s, ?), ?)", 2) {

        @Override
        String insertIfAbsent(String insert) {
            return insert;
        }

        @Override
        boolean executeIfAbsent(Connection c, PreparedStatement insert) throws SQLException {
            Savepoint before = c.setSavepoint();
            try {
                insert.executeUpdate();
                c.releaseSavepoint(before);
                return true;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback(before);
                return false;
            }
        }
    };

    /** The SQL state of a broken unique key. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final String textArray;
    private final String uuidArray;
    private final String extremeForm;
    private final int extremeParameters;

    SqlDialect(String textArray, String uuidArray, String extremeForm, int extremeParameters) {
        this.textArray = textArray;
        this.uuidArray = uuidArray;
        this.extremeForm = extremeForm;
        this.extremeParameters = extremeParameters;
    }

    /**
     * @param column a nullable date column
     * @return the earlier of its value and the new date (the new one when the column is NULL),
     *         with {@link #extremeParameters()} parameters, each bound to the new date
     */
    String least(String column) {
        return String.format(java.util.Locale.ROOT, extremeForm, "LEAST", column);
    }

    /**
     * @param column a nullable date column
     * @return the later of its value and the new date (the new one when the column is NULL),
     *         with {@link #extremeParameters()} parameters, each bound to the new date
     */
    String greatest(String column) {
        return String.format(java.util.Locale.ROOT, extremeForm, "GREATEST", column);
    }

    /** @return how many parameters {@link #least} and {@link #greatest} take (all bound to the same date) */
    int extremeParameters() {
        return extremeParameters;
    }

    /** @return the element type name of a bound array of text */
    String textArray() {
        return textArray;
    }

    /** @return the element type name of a bound array of UUIDs */
    String uuidArray() {
        return uuidArray;
    }

    /**
     * @param insert an {@code INSERT … VALUES (…)} into a table with a unique key
     * @return the statement to prepare for {@link #executeIfAbsent}
     */
    abstract String insertIfAbsent(String insert);

    /**
     * Runs the prepared statement of {@link #insertIfAbsent}: the row is written unless a row
     * with the same unique key exists, which is no error.
     *
     * @param c      its connection, in a transaction
     * @param insert the prepared statement, parameters bound
     * @return whether the row was written
     * @throws SQLException any other failure
     */
    abstract boolean executeIfAbsent(Connection c, PreparedStatement insert) throws SQLException;
}

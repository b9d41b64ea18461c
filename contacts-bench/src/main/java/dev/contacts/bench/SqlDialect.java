package dev.contacts.bench;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The places where {@link SqlBaseline}'s hand-written SQL differs between the JPA store's
 * databases, each written the way a careful developer would for that database:
 * <ul>
 * <li>ids and instants: PostgreSQL and H2 bind {@code UUID} and {@code OffsetDateTime};
 * MariaDB stores ids as {@code BINARY(16)} (big-endian) and instants as UTC
 * {@code DATETIME(3)};</li>
 * <li>a set of values: PostgreSQL binds one array ({@code = ANY(?)}); H2 and MariaDB get an
 * {@code IN (?, ?, …)} list (H2 evaluates {@code = ANY(array)} row by row, scanning the table,
 * and MariaDB has no arrays);</li>
 * <li>the typed NULLs of a {@code UNION ALL}, an id read back as text, a seek after a row
 * position (MariaDB's range optimizer does not use a row-value comparison, so it gets the
 * expanded {@code a < ? OR a = ? AND b < ?});</li>
 * <li>the idempotent insert of an event (PostgreSQL's {@code ON CONFLICT DO NOTHING},
 * MariaDB's {@code INSERT IGNORE}, H2's plain insert in a savepoint rolled back on a broken
 * unique key) and the earlier/later of a stored date and a new one (PostgreSQL's
 * {@code LEAST}/{@code GREATEST} skip NULL; H2's and MariaDB's return NULL when an argument
 * is NULL, so the stored value is first replaced by the new one when unknown).</li>
 * </ul>
 * The bulk write of an import also differs (PostgreSQL: {@code COPY}; MariaDB: multi-row
 * inserts; H2: JDBC batches), see {@link SqlBaseline}.
 */
enum SqlDialect {
    /** PostgreSQL 13+. */
    POSTGRESQL("%s(%s, ?)", 1) {
        @Override
        String insertIfAbsent(String insert) {
            return insert + " ON CONFLICT DO NOTHING";
        }

        @Override
        String in(String column, int n) {
            return column + " = ANY(?)";
        }

        @Override
        int bindSet(PreparedStatement ps, int index, Object[] values) throws SQLException {
            String type = values instanceof UUID[] ? "uuid" : "varchar";
            ps.setArray(index, ps.getConnection().createArrayOf(type, values));
            return index + 1;
        }
    },
    /** H2 2.x. */
    H2("%s(COALESCE(%s, ?), ?)", 2) {
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
    },
    /** MariaDB 10.6+. */
    MARIADB("%s(COALESCE(%s, ?), ?)", 2) {
        @Override
        String insertIfAbsent(String insert) {
            return "INSERT IGNORE" + insert.substring("INSERT".length());
        }

        @Override
        void setId(PreparedStatement ps, int index, UUID id) throws SQLException {
            ps.setBytes(index, bytes(id));
        }

        @Override
        UUID getId(ResultSet rs, int column) throws SQLException {
            byte[] b = rs.getBytes(column);
            return b == null ? null : uuid(b);
        }

        @Override
        void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
            ps.setObject(index, instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC), Types.TIMESTAMP);
        }

        @Override
        Instant getInstant(ResultSet rs, int column) throws SQLException {
            LocalDateTime t = rs.getObject(column, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }

        @Override
        String nullNumber() {
            return "CAST(NULL AS DECIMAL(24, 6))";
        }

        @Override
        String nullDate() {
            return "CAST(NULL AS DATETIME(3))";
        }

        @Override
        String nullBoolean() {
            return "NULL";
        }

        @Override
        String nullId() {
            return "CAST(NULL AS BINARY(16))";
        }

        @Override
        String idAsText(String column) {
            return "HEX(" + column + ")";
        }

        @Override
        UUID idFromText(String text) {
            return uuid(HexFormat.of().parseHex(text));
        }

        @Override
        String before(String time, String id) {
            return "(" + time + " < ? OR " + time + " = ? AND " + id + " < ?)";
        }

        @Override
        int bindBefore(PreparedStatement ps, int index, Instant time, UUID id) throws SQLException {
            setInstant(ps, index, time);
            setInstant(ps, index + 1, time);
            setId(ps, index + 2, id);
            return index + 3;
        }
    };

    /** The SQL state of a broken unique key. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final String extremeForm;
    private final int extremeParameters;

    SqlDialect(String extremeForm, int extremeParameters) {
        this.extremeForm = extremeForm;
        this.extremeParameters = extremeParameters;
    }

    /** @return the big-endian bytes of an id, as MariaDB's {@code BINARY(16)} holds it */
    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private static UUID uuid(byte[] b) {
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /**
     * @param column a nullable date column
     * @return the earlier of its value and the new date (the new one when the column is NULL),
     *         with {@link #extremeParameters()} parameters, each bound to the new date
     */
    String least(String column) {
        return String.format(Locale.ROOT, extremeForm, "LEAST", column);
    }

    /**
     * @param column a nullable date column
     * @return the later of its value and the new date (the new one when the column is NULL),
     *         with {@link #extremeParameters()} parameters, each bound to the new date
     */
    String greatest(String column) {
        return String.format(Locale.ROOT, extremeForm, "GREATEST", column);
    }

    /** @return how many parameters {@link #least} and {@link #greatest} take (all bound to the same date) */
    int extremeParameters() {
        return extremeParameters;
    }

    /**
     * @param column a column
     * @param n      how many values the set has
     * @return the condition that the column holds one of the set's values, bound by {@link #bindSet}
     */
    String in(String column, int n) {
        return column + " IN (" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }

    /**
     * Binds the values of an {@link #in} condition.
     *
     * @param ps     the statement
     * @param index  the first parameter
     * @param values strings or ids ({@code UUID[]})
     * @return the next parameter
     * @throws SQLException from the driver
     */
    int bindSet(PreparedStatement ps, int index, Object[] values) throws SQLException {
        int i = index;
        for (Object v : values) {
            if (v instanceof UUID id) {
                setId(ps, i++, id);
            } else {
                ps.setObject(i++, v);
            }
        }
        return i;
    }

    /**
     * @param ps    the statement
     * @param index the parameter
     * @param id    an id (not null)
     * @throws SQLException from the driver
     */
    void setId(PreparedStatement ps, int index, UUID id) throws SQLException {
        ps.setObject(index, id);
    }

    /**
     * @param rs     a result
     * @param column its column
     * @return the id there, or null
     * @throws SQLException from the driver
     */
    UUID getId(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /**
     * @param rs     a result
     * @param column its column's label
     * @return the id there, or null
     * @throws SQLException from the driver
     */
    final UUID getId(ResultSet rs, String column) throws SQLException {
        return getId(rs, rs.findColumn(column));
    }

    /**
     * @param ps      the statement
     * @param index   the parameter
     * @param instant an instant, or null
     * @throws SQLException from the driver
     */
    void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /**
     * @param rs     a result
     * @param column its column
     * @return the instant there, or null
     * @throws SQLException from the driver
     */
    Instant getInstant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * @param rs     a result
     * @param column its column's label
     * @return the instant there, or null
     * @throws SQLException from the driver
     */
    final Instant getInstant(ResultSet rs, String column) throws SQLException {
        return getInstant(rs, rs.findColumn(column));
    }

    /** @return a NULL of the number columns' type, for a {@code UNION ALL} branch */
    String nullNumber() {
        return "CAST(NULL AS NUMERIC)";
    }

    /** @return a NULL of the date columns' type */
    String nullDate() {
        return "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
    }

    /** @return a NULL of the boolean columns' type */
    String nullBoolean() {
        return "CAST(NULL AS BOOLEAN)";
    }

    /** @return a NULL of the id columns' type */
    String nullId() {
        return "CAST(NULL AS UUID)";
    }

    /**
     * @param column an id column
     * @return the id as text, read back by {@link #idFromText}
     */
    String idAsText(String column) {
        return "CAST(" + column + " AS VARCHAR)";
    }

    /**
     * @param text what {@link #idAsText} gave
     * @return the id
     */
    UUID idFromText(String text) {
        return UUID.fromString(text);
    }

    /**
     * @param time a date column
     * @param id   the id column
     * @return the condition that a row comes before the bound position in {@code time DESC, id DESC}
     *         order, bound by {@link #bindBefore}
     */
    String before(String time, String id) {
        return "(" + time + ", " + id + ") < (?, ?)";
    }

    /**
     * @param ps    the statement
     * @param index the first parameter of {@link #before}
     * @param time  the position's date
     * @param id    the position's id
     * @return the next parameter
     * @throws SQLException from the driver
     */
    int bindBefore(PreparedStatement ps, int index, Instant time, UUID id) throws SQLException {
        setInstant(ps, index, time);
        setId(ps, index + 1, id);
        return index + 2;
    }

    /**
     * @param insert an {@code INSERT … VALUES (…)} into a table with a unique key
     * @return the statement to prepare for {@link #executeIfAbsent}
     */
    String insertIfAbsent(String insert) {
        return insert;
    }

    /**
     * Runs the prepared statement of {@link #insertIfAbsent}: the row is written unless a row
     * with the same unique key exists, which is no error.
     *
     * @param c      its connection, in a transaction
     * @param insert the prepared statement, parameters bound
     * @return whether the row was written
     * @throws SQLException any other failure
     */
    boolean executeIfAbsent(Connection c, PreparedStatement insert) throws SQLException {
        return insert.executeUpdate() == 1;
    }
}

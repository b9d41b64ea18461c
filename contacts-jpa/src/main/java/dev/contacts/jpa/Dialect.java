package dev.contacts.jpa;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * What differs between the three supported databases: how ids, instants and id sets are
 * bound and read, where the schema files are, and which SQL states mean a broken unique
 * key, a missing parent row or a transaction worth retrying. Everything else is the same
 * standard SQL.
 */
enum Dialect {
    /** H2 2.x: UUID ids, TIMESTAMP WITH TIME ZONE, arrays; text compares by UTF-16 unit. */
    H2("h2") {
        @Override
        boolean joinsIdSets() {
            // H2 seeks an index with IN (…) or = ANY(…) only when the tested column is the index's first one, and every
            // index here starts with property_id: the set becomes a table joined on the rows (ConditionInArray otherwise
            // reads the whole property and tests each row)
            return true;
        }

        @Override
        boolean sortsByIndexFromItsFirstColumn() {
            // ORDER BY name_fold, id under property_id = ? sorts the whole property; ORDER BY property_id, name_fold, id
            // reads ix_contact_name in order and stops at the page ("index sorted" in its plan)
            return true;
        }

        @Override
        boolean isRetryable(SQLException e) {
            // 40001 deadlock, HYT00 / 50200 lock timeout, 90131 concurrent update in another transaction
            return "40001".equals(e.getSQLState()) || "HYT00".equals(e.getSQLState()) || e.getErrorCode() == 50200
                    || e.getErrorCode() == 90131;
        }
    },
    /** PostgreSQL: uuid, timestamptz, arrays bound with {@code = ANY(?)}, folds in {@code COLLATE "C"}. */
    POSTGRESQL("postgresql") {
        @Override
        String analyze(String table) {
            return "ANALYZE " + table;
        }

        @Override
        boolean isRetryable(SQLException e) {
            // serialization failure, deadlock, lock timeout (lock_timeout), statement timeout while waiting for a lock
            return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState()) || "55P03".equals(e.getSQLState());
        }

        @Override
        boolean boundsWalksOfOrs() {
            return true;
        }
    },
    /** MariaDB: BINARY(16) ids, DATETIME(3) in UTC, id sets through JSON_TABLE, folds in utf8mb4_nopad_bin. */
    MARIADB("mariadb") {
        @Override
        void setId(PreparedStatement ps, int index, UUID id) throws SQLException {
            ByteBuffer b = ByteBuffer.allocate(16);
            b.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
            ps.setBytes(index, b.array());
        }

        @Override
        UUID getId(ResultSet rs, String column) throws SQLException {
            byte[] bytes = rs.getBytes(column);
            if (bytes == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return new UUID(b.getLong(), b.getLong());
        }

        @Override
        void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
            if (instant == null) {
                ps.setNull(index, Types.TIMESTAMP);
            } else {
                ps.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            }
        }

        @Override
        Instant getInstant(ResultSet rs, String column) throws SQLException {
            LocalDateTime t = rs.getObject(column, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }

        @Override
        String idIn(String column) {
            // MariaDB has no arrays: one JSON parameter holds the whole set (semi-join, not one parameter per id)
            return column + " IN (SELECT UNHEX(j.v) FROM JSON_TABLE(?, '$[*]' COLUMNS (v CHAR(32) PATH '$')) AS j)";
        }

        @Override
        void setIdSet(Connection connection, PreparedStatement ps, int index, Collection<UUID> ids) throws SQLException {
            StringBuilder json = new StringBuilder(ids.size() * 35 + 2).append('[');
            HexFormat hex = HexFormat.of();
            for (UUID id : ids) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(hex.toHexDigits(id.getMostSignificantBits())).append(hex.toHexDigits(id.getLeastSignificantBits()))
                        .append('"');
            }
            ps.setString(index, json.append(']').toString());
        }

        @Override
        String orderedSelect() {
            // filesort compares only the first max_sort_length bytes (default 1024) of a text's sort key, which takes
            // 3 to 4 bytes a character: folds of a few hundred characters would tie and fall back to the id order
            return "SET STATEMENT max_sort_length = 8192 FOR SELECT ";
        }

        @Override
        boolean prefixLikeUsesIndexRange() {
            // the range MariaDB derives from LIKE 'p%' on utf8mb4_nopad_bin ends at p + U+FFFF, so an index range scan
            // misses the values whose next character is above U+FFFF (4 bytes in UTF-8), e.g. 'p😀'
            return false;
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return e.getErrorCode() == 1062 || e.getErrorCode() == 1586;
        }

        @Override
        boolean isForeignKeyViolation(SQLException e) {
            return e.getErrorCode() == 1452 || e.getErrorCode() == 1216;
        }

        @Override
        boolean isRetryable(SQLException e) {
            return e.getErrorCode() == 1213 || e.getErrorCode() == 1205 || "40001".equals(e.getSQLState());
        }
    };

    private final String directory;

    Dialect(String directory) {
        this.directory = directory;
    }

    /** @return the folder of this dialect's schema files under {@code db/} */
    String directory() {
        return directory;
    }

    /**
     * @param jdbcUrl a JDBC URL
     * @return its dialect
     * @throws IllegalArgumentException for other databases
     */
    static Dialect ofJdbcUrl(String jdbcUrl) {
        String u = jdbcUrl.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("'" + jdbcUrl + "' is not an H2, PostgreSQL or MariaDB JDBC URL");
    }

    /**
     * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
     * @return its dialect
     * @throws IllegalArgumentException for other databases
     */
    static Dialect ofProductName(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("h2")) {
            return H2;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("the JPA store supports H2, PostgreSQL and MariaDB, not " + productName);
    }

    void setId(PreparedStatement ps, int index, UUID id) throws SQLException {
        ps.setObject(index, id);
    }

    UUID getId(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * @param column an id column
     * @return a condition that the column is in the set bound to its one parameter
     */
    String idIn(String column) {
        return column + " = ANY(?)";
    }

    /**
     * @return whether reads of the rows of a set of ids join a table of the ids
     *         ({@link #idTable()}) rather than test {@link #idIn}
     * @see Sql#fromIdSet
     */
    boolean joinsIdSets() {
        return false;
    }

    /**
     * @return whether the database reads an index in the order of an {@code ORDER BY} only when
     *         the {@code ORDER BY} starts with the index's first column (H2): every index here
     *         starts with {@code property_id}, so pages name it first in their order
     */
    boolean sortsByIndexFromItsFirstColumn() {
        return false;
    }

    /** @return a table of one id column whose rows are the set bound to its one parameter (by {@link #setIdSet}) */
    String idTable() {
        return "UNNEST(CAST(? AS UUID ARRAY))";
    }

    /**
     * Binds a whole id set to the one parameter of {@link #idIn} or {@link #idTable()}.
     *
     * @param connection the connection (arrays are made by it)
     * @param ps         the statement
     * @param index      the parameter
     * @param ids        the ids
     * @throws SQLException from the driver
     */
    void setIdSet(Connection connection, PreparedStatement ps, int index, Collection<UUID> ids) throws SQLException {
        ps.setArray(index, connection.createArrayOf(this == POSTGRESQL ? "uuid" : "UUID", ids.toArray()));
    }

    /** @return the start of a {@code SELECT} with an {@code ORDER BY} on text, so that the database sorts whole values */
    String orderedSelect() {
        return "SELECT ";
    }

    /**
     * @return whether a page of a filter with an {@code or} over other tables is first looked
     *         for in a bounded walk of the sort index ({@code JpaEntityRepository#find}):
     *         PostgreSQL only, which otherwise hashes whole value tables for such an {@code or}
     *         (or walks without a bound); MariaDB and H2 already probe per row of the sort
     *         index's walk and stop at the page, and MariaDB materializes a derived table
     *         whole, so the bound would only add its rows (measured on MariaDB at 100,000
     *         contacts: 70–100 ms against 50–80 ms)
     */
    boolean boundsWalksOfOrs() {
        return false;
    }

    /**
     * @return whether {@code col LIKE 'p%'} finds every value starting with p, also through an
     *         index range scan; when not, a prefix is tested as a code-point range instead
     */
    boolean prefixLikeUsesIndexRange() {
        return true;
    }

    /**
     * @param table a table of the schema
     * @return the statement that refreshes the planner's statistics of the table (it may return rows)
     */
    String analyze(String table) {
        return "ANALYZE TABLE " + table;
    }

    /** @return whether the error is a broken unique or primary key */
    boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** @return whether the error is a missing parent row of a foreign key */
    boolean isForeignKeyViolation(SQLException e) {
        return "23503".equals(e.getSQLState()) || "23506".equals(e.getSQLState());
    }

    /** @return whether the transaction lost a race (deadlock, serialization, lock timeout) and can simply run again */
    abstract boolean isRetryable(SQLException e);
}

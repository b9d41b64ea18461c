package dev.contacts.jpa;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the database the store is connected to has in its current schema (PostgreSQL, H2) or
 * database (MariaDB): tables, their columns with their collations, and, when asked for,
 * named constraints, indexes and the versions recorded in {@code contacts_schema_version}.
 * Read at once with the standard {@code information_schema} views and JDBC metadata (the
 * connection goes back to the pool afterwards); names in lower case, collations as the database spells them.
 */
final class DatabaseSchema {
    /** Where the store records the versions of its SQL files it applied. */
    static final String VERSION_TABLE = "contacts_schema_version";

    private final String schema;
    /** Lower-case name to the name as stored (H2 stores unquoted names in upper case). */
    private final Map<String, String> tables = new LinkedHashMap<>();
    /** Table to column to collation ({@code ""} for none or the database's default). */
    private final Map<String, Map<String, String>> columns = new HashMap<>();
    /** Table to constraint name to its kind. */
    private final Map<String, Map<String, ExpectedSchema.Kind>> constraints = new HashMap<>();
    /** Table to the names of its indexes, including those behind keys. */
    private final Map<String, Set<String>> indexes = new HashMap<>();
    private final List<String> recordedScripts = new ArrayList<>();

    private DatabaseSchema(Connection connection, Dialect dialect) throws SQLException {
        // information_schema calls MariaDB's databases schemas; JDBC calls them catalogs
        this.schema = dialect == Dialect.MARIADB ? connection.getCatalog() : connection.getSchema();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT table_name, column_name, collation_name FROM information_schema.columns WHERE table_schema = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String collation = rs.getString(3);
                    columns.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), t -> new HashMap<>())
                            .put(rs.getString(2).toLowerCase(Locale.ROOT), collation == null ? "" : collation);
                }
            }
        }
    }

    /**
     * @param connection a connection to the database
     * @param dialect    its dialect
     * @return its tables and their columns
     * @throws SQLException from the driver
     */
    static DatabaseSchema tables(Connection connection, Dialect dialect) throws SQLException {
        return new DatabaseSchema(connection, dialect);
    }

    /**
     * @param connection    a connection to the database
     * @param dialect       its dialect
     * @param indexedTables the tables whose indexes to read (those that exist)
     * @return its tables, columns, constraints, the indexes of those tables and the recorded versions
     * @throws SQLException from the driver
     */
    static DatabaseSchema read(Connection connection, Dialect dialect, Collection<String> indexedTables) throws SQLException {
        DatabaseSchema db = new DatabaseSchema(connection, dialect);
        db.readConstraints(connection);
        for (String table : indexedTables) {
            if (db.hasTable(table)) {
                db.indexes.put(table, readIndexes(connection, dialect, db.schema, db.tables.get(table)));
            }
        }
        db.readRecordedScripts(connection);
        return db;
    }

    /** @return where the tables were looked for: the current schema (PostgreSQL, H2) or database (MariaDB) */
    String schema() {
        return schema;
    }

    /** @return whether the table exists */
    boolean hasTable(String table) {
        return tables.containsKey(table);
    }

    /**
     * @param table a table
     * @return its columns with their collations ({@code ""}: none or the database's default), empty if it does not exist
     */
    Map<String, String> columns(String table) {
        return columns.getOrDefault(table, Map.of());
    }

    /**
     * @param table a table whose indexes were read
     * @return the names of its indexes, including those behind keys
     */
    Set<String> indexes(String table) {
        return indexes.getOrDefault(table, Set.of());
    }

    /**
     * @param table a table
     * @return its named constraints with their kinds
     */
    Map<String, ExpectedSchema.Kind> constraints(String table) {
        return constraints.getOrDefault(table, Map.of());
    }

    /** @return whether {@code contacts_schema_version} is the history table of a Flyway run (rather than the store's own) */
    boolean versionTableIsFlywayHistory() {
        return columns(VERSION_TABLE).containsKey("installed_rank");
    }

    /**
     * @return the schema files recorded as applied in {@code contacts_schema_version}: the
     *         store's own records, or the successful migrations of a Flyway run that used the
     *         table as its history; empty if the table does not exist
     */
    List<String> recordedScripts() {
        return recordedScripts;
    }

    private void readConstraints(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints WHERE table_schema = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ExpectedSchema.Kind kind = ExpectedSchema.Kind.ofConstraintType(rs.getString(3));
                    if (kind != null) {
                        constraints.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), t -> new HashMap<>())
                                .put(rs.getString(2).toLowerCase(Locale.ROOT), kind);
                    }
                }
            }
        }
    }

    private static Set<String> readIndexes(Connection connection, Dialect dialect, String schema, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = dialect == Dialect.MARIADB ? schema : null;
        String inSchema = dialect == Dialect.MARIADB ? null : schema;
        try (ResultSet rs = meta.getIndexInfo(catalog, inSchema, table, false, true)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name != null) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private void readRecordedScripts(Connection connection) throws SQLException {
        if (!hasTable(VERSION_TABLE) || !columns(VERSION_TABLE).containsKey("script")) {
            return;
        }
        boolean flyway = versionTableIsFlywayHistory();
        // the table's name as stored, read from the database itself
        try (PreparedStatement ps = connection.prepareStatement("SELECT script FROM " + tables.get(VERSION_TABLE)
                + (flyway ? " WHERE success = ?" : ""))) {
            if (flyway) {
                ps.setBoolean(1, true);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recordedScripts.add(rs.getString(1));
                }
            }
        }
    }
}

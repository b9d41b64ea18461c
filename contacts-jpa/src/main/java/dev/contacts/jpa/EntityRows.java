package dev.contacts.jpa;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Attributed;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.jpa.Sql.ColumnType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes contacts or organizations as rows (main table, set tables, custom values) and
 * reads them back: a page of rows is completed with a fixed number of queries, one per
 * child table, whatever its size (no N+1).
 */
final class EntityRows {
    /** Kinds of custom values in the {@code kind} column. */
    private static final String TEXT = "T";
    private static final String TEXT_SET = "S";
    private static final String NUMBER = "N";
    private static final String DATE = "D";
    private static final String BOOLEAN = "B";

    private final EntityTable table;
    private final List<EntityTable.Column> columns;
    private final String updateMain;
    /** The columns of a new main row and their types, for {@link BulkRows}. */
    private final List<String> mainColumns = new ArrayList<>();
    private final List<ColumnType> mainTypes = new ArrayList<>();

    EntityRows(EntityTable table) {
        this.table = table;
        this.columns = table.columns().stream().filter(c -> !isStoreMaintained(c)).toList();
        StringBuilder sets = new StringBuilder();
        mainColumns.addAll(List.of("property_id", "id", "version"));
        mainTypes.addAll(List.of(ColumnType.TEXT, ColumnType.ID, ColumnType.LONG));
        for (EntityTable.Column c : columns) {
            mainColumns.add(c.name());
            mainTypes.add(columnType(c.type()));
            sets.append(c.name()).append(" = ?, ");
            if (c.type() == AttributeType.TEXT) {
                mainColumns.add(c.fold());
                mainTypes.add(ColumnType.TEXT);
                sets.append(c.fold()).append(" = ?, ");
            }
        }
        if (table.target() == Target.ORGANIZATION) {
            mainColumns.add("contact_count");
            mainTypes.add(ColumnType.LONG);
        }
        this.updateMain = "UPDATE " + table.table() + " SET " + sets + "version = ? WHERE property_id = ? AND id = ? AND version = ?";
    }

    /** The organization's linked-contact count is kept by the store, never taken from the written value. */
    /**
     * @param alias the main table's alias
     * @return the select list {@link #load} reads from a main row: id, version, the display
     *         columns (never their {@code _fold} copies, which only filters and sorts read),
     *         and an organization's contact count
     */
    String mainColumns(String alias) {
        StringBuilder list = new StringBuilder(alias).append(".id, ").append(alias).append(".version");
        for (EntityTable.Column c : columns) {
            list.append(", ").append(alias).append('.').append(c.name());
        }
        if (table.target() == Target.ORGANIZATION) {
            list.append(", ").append(alias).append(".contact_count");
        }
        return list.toString();
    }

    private static boolean isStoreMaintained(EntityTable.Column c) {
        return c.name().equals("contact_count");
    }

    EntityTable table() {
        return table;
    }

    // ------------------------------------------------------------------ writing

    /** Inserts the main row. */
    void insertMain(Db db, String property, Attributed entity) throws SQLException {
        insertMains(db, property, List.of(entity));
    }

    /** Inserts the main rows of new entities in bulk ({@link BulkRows}: COPY on PostgreSQL, else one JDBC batch). */
    void insertMains(Db db, String property, Collection<? extends Attributed> entities) throws SQLException {
        BulkRows rows = new BulkRows(table.table(), mainColumns, mainTypes);
        for (Attributed entity : entities) {
            List<Object> row = new ArrayList<>(mainColumns.size());
            row.add(property);
            row.add(entity.entityId().value());
            row.add(entity.version());
            for (EntityTable.Column c : columns) {
                Object v = entity.value(c.attribute());
                row.add(v);
                if (c.type() == AttributeType.TEXT) {
                    row.add(v == null ? null : Values.fold((String) v));
                }
            }
            if (table.target() == Target.ORGANIZATION) {
                row.add(0L); // the store maintains the count from the links
            }
            rows.add(row.toArray());
        }
        rows.write(db);
    }

    /**
     * Replaces the main row if its version is {@code expectedVersion}.
     *
     * @return whether it was replaced
     */
    boolean updateMain(Db db, String property, Attributed entity, long expectedVersion) throws SQLException {
        List<Sql.Binder> row = new ArrayList<>();
        addColumnValues(db.dialect(), entity, row);
        row.add(Sql.binder(db.dialect(), entity.version()));
        row.add(Sql.binder(db.dialect(), property));
        row.add(Sql.binder(db.dialect(), entity.entityId().value()));
        row.add(Sql.binder(db.dialect(), expectedVersion));
        return db.update(updateMain, row) != 0;
    }

    /**
     * Replaces main rows in one JDBC batch, each if its version is the expected one.
     *
     * @param entities         the new states
     * @param expectedVersions the version each is based on, same order
     * @return the update count of each row ({@link java.sql.Statement#SUCCESS_NO_INFO} where the driver does not tell)
     */
    int[] updateMains(Db db, String property, List<? extends Attributed> entities, List<Long> expectedVersions) throws SQLException {
        List<List<Sql.Binder>> rows = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            Attributed entity = entities.get(i);
            List<Sql.Binder> row = new ArrayList<>();
            addColumnValues(db.dialect(), entity, row);
            row.add(Sql.binder(db.dialect(), entity.version()));
            row.add(Sql.binder(db.dialect(), property));
            row.add(Sql.binder(db.dialect(), entity.entityId().value()));
            row.add(Sql.binder(db.dialect(), expectedVersions.get(i)));
            rows.add(row);
        }
        return db.batch(updateMain, rows);
    }

    private void addColumnValues(Dialect dialect, Attributed entity, List<Sql.Binder> row) {
        for (EntityTable.Column c : columns) {
            Object v = entity.value(c.attribute());
            row.add(Sql.binder(dialect, columnType(c.type()), v));
            if (c.type() == AttributeType.TEXT) {
                row.add(Sql.binder(dialect, ColumnType.TEXT, v == null ? null : Values.fold((String) v)));
            }
        }
    }

    private static ColumnType columnType(AttributeType type) {
        switch (type) {
            case NUMBER: return ColumnType.NUMBER;
            case DATE: return ColumnType.INSTANT;
            case BOOLEAN: return ColumnType.BOOLEAN;
            default: return ColumnType.TEXT;
        }
    }

    /** The columns of a set table's rows. */
    private static final List<ColumnType> SET_TYPES = List.of(ColumnType.TEXT, ColumnType.ID, ColumnType.LONG, ColumnType.TEXT, ColumnType.TEXT);
    /** The columns of a custom value row. */
    private static final List<ColumnType> CUSTOM_TYPES = List.of(ColumnType.TEXT, ColumnType.ID, ColumnType.TEXT, ColumnType.LONG,
            ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT, ColumnType.NUMBER, ColumnType.INSTANT, ColumnType.BOOLEAN);

    /**
     * Inserts the set elements and custom values of entities whose main rows exist and have
     * none, in bulk: one {@link BulkRows} per table (COPY on PostgreSQL, else a JDBC batch).
     */
    void insertValues(Db db, String property, Collection<? extends Attributed> entities) throws SQLException {
        for (Map.Entry<String, String> set : table.setTables().entrySet()) {
            BulkRows rows = new BulkRows(set.getValue(), List.of("property_id", table.owner(), "position", "display", "fold"), SET_TYPES);
            for (Attributed e : entities) {
                Object v = e.value(set.getKey());
                if (v == null) {
                    continue;
                }
                List<?> elements = (List<?>) v;
                for (int i = 0; i < elements.size(); i++) {
                    String s = (String) elements.get(i);
                    rows.add(property, e.entityId().value(), i, s, Values.fold(s));
                }
            }
            rows.write(db);
        }
        BulkRows customs = new BulkRows(table.customTable(), List.of("property_id", table.owner(), "attr", "position", "kind", "text_value",
                "text_fold", "number_value", "date_value", "boolean_value"), CUSTOM_TYPES);
        for (Attributed e : entities) {
            for (Map.Entry<String, Object> c : custom(e).entrySet()) {
                for (Object[] row : customValues(property, e.entityId().value(), AttributeDefinition.CUSTOM_PREFIX + c.getKey(), c.getValue())) {
                    customs.add(row);
                }
            }
        }
        customs.write(db);
    }

    /** @return the rows of one custom value, as {@link #CUSTOM_TYPES} */
    private static List<Object[]> customValues(String property, UUID owner, String attr, Object value) {
        List<Object[]> rows = new ArrayList<>();
        if (value instanceof List) {
            List<?> elements = (List<?>) value;
            for (int i = 0; i < elements.size(); i++) {
                String s = (String) elements.get(i);
                rows.add(new Object[] {property, owner, attr, i, TEXT_SET, s, Values.fold(s), null, null, null});
            }
        } else if (value instanceof String) {
            String s = (String) value;
            rows.add(new Object[] {property, owner, attr, 0, TEXT, s, Values.fold(s), null, null, null});
        } else if (value instanceof BigDecimal) {
            rows.add(new Object[] {property, owner, attr, 0, NUMBER, null, null, value, null, null});
        } else if (value instanceof java.time.Instant) {
            rows.add(new Object[] {property, owner, attr, 0, DATE, null, null, null, value, null});
        } else if (value instanceof Boolean) {
            rows.add(new Object[] {property, owner, attr, 0, BOOLEAN, null, null, null, null, value});
        } else {
            throw new IllegalArgumentException("custom value of " + attr + " has an unexpected class " + value.getClass().getName());
        }
        return rows;
    }

    private static void addCustomRows(Dialect d, String property, UUID owner, String attr, Object value, List<List<Sql.Binder>> rows) {
        for (Object[] row : customValues(property, owner, attr, value)) {
            List<Sql.Binder> b = new ArrayList<>(row.length);
            for (int i = 0; i < row.length; i++) {
                b.add(Sql.binder(d, CUSTOM_TYPES.get(i), row[i]));
            }
            rows.add(b);
        }
    }

    /** Deletes the set elements and custom values of one entity (not its organization links). */
    void deleteValues(Db db, String property, UUID id) throws SQLException {
        for (String setTable : table.setTables().values()) {
            db.update(db.sql("DELETE FROM " + setTable + " WHERE property_id = ").value(property)
                    .append(" AND " + table.owner() + " = ").value(id));
        }
        db.update(db.sql("DELETE FROM " + table.customTable() + " WHERE property_id = ").value(property)
                .append(" AND " + table.owner() + " = ").value(id));
    }

    /**
     * Rewrites only the set elements and custom values that differ between the stored state
     * of an entity and its new one: one delete and one batched insert per changed set, one
     * of each for all changed custom attributes, nothing for what did not change.
     *
     * @param previous the stored state (the version the update of the main row matched)
     * @param next     the new state
     */
    void replaceChangedValues(Db db, String property, Attributed previous, Attributed next) throws SQLException {
        Dialect d = db.dialect();
        UUID id = next.entityId().value();
        for (Map.Entry<String, String> set : table.setTables().entrySet()) {
            if (Objects.equals(previous.value(set.getKey()), next.value(set.getKey()))) {
                continue;
            }
            db.update(db.sql("DELETE FROM " + set.getValue() + " WHERE property_id = ").value(property)
                    .append(" AND " + table.owner() + " = ").value(id));
            List<List<Sql.Binder>> rows = new ArrayList<>();
            Object v = next.value(set.getKey());
            List<?> elements = v == null ? List.of() : (List<?>) v;
            for (int i = 0; i < elements.size(); i++) {
                String e = (String) elements.get(i);
                rows.add(List.of(Sql.binder(d, property), Sql.binder(d, id), Sql.binder(d, i), Sql.binder(d, e), Sql.binder(d, Values.fold(e))));
            }
            db.batch("INSERT INTO " + set.getValue() + " (property_id, " + table.owner() + ", position, display, fold) VALUES (?, ?, ?, ?, ?)",
                    rows);
        }
        Map<String, Object> before = custom(previous);
        Map<String, Object> after = custom(next);
        java.util.Set<String> changed = new java.util.TreeSet<>();
        for (String key : before.keySet()) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changed.add(key);
            }
        }
        for (String key : after.keySet()) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changed.add(key);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        Sql delete = db.sql("DELETE FROM " + table.customTable() + " WHERE property_id = ").value(property)
                .append(" AND " + table.owner() + " = ").value(id).append(" AND attr IN (");
        List<List<Sql.Binder>> customs = new ArrayList<>();
        int i = 0;
        for (String key : changed) {
            delete.append(i++ == 0 ? "" : ", ").value(AttributeDefinition.CUSTOM_PREFIX + key);
            if (after.get(key) != null) {
                addCustomRows(d, property, id, AttributeDefinition.CUSTOM_PREFIX + key, after.get(key), customs);
            }
        }
        db.update(delete.append(")"));
        db.batch("INSERT INTO " + table.customTable() + " (property_id, " + table.owner()
                + ", attr, position, kind, text_value, text_fold, number_value, date_value, boolean_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                customs);
    }

    /** Deletes the set elements and custom values of several entities, one statement per table. */
    void deleteValues(Db db, String property, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        for (String setTable : table.setTables().values()) {
            db.update(db.sql().deleteIdSet(setTable, property, table.owner(), ids, null));
        }
        db.update(db.sql().deleteIdSet(table.customTable(), property, table.owner(), ids, null));
    }

    private static Map<String, Object> custom(Attributed e) {
        return e instanceof Contact ? ((Contact) e).custom() : ((Organization) e).custom();
    }

    // ------------------------------------------------------------------ reading

    /** A main row with the values read so far, by attribute. */
    private static final class Loaded {
        final UUID id;
        final long version;
        final long contactCount;
        final Map<String, Object> values = new HashMap<>();
        final Map<String, Object> custom = new LinkedHashMap<>();

        Loaded(UUID id, long version, long contactCount) {
            this.id = id;
            this.version = version;
            this.contactCount = contactCount;
        }
    }

    /**
     * Runs a query selecting {@link #mainColumns} from the main table and completes every row with
     * its sets, links and custom values, all read by one more query: a {@code UNION ALL} of
     * the child tables keyed by the page's ids (two round trips for a page, whatever the
     * number of child tables).
     *
     * @param db    the transaction
     * @param query the query
     * @param <T>   contacts or organizations
     * @return the entities, in the query's order
     */
    <T extends Attributed> List<T> load(Db db, String property, Sql query) throws SQLException {
        return load(db, property, query, rs -> { });
    }

    /** What a query's main rows carry beside the aggregate (the catalog version), read row by row. */
    @FunctionalInterface
    interface RowExtra {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * {@link #load(Db, String, Sql)} with a look at each main row for columns beside the
     * aggregate's.
     */
    <T extends Attributed> List<T> load(Db db, String property, Sql query, RowExtra extra) throws SQLException {
        return this.<T>loadIfAtLeast(db, property, query, extra, 0).orElseThrow();
    }

    /**
     * {@link #load(Db, String, Sql, RowExtra)} when the query finds at least {@code minimum}
     * main rows; otherwise empty, and the values of the rows found are not read.
     */
    <T extends Attributed> Optional<List<T>> loadIfAtLeast(Db db, String property, Sql query, RowExtra extra, int minimum)
            throws SQLException {
        List<Loaded> rows = db.list(query, rs -> {
            extra.read(rs);
            return mainRow(db, rs);
        });
        if (rows.size() < minimum) {
            return Optional.empty();
        }
        if (rows.isEmpty()) {
            return Optional.of(List.of());
        }
        Map<UUID, Loaded> byId = new HashMap<>();
        for (Loaded l : rows) {
            byId.put(l.id, l);
        }
        String owner = table.owner();
        // the custom values come first and the links second: PostgreSQL types a union's NULLs pairwise from the left, so
        // the typed columns of these two branches must meet every NULL before another NULL turns it into text
        // each branch seeks its table's primary key (property_id, owner, …) once per id of the page (Sql.fromIdSet)
        Sql q = db.sql("SELECT x." + owner + " AS owner, '" + CUSTOM + "' AS src, x.attr, x.position, x.kind, x.text_value, x.number_value, "
                + "x.date_value, x.boolean_value, NULL AS link_id").fromIdSet(table.customTable(), "x", property, owner, byId.keySet());
        if (table.linkTable() != null) {
            q.append(" UNION ALL SELECT x." + owner + ", '" + LINK + "', '" + dev.contacts.model.BuiltInAttributes.ORGANIZATION
                    + "', x.position, NULL, NULL, NULL, NULL, NULL, x.organization_id").fromIdSet(table.linkTable(), "x", property, owner,
                            byId.keySet());
        }
        for (Map.Entry<String, String> set : table.setTables().entrySet()) {
            q.append(" UNION ALL SELECT x." + owner + ", '" + ELEMENT + "', '" + set.getKey()
                    + "', x.position, NULL, x.display, NULL, NULL, NULL, NULL").fromIdSet(set.getValue(), "x", property, owner, byId.keySet());
        }
        // position order within each (owner, attribute) is all the elements need: they are appended as read
        q.append(" ORDER BY 4");
        db.list(q, rs -> {
            Loaded l = byId.get(db.id(rs, "owner"));
            String attr = rs.getString("attr");
            switch (rs.getString("src")) {
                case ELEMENT:
                    elements(l.values, attr).add(rs.getString("text_value"));
                    return null;
                case LINK:
                    elements(l.values, attr).add(new OrganizationId(db.id(rs, "link_id")));
                    return null;
                default:
                    readCustom(db, rs, l, attr.substring(AttributeDefinition.CUSTOM_PREFIX.length()));
                    return null;
            }
        });
        List<T> result = new ArrayList<>(rows.size());
        for (Loaded l : rows) {
            result.add(build(l));
        }
        return Optional.of(result);
    }

    /** Where a row of the child-table union comes from. */
    private static final String CUSTOM = "C";
    private static final String ELEMENT = "E";
    private static final String LINK = "L";

    private static void readCustom(Db db, ResultSet rs, Loaded l, String key) throws SQLException {
        switch (rs.getString("kind")) {
            case TEXT_SET:
                elements(l.custom, key).add(rs.getString("text_value"));
                break;
            case TEXT:
                l.custom.put(key, rs.getString("text_value"));
                break;
            case NUMBER:
                l.custom.put(key, rs.getBigDecimal("number_value"));
                break;
            case DATE:
                l.custom.put(key, db.instant(rs, "date_value"));
                break;
            case BOOLEAN:
                l.custom.put(key, rs.getBoolean("boolean_value"));
                break;
            default:
                throw new SQLException("unknown custom value kind " + rs.getString("kind"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> elements(Map<String, Object> values, String key) {
        return (List<Object>) values.computeIfAbsent(key, k -> new ArrayList<>());
    }

    private Loaded mainRow(Db db, ResultSet rs) throws SQLException {
        Loaded l = new Loaded(db.id(rs, "id"), rs.getLong("version"),
                table.target() == Target.ORGANIZATION ? rs.getLong("contact_count") : 0);
        for (EntityTable.Column c : columns) {
            Object v;
            switch (c.type()) {
                case NUMBER:
                    v = rs.getBigDecimal(c.name());
                    break;
                case DATE:
                    v = db.instant(rs, c.name());
                    break;
                case BOOLEAN:
                    boolean b = rs.getBoolean(c.name());
                    v = rs.wasNull() ? null : b;
                    break;
                default:
                    v = rs.getString(c.name());
                    break;
            }
            if (v != null) {
                l.values.put(c.attribute(), v);
            }
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    private <T extends Attributed> T build(Loaded l) {
        if (table.target() == Target.CONTACT) {
            Contact.Builder b = Contact.builder(new ContactId(l.id)).version(l.version);
            for (Map.Entry<String, Object> e : l.values.entrySet()) {
                if (!e.getKey().equals("primaryEmail") && !e.getKey().equals("primaryPhone")) {
                    b.set(e.getKey(), e.getValue());
                }
            }
            for (Map.Entry<String, Object> e : l.custom.entrySet()) {
                b.set(AttributeDefinition.CUSTOM_PREFIX + e.getKey(), e.getValue());
            }
            return (T) b.build();
        }
        Organization.Builder b = Organization.builder(new OrganizationId(l.id)).version(l.version).contacts(l.contactCount);
        for (Map.Entry<String, Object> e : l.values.entrySet()) {
            b.set(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : l.custom.entrySet()) {
            b.set(AttributeDefinition.CUSTOM_PREFIX + e.getKey(), e.getValue());
        }
        return (T) b.build();
    }
}

package dev.contacts.jpa;

import dev.contacts.model.EntityId;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A statement under construction: SQL text with {@code ?} placeholders and the values to
 * bind to them, in order. Values only ever reach the database as bind parameters; the
 * text holds nothing but SQL written in this module.
 */
final class Sql {
    /** Binds one parameter. */
    @FunctionalInterface
    interface Binder {
        void bind(Connection connection, PreparedStatement ps, int index) throws SQLException;
    }

    private final Dialect dialect;
    private final StringBuilder text = new StringBuilder(256);
    private final List<Binder> binders = new ArrayList<>();

    Sql(Dialect dialect) {
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Appends SQL text written in this module (never a value). */
    Sql append(String sql) {
        text.append(sql);
        return this;
    }

    /** Appends another statement part with its values. */
    Sql append(Sql other) {
        text.append(other.text);
        binders.addAll(other.binders);
        return this;
    }

    /** Appends {@code ?} bound to a value: text, number, instant, boolean, UUID, entity id, whole number or bytes (not null). */
    Sql value(Object value) {
        text.append('?');
        binders.add(binder(dialect, value));
        return this;
    }

    /** Appends {@code ?} bound to a value of a column type, which may be null. */
    Sql value(ColumnType type, Object value) {
        text.append('?');
        binders.add(binder(dialect, type, value));
        return this;
    }

    /** Appends the dialect's condition that {@code column} is in a set of ids, bound as one parameter. */
    Sql idIn(String column, Collection<UUID> ids) {
        text.append(dialect.idIn(column));
        List<UUID> copy = List.copyOf(ids);
        binders.add((c, ps, i) -> dialect.setIdSet(c, ps, i, copy));
        return this;
    }

    /**
     * Appends {@code FROM table alias WHERE alias.property_id = :property AND alias.column IN :ids}
     * in the form whose plan seeks an index starting {@code (property_id, column)}: where the
     * dialect joins id sets ({@link Dialect#joinsIdSets()}, H2, whose {@code IN} and
     * {@code = ANY} seek an index only on its first column) a join of the table of the ids on
     * the rows, {@code FROM set_ JOIN table alias ON alias.column = set_.v}, one index lookup
     * per id; elsewhere the dialect's id-set condition ({@link #idIn}). The select list names
     * the table's columns through {@code alias}; {@code set_} adds one column, {@code v}.
     * Only for a set without duplicates (the join would repeat a row per copy).
     *
     * @param table    the table read
     * @param alias    its alias
     * @param property the property
     * @param column   the id column tested, unqualified
     * @param ids      distinct ids
     * @return this builder, after the WHERE's conditions (callers may append {@code AND …})
     */
    Sql fromIdSet(String table, String alias, String property, String column, Collection<UUID> ids) {
        if (dialect.joinsIdSets()) {
            List<UUID> copy = List.copyOf(ids);
            return joinSet(dialect.idTable(), (c, ps, i) -> dialect.setIdSet(c, ps, i, copy), table, alias, property, column);
        }
        append(" FROM " + table + " " + alias + " WHERE " + alias + ".property_id = ").value(property).append(" AND ");
        return idIn(alias + "." + column, ids);
    }

    /**
     * {@link #fromIdSet} for a set of texts (folds): a join of the table of the texts where the
     * dialect joins sets, {@code alias.column IN (?, ?, …)} elsewhere.
     *
     * @param table    the table read
     * @param alias    its alias
     * @param property the property
     * @param column   the text column tested, unqualified
     * @param texts    distinct texts, at least one
     * @return this builder, after the WHERE's conditions
     */
    Sql fromTextSet(String table, String alias, String property, String column, Collection<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("an empty set of texts");
        }
        if (dialect.joinsIdSets()) {
            Object[] copy = texts.toArray();
            return joinSet("UNNEST(CAST(? AS VARCHAR ARRAY))", (c, ps, i) -> ps.setArray(i, c.createArrayOf("VARCHAR", copy)), table, alias,
                    property, column);
        }
        append(" FROM " + table + " " + alias + " WHERE " + alias + ".property_id = ").value(property).append(" AND " + alias + "." + column
                + " IN (");
        int i = 0;
        for (String t : texts) {
            append(i++ == 0 ? "" : ", ").value(t);
        }
        return append(")");
    }

    /**
     * Appends {@code FROM table alias WHERE alias.property_id = :property AND alias.id IN :ids
     * ORDER BY alias.id FOR UPDATE}: rows of a set of ids locked in id order, the order every
     * writer locks a table's rows in, so that two writers do not wait for each other. On H2,
     * whose planner answers an {@code ORDER BY} over the joined ids by reading the whole
     * property in key order, the ids are joined already in H2's order of ids ({@link #H2_ID_ORDER})
     * with no {@code ORDER BY}: its nested loop seeks them, and returns and locks the rows, in
     * that order.
     *
     * @param table    the table read, whose key is {@code (property_id, id)}
     * @param alias    its alias, for the select list
     * @param property the property
     * @param ids      distinct ids
     * @return this builder, complete
     */
    Sql fromIdSetForUpdate(String table, String alias, String property, Collection<UUID> ids) {
        if (dialect.joinsIdSets()) {
            List<UUID> ordered = new ArrayList<>(ids);
            ordered.sort(H2_ID_ORDER);
            return fromIdSet(table, alias, property, "id", ordered).append(" FOR UPDATE");
        }
        return fromIdSet(table, alias, property, "id", ids).append(" ORDER BY " + alias + ".id FOR UPDATE");
    }

    /** The order of H2's UUID values: both halves compared as unsigned numbers (Java's {@link UUID#compareTo} signs them). */
    static final Comparator<UUID> H2_ID_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /**
     * Appends {@code DELETE FROM table WHERE property_id = :property AND column IN :ids} and
     * the further {@code condition} ({@code " AND …"}, or null). Where the dialect joins id
     * sets (H2, whose {@code IN} reads the whole property) it is
     * {@code MERGE INTO table USING ids ON … WHEN MATCHED AND … THEN DELETE}, which seeks the
     * rows of each id.
     *
     * @param ids distinct ids (H2's {@code MERGE} refuses a row matched twice)
     * @return this builder, complete
     */
    Sql deleteIdSet(String table, String property, String column, Collection<UUID> ids, Sql condition) {
        if (dialect.joinsIdSets()) {
            mergeIdSet(table, property, column, ids).append(" WHEN MATCHED");
            if (condition != null) {
                append(condition);
            }
            return append(" THEN DELETE");
        }
        append("DELETE FROM " + table + " WHERE property_id = ").value(property).append(" AND ").idIn(column, ids);
        return condition == null ? this : append(condition);
    }

    /**
     * Appends {@code UPDATE table SET assignments WHERE property_id = :property AND column IN :ids};
     * on H2 a {@code MERGE … WHEN MATCHED THEN UPDATE SET assignments}, which seeks the rows of
     * each id (see {@link #deleteIdSet}).
     *
     * @param ids         distinct ids
     * @param assignments the {@code SET} list, e.g. {@code version = version + 1, updated = ?}
     * @return this builder, complete
     */
    Sql updateIdSet(String table, String property, String column, Collection<UUID> ids, Sql assignments) {
        if (dialect.joinsIdSets()) {
            return mergeIdSet(table, property, column, ids).append(" WHEN MATCHED THEN UPDATE SET ").append(assignments);
        }
        return append("UPDATE " + table + " SET ").append(assignments).append(" WHERE property_id = ").value(property).append(" AND ")
                .idIn(column, ids);
    }

    /** {@code MERGE INTO table USING ids set_(v) ON table.property_id = :property AND table.column = set_.v}. */
    private Sql mergeIdSet(String table, String property, String column, Collection<UUID> ids) {
        List<UUID> copy = List.copyOf(ids);
        text.append("MERGE INTO ").append(table).append(" USING ").append(dialect.idTable()).append(" set_(v) ON ").append(table)
                .append(".property_id = ");
        binders.add((c, ps, i) -> dialect.setIdSet(c, ps, i, copy));
        return value(property).append(" AND " + table + "." + column + " = set_.v");
    }

    /** {@code FROM set set_(v) JOIN table alias ON alias.column = set_.v WHERE alias.property_id = :property}. */
    private Sql joinSet(String set, Binder values, String table, String alias, String property, String column) {
        text.append(" FROM ").append(set).append(" set_(v) JOIN ").append(table).append(' ').append(alias).append(" ON ").append(alias)
                .append('.').append(column).append(" = set_.v");
        binders.add(values);
        return append(" WHERE " + alias + ".property_id = ").value(property);
    }

    /**
     * Appends the keyset seek and order of a newest-first list: rows strictly past the
     * position (older, or as old with a smaller id) in the index-friendly form
     * {@code t <= :t AND (t < :t OR id < :id)}, then {@code ORDER BY t DESC, id DESC LIMIT n}.
     *
     * @param timeColumn the time column
     * @param idColumn   the id column
     * @param before     the time at the position, or null for the newest rows
     * @param beforeId   the id at the position, or null with {@code before}
     * @param limit      most rows
     * @return this builder
     */
    Sql newestFirst(String timeColumn, String idColumn, Instant before, UUID beforeId, int limit) {
        if (before != null) {
            append(" AND " + timeColumn + " <= ").value(before).append(" AND (" + timeColumn + " < ").value(before)
                    .append(" OR " + idColumn + " < ").value(beforeId).append(")");
        }
        return append(" ORDER BY " + timeColumn + " DESC, " + idColumn + " DESC LIMIT " + limit);
    }

    /** @return the SQL text */
    String text() {
        return text.toString();
    }

    /** Prepares the statement and binds every value. */
    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(text.toString());
        try {
            bind(connection, ps, binders);
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    static void bind(Connection connection, PreparedStatement ps, List<Binder> binders) throws SQLException {
        for (int i = 0; i < binders.size(); i++) {
            binders.get(i).bind(connection, ps, i + 1);
        }
    }

    /**
     * @param dialect the dialect
     * @param value   a value of a supported class, not null; bytes are bound as a stream (a LOB needs no copy)
     * @return its binder
     */
    static Binder binder(Dialect dialect, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a null needs its column type: use binder(dialect, type, null)");
        }
        if (value instanceof String) {
            String s = (String) value;
            return (c, ps, i) -> ps.setString(i, s);
        }
        if (value instanceof BigDecimal) {
            BigDecimal n = (BigDecimal) value;
            return (c, ps, i) -> ps.setBigDecimal(i, n);
        }
        if (value instanceof Instant) {
            Instant t = (Instant) value;
            return (c, ps, i) -> dialect.setInstant(ps, i, t);
        }
        if (value instanceof Boolean) {
            boolean b = (Boolean) value;
            return (c, ps, i) -> ps.setBoolean(i, b);
        }
        if (value instanceof UUID) {
            UUID id = (UUID) value;
            return (c, ps, i) -> dialect.setId(ps, i, id);
        }
        if (value instanceof EntityId) {
            UUID id = ((EntityId) value).value();
            return (c, ps, i) -> dialect.setId(ps, i, id);
        }
        if (value instanceof byte[]) {
            byte[] bytes = (byte[]) value;
            return (c, ps, i) -> ps.setBinaryStream(i, new ByteArrayInputStream(bytes), bytes.length);
        }
        if (value instanceof Long || value instanceof Integer) {
            long n = ((Number) value).longValue();
            return (c, ps, i) -> ps.setLong(i, n);
        }
        throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
    }

    /**
     * @param dialect the dialect
     * @param type    the column's type, which fixes how a null is bound
     * @param value   the value, or null
     * @return its binder
     */
    static Binder binder(Dialect dialect, ColumnType type, Object value) {
        if (value != null) {
            return binder(dialect, value);
        }
        switch (type) {
            case INSTANT: return (c, ps, i) -> dialect.setInstant(ps, i, null);
            case NUMBER: return (c, ps, i) -> ps.setNull(i, Types.DECIMAL);
            case BOOLEAN: return (c, ps, i) -> ps.setNull(i, Types.BOOLEAN);
            case LONG: return (c, ps, i) -> ps.setNull(i, Types.BIGINT);
            case ID: return (c, ps, i) -> ps.setNull(i, Types.OTHER);
            default: return (c, ps, i) -> ps.setNull(i, Types.VARCHAR);
        }
    }

    /** The SQL kinds of values this module binds. */
    enum ColumnType {
        /** VARCHAR. */
        TEXT,
        /** DECIMAL(24,6). */
        NUMBER,
        /** An instant (timestamptz, TIMESTAMP WITH TIME ZONE, DATETIME(3) in UTC). */
        INSTANT,
        /** BOOLEAN. */
        BOOLEAN,
        /** An id (uuid, BINARY(16)). */
        ID,
        /** BIGINT or INT. */
        LONG
    }
}

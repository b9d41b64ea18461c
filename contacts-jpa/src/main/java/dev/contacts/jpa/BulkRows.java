package dev.contacts.jpa;

import dev.contacts.jpa.Sql.ColumnType;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * New rows of one table, written in bulk: on PostgreSQL with {@code COPY … FROM STDIN} (the
 * driver's {@code CopyManager}, on the connection of the current transaction: inside a host's
 * transaction the host's connection, committed by nobody but the host) when there are at least
 * {@value #COPY_THRESHOLD} rows and the connection unwraps to the driver's; otherwise, and on
 * H2 and MariaDB, one JDBC batch (multi-row inserts where the driver rewrites batches). Either
 * way the rows go in all or none: a broken key fails the whole statement.
 *
 * <p>Not thread-safe: one transaction fills and writes it.
 */
final class BulkRows {
    /** Fewer rows than this go through the batch: a COPY costs a round trip of its own, like a statement. */
    static final int COPY_THRESHOLD = 32;

    private final String table;
    private final List<String> columns;
    private final List<ColumnType> types;
    private final List<Object[]> rows = new ArrayList<>();

    /**
     * @param table   the table
     * @param columns its columns the rows give, in order
     * @param types   their types (how a null is bound), same order
     */
    BulkRows(String table, List<String> columns, List<ColumnType> types) {
        if (columns.size() != types.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + types.size() + " types");
        }
        this.table = table;
        this.columns = List.copyOf(columns);
        this.types = List.copyOf(types);
    }

    /**
     * Adds a row.
     *
     * @param values one value per column (String, BigDecimal, Instant, Boolean, UUID, Integer or Long), null for NULL
     */
    void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for the " + columns.size() + " columns of " + table);
        }
        rows.add(values);
    }

    int size() {
        return rows.size();
    }

    /** Inserts the rows (nothing when there are none). */
    void write(Db db) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (db.dialect() == Dialect.POSTGRESQL && rows.size() >= COPY_THRESHOLD
                && db.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN", copyText(), rows.size())) {
            return;
        }
        List<List<Sql.Binder>> binders = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<Sql.Binder> b = new ArrayList<>(row.length);
            for (int i = 0; i < row.length; i++) {
                b.add(Sql.binder(db.dialect(), types.get(i), row[i]));
            }
            binders.add(b);
        }
        db.batch("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)",
                binders);
    }

    /** @return the rows in COPY's text format: tab-separated, {@code \N} for NULL, backslash escapes */
    String copyText() {
        StringBuilder out = new StringBuilder(rows.size() * columns.size() * 16);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                appendCopyValue(out, row[i]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void appendCopyValue(StringBuilder out, Object v) {
        if (v == null) {
            out.append("\\N");
        } else if (v instanceof String) {
            String s = (String) v;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\': out.append("\\\\"); break;
                    case '\n': out.append("\\n"); break;
                    case '\r': out.append("\\r"); break;
                    case '\t': out.append("\\t"); break;
                    default: out.append(c); break;
                }
            }
        } else if (v instanceof BigDecimal) {
            out.append(((BigDecimal) v).toPlainString());
        } else if (v instanceof Boolean) {
            out.append((Boolean) v ? 't' : 'f');
        } else if (v instanceof Instant || v instanceof UUID || v instanceof Integer || v instanceof Long) {
            out.append(v); // ISO-8601 with Z, canonical UUID text, decimal digits: what PostgreSQL reads
        } else {
            throw new IllegalArgumentException("cannot copy a " + v.getClass().getName());
        }
    }
}

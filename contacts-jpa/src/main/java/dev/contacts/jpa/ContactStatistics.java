package dev.contacts.jpa;

import java.time.Instant;
import java.util.UUID;

/**
 * The assignments of an {@code UPDATE contact SET …} that feed a contact's statistics in the
 * database, never read-modify-write in Java. Counters start from unknown ({@code NULL + 1}
 * is NULL, hence {@code COALESCE}); first/last dates are {@code CASE} forms because MariaDB's
 * {@code LEAST}/{@code GREATEST} return NULL when an argument is NULL.
 */
final class ContactStatistics {
    private ContactStatistics() {
    }

    /** Appends {@code column = COALESCE(column, 0) + n, }. */
    static Sql add(Sql sql, String column, long n) {
        return sql.append(column + " = COALESCE(" + column + ", 0) + ").value(n).append(", ");
    }

    /** Appends {@code column = } the earlier of the stored value (unknown: none) and {@code at}{@code , }. */
    static Sql earliest(Sql sql, String column, Instant at) {
        return sql.append(column + " = CASE WHEN " + column + " IS NULL OR " + column + " > ").value(at).append(" THEN ").value(at)
                .append(" ELSE " + column + " END, ");
    }

    /** Appends {@code column = } the later of the stored value (unknown: none) and {@code at}{@code , }. */
    static Sql latest(Sql sql, String column, Instant at) {
        return sql.append(column + " = CASE WHEN " + column + " IS NULL OR " + column + " < ").value(at).append(" THEN ").value(at)
                .append(" ELSE " + column + " END, ");
    }

    /**
     * Appends {@code version = version + 1 WHERE property_id = ? AND id = ?}, which ends
     * every statistics update: activity is not an edit, but an edit based on an older read
     * must conflict.
     */
    static Sql bumpVersion(Sql sql, String property, UUID contact) {
        return sql.append("version = version + 1 WHERE property_id = ").value(property).append(" AND id = ").value(contact);
    }
}

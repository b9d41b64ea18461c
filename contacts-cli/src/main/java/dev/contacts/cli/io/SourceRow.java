package dev.contacts.cli.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row read from an import file: its line number, and either its values by key or why it
 * could not be read. Values are as read: from JSON a {@code String}, {@code BigDecimal},
 * {@code Boolean}, a {@code List} of those, or {@code null}; from CSV a {@code String}, or
 * {@code null} for an empty cell.
 *
 * @param line   1-based line where the row starts
 * @param values the values by key, in file order (null when unreadable)
 * @param csv    whether the values are CSV cell texts
 * @param error  why the row could not be read, or null
 */
public record SourceRow(long line, Map<String, Object> values, boolean csv, String error) {
    /**
     * Copies the values, keeping nulls.
     *
     * @param line   1-based line where the row starts
     * @param values the values by key, in file order (null when unreadable)
     * @param csv    whether the values are CSV cell texts
     * @param error  why the row could not be read, or null
     */
    public SourceRow {
        values = values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param line  the line
     * @param error why it cannot be read
     * @return an unreadable row
     */
    public static SourceRow unreadable(long line, String error) {
        return new SourceRow(line, null, false, error);
    }
}

package dev.contacts.cli.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a multi-valued attribute in one CSV cell: values separated by {@code ;}, with
 * {@code ;} and {@code \} inside a value escaped by {@code \} ({@code a\;b} is the one value
 * {@code a;b}, {@code a\\b} is {@code a\b}).
 */
public final class Cells {
    private Cells() {
    }

    /**
     * @param values the values
     * @return one cell holding them
     */
    public static String join(List<String> values) {
        StringBuilder cell = new StringBuilder();
        for (String v : values) {
            if (cell.length() > 0) {
                cell.append(';');
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == ';' || c == '\\') {
                    cell.append('\\');
                }
                cell.append(c);
            }
        }
        return cell.toString();
    }

    /**
     * @param cell a cell
     * @return its values, in order (empty values included; normalisation drops them)
     * @throws IllegalArgumentException if a {@code \} is not followed by {@code ;} or {@code \}
     */
    public static List<String> split(String cell) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\') {
                if (i + 1 == cell.length() || (cell.charAt(i + 1) != ';' && cell.charAt(i + 1) != '\\')) {
                    throw new IllegalArgumentException("'\\' at position " + (i + 1) + " must be followed by ';' or '\\' (write '\\\\' for a backslash)");
                }
                current.append(cell.charAt(++i));
            } else if (c == ';') {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString());
        return values;
    }
}

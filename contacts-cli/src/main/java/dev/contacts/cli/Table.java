package dev.contacts.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header, rows, columns as wide as their widest cell (cut at
 * {@value #MAX_WIDTH} characters); cells are printed through {@link TerminalText}, so a value's
 * control characters show as escapes instead of acting on the terminal.
 */
final class Table {
    static final int MAX_WIDTH = 40;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
        this.header = safe(header);
    }

    void add(List<String> row) {
        rows.add(safe(row));
    }

    private static List<String> safe(List<String> cells) {
        List<String> escaped = new ArrayList<>(cells.size());
        for (String cell : cells) {
            escaped.add(TerminalText.escape(cell));
        }
        return escaped;
    }

    int size() {
        return rows.size();
    }

    void print(PrintWriter out, String indent) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(header.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, width(row.get(i))));
            }
        }
        line(out, indent, header, widths);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        line(out, indent, rule, widths);
        for (List<String> row : rows) {
            line(out, indent, row, widths);
        }
    }

    private static void line(PrintWriter out, String indent, List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cut(cells.get(i));
            b.append(cell);
            if (i < cells.size() - 1) {
                b.append(" ".repeat(widths[i] - width(cell) + 2));
            }
        }
        out.println(b.toString().stripTrailing());
    }

    private static String cut(String cell) {
        if (width(cell) <= MAX_WIDTH) {
            return cell;
        }
        return cell.substring(0, cell.offsetByCodePoints(0, MAX_WIDTH - 1)) + "…";
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}

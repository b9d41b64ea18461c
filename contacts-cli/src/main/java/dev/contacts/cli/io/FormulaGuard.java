package dev.contacts.cli.io;

/**
 * Keeps spreadsheets from running exported text: a CSV cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is a formula to Excel, LibreOffice and
 * Google Sheets ({@code =HYPERLINK(...)}, {@code +cmd|...}), so export prefixes it with a single
 * quote, as OWASP recommends against CSV injection. Reading it back must give the value as it
 * was, so a value that already starts with quotes before such a character gets one more quote,
 * and import takes exactly one off: {@code =x} ↔ {@code '=x}, {@code '=x} ↔ {@code ''=x};
 * every other cell (such as {@code 'plain}) is left as it is both ways.
 */
public final class FormulaGuard {
    private FormulaGuard() {
    }

    /**
     * @param cell a cell's text as export would write it
     * @return the text to write: with one quote more when a spreadsheet would take it (or its unquoted form) as a formula
     */
    public static String neutralise(String cell) {
        return guarded(cell) ? "'" + cell : cell;
    }

    /**
     * @param cell a cell's text as read from a file
     * @return the value: one leading quote less when it stands before a formula character, else the cell as it is
     */
    public static String restore(String cell) {
        return cell.startsWith("'") && guarded(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** Whether the text, after any leading quotes, starts with a character that makes a formula. */
    private static boolean guarded(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}

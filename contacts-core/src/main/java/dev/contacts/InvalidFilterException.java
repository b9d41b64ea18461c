package dev.contacts;

/**
 * A filter is not valid: a syntax error in its canonical text (with the 1-based line and
 * column, in code points, and what was expected there), an operator that does not fit an
 * attribute's type, a blank or malformed operand, or a broken limit.
 */
public class InvalidFilterException extends ContactsException {
    private static final long serialVersionUID = 1L;
    /** 1-based line of a syntax error, 0 when the error has no position. */
    private final int line;
    /** 1-based column in code points, 0 when the error has no position. */
    private final int column;
    /** What the parser expected at the position, null when the error has no position. */
    private final String expected;

    /** @param message what is wrong with the filter and how to fix it */
    public InvalidFilterException(String message) {
        super(message);
        this.line = 0;
        this.column = 0;
        this.expected = null;
    }

    /**
     * A syntax error at a position of the filter text.
     *
     * @param message  what is wrong
     * @param line     1-based line
     * @param column   1-based column, counted in code points
     * @param expected what the parser expected at that position
     */
    public InvalidFilterException(String message, int line, int column, String expected) {
        super(message + " at line " + line + ", column " + column + " (expected " + expected + ")");
        this.line = line;
        this.column = column;
        this.expected = expected;
    }

    /** @return 1-based line of a syntax error, or 0 when the error has no position */
    public int line() {
        return line;
    }

    /** @return 1-based column (in code points) of a syntax error, or 0 when the error has no position */
    public int column() {
        return column;
    }

    /** @return what the parser expected at the error position, or {@code null} when the error has no position */
    public String expected() {
        return expected;
    }
}

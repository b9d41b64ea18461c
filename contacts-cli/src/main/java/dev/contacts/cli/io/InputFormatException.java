package dev.contacts.cli.io;

/** A whole input file cannot be read as its format (a broken CSV header, an unclosed quote): exit code 2. */
public final class InputFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public InputFormatException(String message) {
        super(message);
    }
}

package dev.contacts.cli;

/**
 * Bad usage or bad input the tool itself detects (an unreadable file format, a store URL no
 * module handles…): exit code 2, its message printed as the one sentence on standard error.
 */
public final class CliUsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do instead, one sentence */
    public CliUsageException(String message) {
        super(message);
    }
}

package dev.contacts.cli;

import dev.contacts.InvalidFilterException;

/** A filter given on the command line has a syntax error; carries the text to print it with a caret. */
final class FilterTextException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String text;

    FilterTextException(String text, InvalidFilterException cause) {
        super(cause.getMessage(), cause);
        this.text = text;
    }

    String text() {
        return text;
    }

    @Override
    public synchronized InvalidFilterException getCause() {
        return (InvalidFilterException) super.getCause();
    }
}

package dev.contacts;

/**
 * Root of every exception the contacts SDK throws. Unchecked: each subclass names a
 * precise cause, and its message says what to do about it.
 */
public class ContactsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and what to do about it */
    public ContactsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause   the underlying failure
     */
    public ContactsException(String message, Throwable cause) {
        super(message, cause);
    }
}

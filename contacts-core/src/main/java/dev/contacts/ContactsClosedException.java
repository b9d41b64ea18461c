package dev.contacts;

/**
 * A call was made on a {@link Contacts} (or one of its services) after
 * {@link Contacts#close()}: build a new one. Nothing was read or written.
 */
public class ContactsClosedException extends ContactsException {
    private static final long serialVersionUID = 1L;

    /** @param message what was called */
    public ContactsClosedException(String message) {
        super(message);
    }
}

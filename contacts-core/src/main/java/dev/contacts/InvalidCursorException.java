package dev.contacts;

/**
 * A paging cursor is damaged or belongs to another query (other property, filter, sort,
 * zone or instant). Start again from the first page.
 */
public class InvalidCursorException extends ContactsException {
    private static final long serialVersionUID = 1L;

    /** @param message why the cursor is refused */
    public InvalidCursorException(String message) {
        super(message);
    }
}

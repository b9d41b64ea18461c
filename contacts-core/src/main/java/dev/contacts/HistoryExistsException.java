package dev.contacts;

/**
 * A contact was not deleted because it has history (tickets, notes, chats, web sessions),
 * or an organization because it has notes, and the SDK was built with {@link DeletionPolicy#REFUSE_WHEN_HISTORY}. Nothing was
 * changed; the message says what history it has.
 */
public class HistoryExistsException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** @param message what history exists and what to do */
    public HistoryExistsException(String message) {
        super(message);
    }
}

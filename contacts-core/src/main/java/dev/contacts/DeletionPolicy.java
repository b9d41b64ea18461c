package dev.contacts;

/**
 * What deleting a contact does to its history (tickets with their messages and
 * attachments, notes, chats and web sessions), and deleting an organization to its notes,
 * set with {@code Contacts.builder().deletionPolicy(...)}. Either way nothing is left
 * orphaned.
 */
public enum DeletionPolicy {
    /** The history is deleted with the contact (the default). */
    CASCADE,
    /**
     * A contact that has history (or an organization that has notes) is not deleted: {@link ContactService#delete} throws
     * {@link HistoryExistsException} and {@link ContactService#deleteAll} skips it and
     * reports it. For helpdesks that must keep every conversation (audits, disputes).
     */
    REFUSE_WHEN_HISTORY
}

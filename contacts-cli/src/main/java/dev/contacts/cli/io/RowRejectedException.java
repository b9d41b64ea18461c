package dev.contacts.cli.io;

/** One input row cannot be imported; the message is the reason printed beside its line number. */
public final class RowRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason why, naming the key at fault */
    public RowRejectedException(String reason) {
        super(reason);
    }
}

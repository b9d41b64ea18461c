package dev.contacts;

/**
 * A write lost a race or would break a uniqueness rule: the object was changed since the
 * version given (reload it and apply the change again), or the email, name or key is
 * already taken in this property. Nothing was written.
 */
public class ConflictException extends ContactsException {
    private static final long serialVersionUID = 1L;

    /** @param message what conflicted and what to do */
    public ConflictException(String message) {
        super(message);
    }
}

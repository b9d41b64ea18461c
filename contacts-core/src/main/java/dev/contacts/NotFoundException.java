package dev.contacts;

/**
 * The contact, organization, property or other object does not exist in this property.
 * An id from another property is not found either: nothing crosses properties.
 */
public class NotFoundException extends ContactsException {
    private static final long serialVersionUID = 1L;

    /** @param message what was looked for, in which property */
    public NotFoundException(String message) {
        super(message);
    }
}

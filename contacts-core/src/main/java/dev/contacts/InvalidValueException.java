package dev.contacts;

/**
 * A value given for an attribute (or a request parameter such as a page size or an id)
 * is not acceptable: wrong type, too long, out of range, or malformed. Nothing was
 * written.
 */
public class InvalidValueException extends ContactsException {
    private static final long serialVersionUID = 1L;
    /** The attribute (or field) whose value was refused. */
    private final String attribute;

    /**
     * @param attribute the attribute or parameter whose value is rejected
     * @param message   why, and what would be accepted
     */
    public InvalidValueException(String attribute, String message) {
        super(attribute + ": " + message);
        this.attribute = attribute;
    }

    /** @return the attribute or parameter whose value was rejected */
    public String attribute() {
        return attribute;
    }
}

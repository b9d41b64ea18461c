package dev.contacts;

/**
 * An attribute name is neither built in nor a custom attribute defined in this property
 * for this target. Define it first (custom attributes are named {@code custom.<key>}).
 */
public class UnknownAttributeException extends ContactsException {
    private static final long serialVersionUID = 1L;
    /** The name that is not an attribute. */
    private final String attribute;

    /**
     * @param attribute the unknown name
     * @param message   what is wrong and what to do
     */
    public UnknownAttributeException(String attribute, String message) {
        super(message);
        this.attribute = attribute;
    }

    /** @return the attribute name that is not known */
    public String attribute() {
        return attribute;
    }
}

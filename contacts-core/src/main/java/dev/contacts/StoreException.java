package dev.contacts;

/**
 * The underlying store (database, driver) failed. Wraps the driver's exception and names
 * the operation that failed; whether the operation took effect is as the store's
 * atomicity rules say (single-aggregate writes are all or nothing).
 */
public class StoreException extends ContactsException {
    private static final long serialVersionUID = 1L;
    /** The store operation that failed. */
    private final String operation;

    /**
     * @param operation the store operation that failed, e.g. {@code contacts.find}
     * @param cause     the driver's exception
     */
    public StoreException(String operation, Throwable cause) {
        super(operation + " failed in the store: " + cause, cause);
        this.operation = operation;
    }

    /**
     * @param operation the store operation that failed
     * @param message   what failed
     */
    public StoreException(String operation, String message) {
        super(operation + " failed in the store: " + message);
        this.operation = operation;
    }

    /**
     * @param operation the store operation that failed
     * @param message   what failed
     * @param cause     the driver's exception
     */
    public StoreException(String operation, String message, Throwable cause) {
        super(operation + " failed in the store: " + message, cause);
        this.operation = operation;
    }

    /** @return the store operation that failed */
    public String operation() {
        return operation;
    }
}

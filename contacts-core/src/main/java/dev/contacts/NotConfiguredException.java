package dev.contacts;

/**
 * A feature needs a host SPI that was not set on {@code Contacts.builder()}; the message
 * names the SPI to provide.
 */
public class NotConfiguredException extends ContactsException {
    private static final long serialVersionUID = 1L;

    /** @param message which SPI is missing and how to provide it */
    public NotConfiguredException(String message) {
        super(message);
    }
}

package dev.contacts.spi;

import dev.contacts.model.Contact;
import java.util.Objects;

/**
 * One row of {@link ContactRepository#updateAll}: the new state of a contact and the
 * version it was computed from.
 *
 * @param contact         the new state, with version {@code expectedVersion + 1}
 * @param expectedVersion the stored version the change is based on
 */
public record ContactUpdate(Contact contact, long expectedVersion) {
    /**
     * Checks that the contact is given and one version above {@code expectedVersion}.
     *
     * @param contact         the new state, with version {@code expectedVersion + 1}
     * @param expectedVersion the stored version the change is based on
     */
    public ContactUpdate {
        Objects.requireNonNull(contact, "contact");
        if (contact.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("the new state of contact " + contact.id() + " must have version " + (expectedVersion + 1)
                    + ", not " + contact.version());
        }
    }
}

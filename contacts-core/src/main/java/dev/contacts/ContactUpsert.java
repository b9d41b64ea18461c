package dev.contacts;

import dev.contacts.model.AttributeChanges;
import dev.contacts.model.ContactId;
import dev.contacts.model.Values;
import java.util.Objects;

/**
 * One row of {@link ContactService#upsertAll}: which contact it is about and the change to
 * apply. The contact is the one {@code id} names in the property; if there is none (or no
 * id is given), the one having {@code email} (compared by fold); if there is none either, a
 * new contact is created with {@code email} as primary address (unless the change sets
 * {@code emails} or {@code primaryEmail} itself).
 *
 * @param id      the contact to update, or null
 * @param email   the address to find or create the contact by, in normal form (stripped, NFC), or null
 * @param changes the attributes to set
 */
public record ContactUpsert(ContactId id, String email, AttributeChanges changes) {
    /**
     * Normalises the email and checks that the row names a contact.
     *
     * @param id      the contact to update, or null
     * @param email   the address to find or create the contact by, in normal form (stripped, NFC), or null
     * @param changes the attributes to set
     * @throws InvalidValueException if neither an id nor a non-blank email is given, or the email has forbidden characters
     */
    public ContactUpsert {
        Objects.requireNonNull(changes, "changes");
        email = email == null ? null : Values.text("email", email);
        if (id == null && email == null) {
            throw new InvalidValueException("email", "an upsert needs an email address or the id of a contact");
        }
    }

    /**
     * @param email   the address, compared by fold
     * @param changes the attributes to set
     * @return a row that updates the contact having this email, or creates one with it
     * @throws InvalidValueException if the email is blank or has forbidden characters
     */
    public static ContactUpsert byEmail(String email, AttributeChanges changes) {
        Objects.requireNonNull(email, "email");
        return new ContactUpsert(null, email, changes);
    }

    /**
     * @param id      the contact to update, or null
     * @param email   the address to fall back on when the id names no contact, or null
     * @param changes the attributes to set
     * @return the row
     * @throws InvalidValueException if neither an id nor a non-blank email is given
     */
    public static ContactUpsert of(ContactId id, String email, AttributeChanges changes) {
        return new ContactUpsert(id, email, changes);
    }
}

package dev.contacts.internal;

import dev.contacts.NotFoundException;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.PropertyId;
import java.time.Instant;
import java.util.List;

/**
 * The states a contact write produces, shared by the single-row operations and the batch
 * upsert so that both follow the same rules: a new contact is version 1 with
 * {@code created} defaulting to now; a changed contact is one version up; {@code updated}
 * is now on every write; an upsert creating a contact makes its address the primary one.
 * One instance reads the property's catalog once and is used for one operation.
 */
public final class ContactStates {
    private final AttributeCatalog catalog;
    private final PropertyId property;
    private final OrganizationLookup organizations;
    private final Instant now;

    /**
     * @param catalog       the property's contact attributes
     * @param property      the property
     * @param organizations tells which linked organizations exist
     * @param now           the instant of the write
     */
    public ContactStates(AttributeCatalog catalog, PropertyId property, OrganizationLookup organizations, Instant now) {
        this.catalog = catalog;
        this.property = property;
        this.organizations = organizations;
        this.now = now;
    }

    /**
     * @param changes the new contact's attributes
     * @return the contact to insert: a new id, version 1
     * @throws dev.contacts.UnknownAttributeException if an attribute is not defined
     * @throws dev.contacts.InvalidValueException     if a value does not fit
     * @throws dev.contacts.NotFoundException         if a linked organization does not exist
     */
    public Contact created(AttributeChanges changes) {
        Contact.Builder b = Contact.builder(ContactId.generate());
        ChangeApplier.apply(b, changes, catalog, property, organizations);
        if (b.get("created") == null) {
            b.set("created", now);
        }
        return b.set("updated", now).version(1).build();
    }

    /**
     * @param current the stored contact
     * @param changes the change
     * @return the contact with the change applied, same version and {@code updated}: equal to
     *         {@code current} when the change changes nothing
     * @throws dev.contacts.UnknownAttributeException if an attribute is not defined
     * @throws dev.contacts.InvalidValueException     if a value does not fit
     * @throws dev.contacts.NotFoundException         if a linked organization does not exist
     */
    public Contact applied(Contact current, AttributeChanges changes) {
        Contact.Builder b = current.toBuilder();
        ChangeApplier.apply(b, changes, catalog, property, organizations);
        return b.build();
    }

    /**
     * @param current the stored contact
     * @param applied {@link #applied} of it
     * @return the state to write: one version up, {@code updated} now
     */
    public Contact next(Contact current, Contact applied) {
        return applied.toBuilder().set("updated", now).version(current.version() + 1).build();
    }

    /**
     * @param id       the id an upsert row names
     * @param property the property
     * @return the error of a row whose id names no contact and that has no email to create one by
     */
    public static NotFoundException noContact(ContactId id, PropertyId property) {
        return new NotFoundException("id " + id + " is not a contact of property " + property
                + " and the row has no email to create it by");
    }

    /**
     * The change that creates a contact in an upsert by email: the row's change, with the
     * address as the only email unless the change sets {@code emails} or {@code primaryEmail}.
     *
     * @param email   the address in normal form
     * @param changes the row's change
     * @return the change to create the contact with
     */
    public static AttributeChanges creation(String email, AttributeChanges changes) {
        if (changes.values().containsKey("emails") || changes.values().containsKey("primaryEmail")) {
            return changes;
        }
        AttributeChanges.Builder withEmail = AttributeChanges.builder();
        changes.values().forEach(withEmail::set);
        return withEmail.set("emails", List.of(email)).build();
    }
}

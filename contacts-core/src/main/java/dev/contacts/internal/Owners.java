package dev.contacts.internal;

import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.OrganizationId;

/** Checks that the contact or organization a list or a write is about exists in the property. */
public final class Owners {
    private Owners() {
    }

    /**
     * @param field the parameter's name, for the error message
     * @param owner a contact or organization id
     * @throws InvalidValueException if it is null
     */
    public static void requireGiven(String field, EntityId owner) {
        if (owner == null) {
            throw new InvalidValueException(field, "is required");
        }
    }

    /**
     * @param context the property
     * @param field   the parameter's name, for the error message
     * @param owner   a contact or organization id
     * @throws InvalidValueException if it is null
     * @throws NotFoundException     if it is not in the property
     */
    public static void require(PropertyContext context, String field, EntityId owner) {
        requireGiven(field, owner);
        boolean isContact = owner instanceof ContactId;
        boolean exists = isContact
                ? context.store().contacts().exists(context.property().id(), (ContactId) owner)
                : context.store().organizations().exists(context.property().id(), (OrganizationId) owner);
        if (!exists) {
            throw new NotFoundException((isContact ? "contact " : "organization ") + owner + " does not exist in property "
                    + context.property().id());
        }
    }
}

package dev.contacts.internal;

import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.PropertyId;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What goes with a contact or an organization when it is deleted: a contact's tickets
 * (with messages, pending emails and attachment bytes), notes and activity (web sessions
 * and live chats); an organization's notes. The one place the cascade lives, so no
 * deletion path can forget a kind of history.
 *
 * <p>The history goes first, then the owner, then the history again. Every step is
 * idempotent, so a delete that fails half-way is completed by running it again; and
 * because stores refuse history for an owner that does not exist (checked atomically with
 * their write), the second sweep removes whatever a concurrent call added between the
 * first sweep and the owner's deletion: nothing is orphaned. {@code Contacts.recover()}
 * removes attachment bytes left behind.
 */
public final class ContactHistory {
    private static final Logger LOG = LoggerFactory.getLogger(ContactHistory.class);

    private ContactHistory() {
    }

    /**
     * Deletes a contact or an organization with its history.
     *
     * @param context     the property
     * @param owner       the contact or organization
     * @param deleteOwner deletes the owner itself; returns whether it existed
     * @return whether the owner existed
     */
    public static boolean deleteWith(PropertyContext context, EntityId owner, BooleanSupplier deleteOwner) {
        delete(context, owner);
        boolean existed = deleteOwner.getAsBoolean();
        if (existed) {
            delete(context, owner);
        }
        return existed;
    }

    /**
     * Deletes the history of a contact or an organization (not the owner itself).
     *
     * @param context the property
     * @param owner   the contact or organization about to be deleted
     */
    public static void delete(PropertyContext context, EntityId owner) {
        PropertyId pid = context.property().id();
        context.store().notes().deleteAllFor(pid, owner);
        if (!(owner instanceof ContactId)) {
            return;
        }
        ContactId contact = (ContactId) owner;
        context.store().activity().deleteAllFor(pid, contact);
        List<String> blobs = context.store().tickets().deleteAllFor(pid, contact);
        for (String key : blobs) {
            try {
                context.hosts().blobs().delete(key);
            } catch (RuntimeException e) {
                // the bytes are unreachable now; recover() deletes them later
                LOG.warn("{} could not delete attachment {} of deleted contact {}: {}", pid, key, contact, e.toString());
            }
        }
    }
}

package dev.contacts.internal;

import dev.contacts.DeletionPolicy;
import dev.contacts.HistoryExistsException;
import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ContactMerge;
import dev.contacts.spi.ContactStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What goes with a contact or an organization when it is deleted — a contact's tickets
 * (with messages, pending emails and attachment bytes), notes and activity (web sessions
 * and live chats); an organization's notes — and where a contact's history goes when the
 * contact is merged into another. The one place the cascade lives, so no deletion or merge
 * path can forget a kind of history.
 *
 * <p>A deletion removes the history first, then the owner, then the history again. Every
 * step is idempotent, so a delete that fails half-way is completed by running it again;
 * and because stores refuse history for an owner that does not exist (checked atomically
 * with their write), the second sweep removes whatever a concurrent call added between the
 * first sweep and the owner's deletion: nothing is orphaned. {@code Contacts.recover()}
 * removes attachment bytes left behind.
 */
public final class ContactHistory {
    private static final Logger LOG = LoggerFactory.getLogger(ContactHistory.class);
    /** Most items of one kind counted when describing history; more is said as "more than". */
    private static final int COUNTED = 1000;

    private ContactHistory() {
    }

    /**
     * Describes the history of a contact or an organization, for a refusal to delete it.
     *
     * @param context the property
     * @param owner   a contact or an organization
     * @return one phrase per kind of history it has ("2 tickets"); empty when it has none
     */
    public static List<String> describe(PropertyContext context, EntityId owner) {
        PropertyId pid = context.property().id();
        List<String> kinds = new ArrayList<>();
        add(kinds, context.store().notes().listByParent(pid, owner, null, null, COUNTED + 1).size(), "note");
        if (owner instanceof ContactId) {
            ContactId contact = (ContactId) owner;
            add(kinds, context.store().tickets().listByContact(pid, contact).size(), "ticket");
            add(kinds, context.store().activity().listChats(pid, contact, null, null, COUNTED + 1).size(), "chat");
            add(kinds, context.store().activity().listWebSessions(pid, contact, null, null, COUNTED + 1).size(), "web session");
        }
        return kinds;
    }

    private static void add(List<String> kinds, int count, String noun) {
        if (count > COUNTED) {
            kinds.add("more than " + COUNTED + " " + noun + "s");
        } else if (count > 0) {
            kinds.add(count + " " + noun + (count == 1 ? "" : "s"));
        }
    }

    /**
     * Whether the property's deletion policy lets a contact or an organization go, and why not.
     *
     * @param context the property
     * @param owner   a contact or an organization about to be deleted
     * @return empty when it may be deleted, else the refusal
     */
    public static Optional<HistoryExistsException> refusal(PropertyContext context, EntityId owner) {
        if (context.deletion() == DeletionPolicy.CASCADE) {
            return Optional.empty();
        }
        List<String> kinds = describe(context, owner);
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        String what = owner instanceof ContactId ? "contact " : "organization ";
        String keep = owner instanceof ContactId ? "merge it into another contact to keep its history, or " : "";
        return Optional.of(new HistoryExistsException(what + owner + " has " + String.join(", ", kinds)
                + " and the deletion policy is " + DeletionPolicy.REFUSE_WHEN_HISTORY + "; " + keep
                + "build the SDK with Contacts.builder().deletionPolicy(DeletionPolicy.CASCADE) to delete both"));
    }

    /**
     * Deletes a contact or an organization with its history: history, owner, history again.
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

    /**
     * Points the history of a merged-away contact (tickets, notes, web sessions, chats) at
     * the contact it was merged into. Idempotent, so a merge a crash interrupted is
     * completed by running it again.
     *
     * @param store    the store
     * @param property the property
     * @param from     the removed contact
     * @param to       the kept contact
     */
    public static void reassign(ContactStore store, PropertyId property, ContactId from, ContactId to) {
        store.tickets().reassign(property, from, to);
        store.notes().reassign(property, from, to);
        store.activity().reassign(property, from, to);
    }

    /**
     * Completes every merge of the property whose history still points at the removed contact.
     *
     * @param store    the store
     * @param property the property
     * @return how many merges were completed
     */
    public static long completeMerges(ContactStore store, PropertyId property) {
        long completed = 0;
        for (ContactMerge m : store.contacts().listPendingMerges(property)) {
            reassign(store, property, m.removed(), m.kept());
            store.contacts().completeMerge(property, m.removed());
            completed++;
        }
        return completed;
    }
}

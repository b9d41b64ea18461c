package dev.contacts.internal;

import dev.contacts.DeletionPolicy;
import dev.contacts.HistoryExistsException;
import dev.contacts.model.ContactId;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ContactMerge;
import dev.contacts.spi.ContactStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What goes with a contact when it is deleted: its tickets (with messages, pending emails
 * and attachment bytes) — and, as those features land, its notes and activity — and
 * where that history goes when the contact is merged into another. The one
 * place the cascade lives, so no deletion path can forget a kind of history. Children go
 * first and every step is idempotent, so a delete that fails half-way is completed by
 * running it again; {@code Contacts.recover()} removes attachment bytes left behind.
 */
public final class ContactHistory {
    private static final Logger LOG = LoggerFactory.getLogger(ContactHistory.class);

    private ContactHistory() {
    }

    /**
     * Describes the history of a contact, for a refusal to delete it.
     *
     * @param context the property
     * @param contact a contact
     * @return one phrase per kind of history it has ("2 tickets"); empty when it has none
     */
    public static List<String> describe(PropertyContext context, ContactId contact) {
        List<String> kinds = new ArrayList<>();
        int tickets = context.store().tickets().listByContact(context.property().id(), contact).size();
        if (tickets > 0) {
            kinds.add(tickets + (tickets == 1 ? " ticket" : " tickets"));
        }
        return kinds;
    }

    /**
     * Whether the property's deletion policy lets a contact go, and why not.
     *
     * @param context the property
     * @param contact a contact about to be deleted
     * @return empty when it may be deleted, else the refusal
     */
    public static Optional<HistoryExistsException> refusal(PropertyContext context, ContactId contact) {
        if (context.deletion() == DeletionPolicy.CASCADE) {
            return Optional.empty();
        }
        List<String> kinds = describe(context, contact);
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HistoryExistsException("contact " + contact + " has " + String.join(", ", kinds)
                + " and the deletion policy is " + DeletionPolicy.REFUSE_WHEN_HISTORY + "; merge it into another contact to keep its "
                + "history, or build the SDK with Contacts.builder().deletionPolicy(DeletionPolicy.CASCADE) to delete both"));
    }

    /**
     * Deletes the history of a contact (not the contact itself).
     *
     * @param context the property
     * @param contact the contact about to be deleted
     */
    public static void delete(PropertyContext context, ContactId contact) {
        List<String> blobs = context.store().tickets().deleteAllFor(context.property().id(), contact);
        for (String key : blobs) {
            try {
                context.hosts().blobs().delete(key);
            } catch (RuntimeException e) {
                // the bytes are unreachable now; recover() deletes them later
                LOG.warn("{} could not delete attachment {} of deleted contact {}: {}", context.property().id(), key, contact, e.toString());
            }
        }
    }

    /**
     * Points the history of a merged-away contact at the contact it was merged into.
     * Idempotent, so a merge a crash interrupted is completed by running it again.
     *
     * @param store    the store
     * @param property the property
     * @param from     the removed contact
     * @param to       the kept contact
     */
    public static void reassign(ContactStore store, PropertyId property, ContactId from, ContactId to) {
        store.tickets().reassign(property, from, to);
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

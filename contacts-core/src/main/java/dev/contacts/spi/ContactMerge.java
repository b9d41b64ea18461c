package dev.contacts.spi;

import dev.contacts.model.ContactId;
import java.util.Objects;

/**
 * A merge of two contacts whose history (tickets, notes, activity) may still point at
 * the removed contact; see {@link ContactRepository#merge}.
 *
 * @param removed the contact that was merged and deleted
 * @param kept    the contact it was merged into
 */
public record ContactMerge(ContactId removed, ContactId kept) {
    /**
     * Checks that nothing is null.
     *
     * @param removed the contact that was merged and deleted
     * @param kept    the contact it was merged into
     */
    public ContactMerge {
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(kept, "kept");
    }
}

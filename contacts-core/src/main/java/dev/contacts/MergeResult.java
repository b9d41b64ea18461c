package dev.contacts;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ContactService#merge} did.
 *
 * @param kept      the merged contact, as stored
 * @param removed   the id of the contact merged into it, which is now not found
 * @param conflicts the attributes where both had different values and the kept one's value won
 */
public record MergeResult(Contact kept, ContactId removed, List<MergeConflict> conflicts) {
    /**
     * Copies the list.
     *
     * @param kept      the merged contact, as stored
     * @param removed   the id of the contact merged into it, which is now not found
     * @param conflicts the attributes where both had different values and the kept one's value won
     */
    public MergeResult {
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(removed, "removed");
        conflicts = List.copyOf(conflicts);
    }
}

package dev.contacts;

import dev.contacts.model.Contact;

/**
 * The result of {@link ContactService#upsertByEmail}, and of each applied row of
 * {@link ContactService#upsertAll}.
 *
 * @param contact the contact as stored
 * @param outcome what happened
 */
public record Upsert(Contact contact, Outcome outcome) implements UpsertRowResult {
    /** What an upsert did. */
    public enum Outcome {
        /** A new contact was created. */
        CREATED,
        /** An existing contact was changed. */
        UPDATED,
        /** An existing contact already had these values. */
        UNCHANGED
    }
}

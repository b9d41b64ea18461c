package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.time.Instant;

/**
 * A note an agent wrote on a contact or an organization. Notes are internal by
 * construction: they are read only through {@code NoteService} and the agents' timeline,
 * and no path of the SDK that produces something for the contact (ticket emails, replies,
 * anything sent through the host's {@code Mailer}) ever reads one. Immutable and in normal
 * form; changed with optimistic locking on {@code version}.
 *
 * @param id       the id
 * @param parent   the contact or organization it is written on
 * @param author   the agent who wrote it (an id of the host's directory)
 * @param body     plain text, several lines allowed, at most {@link #MAX_BODY_BYTES} in UTF-8
 * @param created  when it was written
 * @param editedAt when it was last edited, or null if never
 * @param editedBy the agent who last edited it, or null if never
 * @param version  optimistic-locking version, 1 after creation and one more on each edit
 */
public record Note(NoteId id, EntityId parent, String author, String body, Instant created, Instant editedAt, String editedBy,
                   long version) {
    /** Most bytes of a body in UTF-8 (64 KiB). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * Validates and normalises.
     *
     * @param id       the id
     * @param parent   the contact or organization it is written on
     * @param author   the agent who wrote it (an id of the host's directory)
     * @param body     plain text, several lines allowed, at most {@link #MAX_BODY_BYTES} in UTF-8
     * @param created  when it was written
     * @param editedAt when it was last edited, or null if never
     * @param editedBy the agent who last edited it, or null if never
     * @param version  optimistic-locking version, 1 after creation and one more on each edit
     * @throws InvalidValueException naming the component that is missing or invalid
     */
    public Note {
        if (id == null) {
            throw new InvalidValueException("id", "a note needs an id");
        }
        if (parent == null) {
            throw new InvalidValueException("parent", "a note is written on a contact or an organization: give its id");
        }
        author = HostIds.agent("author", author);
        body = Values.requiredLongText("body", body, MAX_BODY_BYTES);
        if (created == null) {
            throw new InvalidValueException("created", "a note needs its creation time");
        }
        created = Values.date("created", created);
        editedAt = Values.date("editedAt", editedAt);
        editedBy = editedBy == null ? null : HostIds.agent("editedBy", editedBy);
        if ((editedAt == null) != (editedBy == null)) {
            throw new InvalidValueException("editedAt", "an edited note has both editedAt and editedBy, an unedited one neither");
        }
        if (version < 1) {
            throw new InvalidValueException("version", "a note's version starts at 1");
        }
    }

    /**
     * @param editor the agent who edits it
     * @param text   the new body
     * @param at     when
     * @return the edited note: new body, {@code editedAt}/{@code editedBy} set, version + 1; id, parent, author and
     *         creation time kept
     */
    public Note edited(String editor, String text, Instant at) {
        return new Note(id, parent, author, text, created, at, editor, version + 1);
    }

    /**
     * @param newParent the contact or organization the note now belongs to (a merge)
     * @return this note on that parent, otherwise unchanged
     */
    public Note withParent(EntityId newParent) {
        return new Note(id, newParent, author, body, created, editedAt, editedBy, version);
    }
}

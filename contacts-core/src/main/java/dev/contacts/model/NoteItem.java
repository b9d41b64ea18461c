package dev.contacts.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A note on the timeline, at its creation time (an edit does not move it).
 *
 * @param note the note
 */
public record NoteItem(Note note) implements TimelineItem {
    /**
     * Checks the note is given.
     *
     * @param note the note
     */
    public NoteItem {
        Objects.requireNonNull(note, "note");
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.NOTE;
    }

    @Override
    public Instant time() {
        return note.created();
    }

    @Override
    public UUID id() {
        return note.id().value();
    }
}

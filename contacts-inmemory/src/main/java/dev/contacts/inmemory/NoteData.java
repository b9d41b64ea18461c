package dev.contacts.inmemory;

import dev.contacts.model.EntityId;
import dev.contacts.model.Note;
import dev.contacts.model.NoteId;
import java.util.HashMap;
import java.util.Map;

/**
 * The notes of one property, by id and per parent newest first. Guarded by the property's
 * lock, like the contacts and organizations whose existence a note insert checks.
 */
final class NoteData {
    final Map<NoteId, Note> notes = new HashMap<>();
    final NewestFirstIndex<EntityId> byParent = new NewestFirstIndex<>();

    void insert(Note note) {
        notes.put(note.id(), note);
        byParent.add(note.parent(), note.created(), note.id().value());
    }

    void remove(Note note) {
        notes.remove(note.id());
        byParent.remove(note.parent(), note.created(), note.id().value());
    }
}

package dev.contacts.inmemory;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.internal.StoreArguments;
import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.Note;
import dev.contacts.model.NoteId;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.NoteRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Notes: every write under the property's write lock, which also guards the contacts and
 * organizations, so a note is never inserted on a parent being deleted at the same moment.
 */
final class InMemoryNotes implements NoteRepository {
    private final InMemoryStore store;

    InMemoryNotes(InMemoryStore store) {
        this.store = store;
    }

    private static boolean exists(PropertyData data, EntityId parent) {
        return parent instanceof ContactId ? data.contacts.get(parent) != null : data.organizations.get(parent) != null;
    }

    private static NotFoundException parentNotFound(EntityId parent, PropertyId property) {
        return new NotFoundException((parent instanceof ContactId ? "contact " : "organization ") + parent
                + " does not exist in property " + property);
    }

    @Override
    public void insert(PropertyId property, Note note) {
        Objects.requireNonNull(note, "note");
        if (note.version() != 1 || note.editedAt() != null) {
            throw new IllegalArgumentException("a new note has version 1 and was never edited");
        }
        PropertyData data = store.require(property, "add a note");
        data.write(() -> {
            if (!exists(data, note.parent())) {
                throw parentNotFound(note.parent(), property);
            }
            if (data.notes.notes.containsKey(note.id())) {
                throw new ConflictException("note " + note.id() + " already exists in property " + property);
            }
            data.notes.insert(note);
            return null;
        });
    }

    @Override
    public Optional<Note> get(PropertyId property, NoteId id) {
        Objects.requireNonNull(id, "id");
        return store.read(property, Optional.empty(), data -> Optional.ofNullable(data.notes.notes.get(id)));
    }

    @Override
    public void update(PropertyId property, Note note, long expectedVersion) {
        Objects.requireNonNull(note, "note");
        PropertyData data = store.require(property, "edit a note");
        data.write(() -> {
            Note stored = data.notes.notes.get(note.id());
            if (stored == null) {
                throw new NotFoundException("note " + note.id() + " does not exist in property " + property);
            }
            if (stored.version() != expectedVersion) {
                throw new ConflictException("note " + note.id() + " is at version " + stored.version() + ", not "
                        + expectedVersion + "; reload it and apply the edit again");
            }
            if (note.version() != expectedVersion + 1 || !note.parent().equals(stored.parent())
                    || !note.author().equals(stored.author()) || !note.created().equals(stored.created())) {
                throw new IllegalArgumentException("the new state of note " + note.id() + " must have version " + (expectedVersion + 1)
                        + " and keep its parent, author and creation time");
            }
            data.notes.notes.put(note.id(), note);
            return null;
        });
    }

    @Override
    public boolean delete(PropertyId property, NoteId id) {
        Objects.requireNonNull(id, "id");
        return store.writeIfPresent(property, false, data -> {
            Note stored = data.notes.notes.get(id);
            if (stored == null) {
                return false;
            }
            data.notes.remove(stored);
            return true;
        });
    }

    @Override
    public List<Note> listByParent(PropertyId property, EntityId parent, Instant beforeCreated, NoteId beforeId, int limit) {
        Objects.requireNonNull(parent, "parent");
        InMemoryStore.checkLimit(limit, 1001);
        return store.read(property, List.of(), data -> {
            List<Note> page = new ArrayList<>();
            for (UUID id : data.notes.byParent.page(parent, beforeCreated, beforeId == null ? null : beforeId.value(), limit)) {
                page.add(data.notes.notes.get(new NoteId(id)));
            }
            return List.copyOf(page);
        });
    }

    @Override
    public long deleteAllFor(PropertyId property, EntityId parent) {
        Objects.requireNonNull(parent, "parent");
        return store.writeIfPresent(property, 0L, data -> {
            long deleted = 0;
            for (UUID id : data.notes.byParent.all(parent)) {
                data.notes.remove(data.notes.notes.get(new NoteId(id)));
                deleted++;
            }
            return deleted;
        });
    }

    @Override
    public long reassign(PropertyId property, EntityId from, EntityId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        StoreArguments.checkSameKind(from, to);
        return store.writeIfPresent(property, 0L, data -> {
            boolean keep = exists(data, to);
            long moved = 0;
            for (UUID id : data.notes.byParent.all(from)) {
                Note note = data.notes.notes.get(new NoteId(id));
                data.notes.remove(note);
                if (keep) {
                    data.notes.insert(note.withParent(to));
                }
                moved++;
            }
            return moved;
        });
    }
}

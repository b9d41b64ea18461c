package dev.contacts.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.internal.StoreArguments;
import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.Note;
import dev.contacts.model.NoteId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.NoteRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Notes, one document each, with the parent's kind and id, listed newest first through
 * the index {@code (propertyId, parent, created, _id)}. A note is inserted, then its
 * parent is read again: when the parent is gone or being deleted the note is deleted and
 * the insert refused, so a note cannot outlive a parent deleted at the same moment (the
 * core also deletes a parent's notes before and after the parent itself).
 */
final class MongoNotes implements NoteRepository {
    private final MongoStore store;

    MongoNotes(MongoStore store) {
        this.store = store;
    }

    private MongoCollection<Document> collection() {
        return store.collection(Schema.NOTES);
    }

    private boolean parentExists(PropertyId property, EntityId parent) {
        String collection = parent instanceof ContactId ? Schema.CONTACTS : Schema.ORGANIZATIONS;
        return store.collection(collection).countDocuments(Filters.and(Fields.one(property, parent), Fields.notDeleting())) > 0;
    }

    private static NotFoundException parentNotFound(EntityId parent, PropertyId property) {
        return new NotFoundException((parent instanceof ContactId ? "contact " : "organization ") + parent
                + " does not exist in property " + property);
    }

    private static Document encode(PropertyId property, Note note) {
        Document d = new Document(Fields.ID, note.id().toString()).append(Fields.PROPERTY, property.value())
                .append("parentKind", note.parent() instanceof ContactId ? "contact" : "organization")
                .append("parent", note.parent().toString()).append("author", note.author()).append("body", note.body())
                .append("created", Date.from(note.created())).append(Fields.VERSION, note.version());
        if (note.editedAt() != null) {
            d.append("editedAt", Date.from(note.editedAt())).append("editedBy", note.editedBy());
        }
        return d;
    }

    private static Note decode(Document d) {
        UUID parent = UUID.fromString(d.getString("parent"));
        Date editedAt = (Date) d.get("editedAt");
        return new Note(new NoteId(UUID.fromString(d.getString(Fields.ID))),
                "contact".equals(d.getString("parentKind")) ? new ContactId(parent) : new OrganizationId(parent),
                d.getString("author"), d.getString("body"), ((Date) d.get("created")).toInstant(),
                editedAt == null ? null : editedAt.toInstant(), d.getString("editedBy"), ((Number) d.get(Fields.VERSION)).longValue());
    }

    @Override
    public void insert(PropertyId property, Note note) {
        Objects.requireNonNull(note, "note");
        if (note.version() != 1 || note.editedAt() != null) {
            throw new IllegalArgumentException("a new note has version 1 and was never edited");
        }
        StoreCalls.runVoid("notes.insert", property, () -> {
            store.requireProperty(property, "add a note");
            if (!parentExists(property, note.parent())) {
                throw parentNotFound(note.parent(), property);
            }
            try {
                collection().insertOne(encode(property, note));
            } catch (MongoException e) {
                if (StoreCalls.isDuplicateKey(e, "_id_")) {
                    throw new ConflictException("note " + note.id() + " already exists in property " + property);
                }
                throw e;
            }
            if (!parentExists(property, note.parent())) {
                collection().deleteOne(Fields.one(property, note.id()));
                throw parentNotFound(note.parent(), property);
            }
        });
    }

    @Override
    public Optional<Note> get(PropertyId property, NoteId id) {
        return StoreCalls.run("notes.get", property, () -> Optional.ofNullable(collection().find(Fields.one(property, id)).first())
                .map(MongoNotes::decode));
    }

    @Override
    public void update(PropertyId property, Note note, long expectedVersion) {
        Objects.requireNonNull(note, "note");
        StoreCalls.runVoid("notes.update", property, () -> {
            store.requireProperty(property, "edit a note");
            Note current = decode(Versions.current(collection(), property, note.id(), "note", expectedVersion));
            if (note.version() != expectedVersion + 1 || !note.parent().equals(current.parent())
                    || !note.author().equals(current.author()) || !note.created().equals(current.created())) {
                throw new IllegalArgumentException("the new state of note " + note.id() + " must have version " + (expectedVersion + 1)
                        + " and keep its parent, author and creation time");
            }
            List<Bson> changes = new ArrayList<>();
            encode(property, note).forEach((name, value) -> {
                if (!name.equals(Fields.ID)) {
                    changes.add(Updates.set(name, value));
                }
            });
            if (note.editedAt() == null) {
                changes.add(Updates.unset("editedAt"));
                changes.add(Updates.unset("editedBy"));
            }
            Versions.update(collection(), property, note.id(), "note", expectedVersion, Updates.combine(changes));
        });
    }

    @Override
    public boolean delete(PropertyId property, NoteId id) {
        return StoreCalls.run("notes.delete", property, () -> collection().deleteOne(Fields.one(property, id)).getDeletedCount() == 1);
    }

    @Override
    public List<Note> listByParent(PropertyId property, EntityId parent, Instant beforeCreated, NoteId beforeId, int limit) {
        Objects.requireNonNull(parent, "parent");
        StoreArguments.checkPosition(beforeCreated, beforeId);
        StoreArguments.checkLimit(limit, 1001);
        return StoreCalls.run("notes.listByParent", property, () -> {
            Bson query = Filters.and(Fields.scope(property), Filters.eq("parent", parent.toString()));
            if (beforeCreated != null) {
                query = Filters.and(query, NewestFirst.before("created", beforeCreated, beforeId));
            }
            List<Note> page = new ArrayList<>();
            for (Document d : collection().find(query).sort(Sorts.descending("created", Fields.ID)).limit(limit)) {
                page.add(decode(d));
            }
            return List.copyOf(page);
        });
    }

    @Override
    public long deleteAllFor(PropertyId property, EntityId parent) {
        Objects.requireNonNull(parent, "parent");
        return StoreCalls.run("notes.deleteAllFor", property, () -> collection().deleteMany(Filters.and(Fields.scope(property),
                Filters.eq("parent", parent.toString()))).getDeletedCount());
    }

    @Override
    public long reassign(PropertyId property, EntityId from, EntityId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        StoreArguments.checkSameKind(from, to);
        return StoreCalls.run("notes.reassign", property, () -> {
            Bson ofFrom = Filters.and(Fields.scope(property), Filters.eq("parent", from.toString()));
            if (!parentExists(property, to)) {
                return collection().deleteMany(ofFrom).getDeletedCount();
            }
            return collection().updateMany(ofFrom, Updates.set("parent", to.toString())).getModifiedCount();
        });
    }
}

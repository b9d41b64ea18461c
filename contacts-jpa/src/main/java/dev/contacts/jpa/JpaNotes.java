package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.internal.StoreArguments;
import dev.contacts.jpa.Sql.ColumnType;
import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.Note;
import dev.contacts.model.NoteId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.NoteRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Notes, one row each in {@code note}, whose parent is a foreign key: {@code contact_id} or
 * {@code organization_id}, exactly one of them set. An insert locks the parent row first
 * ({@code FOR UPDATE}), so it cannot race the parent's deletion; edits are conditional on the
 * version; a page is a keyset seek on {@code (property_id, parent, created, id)}.
 */
final class JpaNotes implements NoteRepository {
    static final String COLUMNS = "id, contact_id, organization_id, version, author, body, created, edited_at, edited_by";

    private final Transactions tx;

    JpaNotes(Transactions tx) {
        this.tx = tx;
    }

    /** @return the table of the parent's kind: contacts or organizations */
    private static EntityTable parentTable(EntityId parent) {
        return parent instanceof ContactId ? EntityTable.CONTACTS : EntityTable.ORGANIZATIONS;
    }

    private static NotFoundException parentNotFound(EntityId parent, String property) {
        return new NotFoundException((parent instanceof ContactId ? "contact " : "organization ") + parent
                + " does not exist in property " + property);
    }

    @Override
    public void insert(PropertyId property, Note note) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(note, "note");
        if (note.version() != 1 || note.editedAt() != null) {
            throw new IllegalArgumentException("a new note has version 1 and was never edited");
        }
        String p = property.value();
        EntityTable parent = parentTable(note.parent());
        tx.run("add note", db -> {
            JpaEntityRepository.requireProperty(db, p, "add a note");
            if (!JpaEntityRepository.lock(db, parent, p, note.parent().value())) {
                throw parentNotFound(note.parent(), p);
            }
            if (db.exists(db.sql("SELECT 1 FROM note WHERE property_id = ").value(p).append(" AND id = ").value(note.id().value()))) {
                throw new ConflictException("note " + note.id() + " already exists in property " + p);
            }
            UUID contact = parent == EntityTable.CONTACTS ? note.parent().value() : null;
            UUID organization = parent == EntityTable.ORGANIZATIONS ? note.parent().value() : null;
            db.update(db.sql("INSERT INTO note (property_id, id, contact_id, organization_id, version, author, body, created) VALUES (")
                    .value(p).append(", ").value(note.id().value()).append(", ").value(ColumnType.ID, contact).append(", ")
                    .value(ColumnType.ID, organization).append(", ").value(note.version()).append(", ").value(note.author())
                    .append(", ").value(note.body()).append(", ").value(note.created()).append(")"));
            return null;
        });
    }

    @Override
    public Optional<Note> get(PropertyId property, NoteId id) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(id, "id");
        return tx.run("get note", db -> db.first(db.sql("SELECT " + COLUMNS + " FROM note WHERE property_id = ").value(property.value())
                .append(" AND id = ").value(id.value()), rs -> note(db, rs)));
    }

    @Override
    public void update(PropertyId property, Note note, long expectedVersion) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(note, "note");
        String p = property.value();
        tx.run("edit note", db -> {
            JpaEntityRepository.requireProperty(db, p, "edit a note");
            Note s = OptimisticLock.lock(db, db.sql("SELECT " + COLUMNS + " FROM note WHERE property_id = ").value(p).append(" AND id = ")
                    .value(note.id().value()), rs -> note(db, rs), Note::version, "note " + note.id(), p, expectedVersion);
            if (note.version() != expectedVersion + 1 || !note.parent().equals(s.parent()) || !note.author().equals(s.author())
                    || !note.created().equals(s.created())) {
                throw new IllegalArgumentException("the new state of note " + note.id() + " must have version " + (expectedVersion + 1)
                        + " and keep its parent, author and creation time");
            }
            db.update(db.sql("UPDATE note SET version = ").value(note.version()).append(", body = ").value(note.body())
                    .append(", edited_at = ").value(ColumnType.INSTANT, note.editedAt()).append(", edited_by = ")
                    .value(ColumnType.TEXT, note.editedBy()).append(" WHERE property_id = ").value(p).append(" AND id = ")
                    .value(note.id().value()).append(" AND version = ").value(expectedVersion));
            return null;
        });
    }

    @Override
    public boolean delete(PropertyId property, NoteId id) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(id, "id");
        return tx.run("delete note", db -> db.update(db.sql("DELETE FROM note WHERE property_id = ").value(property.value())
                .append(" AND id = ").value(id.value())) > 0);
    }

    @Override
    public List<Note> listByParent(PropertyId property, EntityId parent, Instant beforeCreated, NoteId beforeId, int limit) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(parent, "parent");
        StoreArguments.checkPosition(beforeCreated, beforeId);
        StoreArguments.checkLimit(limit, 1001);
        return tx.run("list notes", db -> db.list(db.sql("SELECT " + COLUMNS + " FROM note WHERE property_id = ").value(property.value())
                .append(" AND " + parentTable(parent).owner() + " = ").value(parent.value())
                .newestFirst("created", "id", beforeCreated, beforeId == null ? null : beforeId.value(), limit), rs -> note(db, rs)));
    }

    @Override
    public long deleteAllFor(PropertyId property, EntityId parent) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(parent, "parent");
        return tx.run("delete notes", db -> (long) deleteAll(db, property.value(), parent));
    }

    private static int deleteAll(Db db, String property, EntityId parent) throws SQLException {
        return db.update(db.sql("DELETE FROM note WHERE property_id = ").value(property).append(" AND " + parentTable(parent).owner() + " = ")
                .value(parent.value()));
    }

    @Override
    public long reassign(PropertyId property, EntityId from, EntityId to) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        StoreArguments.checkSameKind(from, to);
        return tx.run("move notes", db -> (long) reassign(db, property.value(), from, to));
    }

    /**
     * Moves the notes of one parent to another of the same kind in the caller's transaction;
     * when that one does not exist (deleted before an interrupted merge was completed) the
     * notes are deleted instead, as its history was.
     *
     * @return how many notes moved (or were deleted)
     */
    private static int reassign(Db db, String property, EntityId from, EntityId to) throws SQLException {
        EntityTable table = parentTable(to);
        if (!JpaEntityRepository.lock(db, table, property, to.value())) {
            return deleteAll(db, property, from);
        }
        return db.update(db.sql("UPDATE note SET " + table.owner() + " = ").value(to.value()).append(" WHERE property_id = ")
                .value(property).append(" AND " + table.owner() + " = ").value(from.value()));
    }

    static Note note(Db db, ResultSet rs) throws SQLException {
        UUID contact = db.id(rs, "contact_id");
        EntityId parent = contact != null ? new ContactId(contact) : new OrganizationId(db.id(rs, "organization_id"));
        return new Note(new NoteId(db.id(rs, "id")), parent, rs.getString("author"), rs.getString("body"), db.instant(rs, "created"),
                db.instant(rs, "edited_at"), rs.getString("edited_by"), rs.getLong("version"));
    }
}

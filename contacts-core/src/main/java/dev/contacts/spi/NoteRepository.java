package dev.contacts.spi;

import dev.contacts.model.EntityId;
import dev.contacts.model.Note;
import dev.contacts.model.NoteId;
import dev.contacts.model.PropertyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of the notes agents write on contacts and organizations. A note is one row (one
 * document) keyed by property and id, with its parent's kind and id indexed as
 * {@code (property, parent, created desc, id desc)} for {@link #listByParent}.
 *
 * <p>Every method is scoped to one property: a note, contact or organization of another
 * property is not found. A property that does not exist reads as empty and refuses writes
 * with {@link dev.contacts.NotFoundException}.
 *
 * <h2>The parent exists</h2>
 * {@link #insert} checks that the parent exists atomically with the write, so a note
 * cannot outlive a contact deleted at the same moment: a SQL store inserts with {@code
 * INSERT … SELECT … WHERE EXISTS (parent)} (or a foreign key) in one transaction; a MongoDB
 * store inserts the note, then re-reads the parent and deletes its note again when the
 * parent is gone. The core deletes a parent's notes before and after the parent itself
 * ({@code ContactHistory}), so either way nothing is orphaned.
 *
 * <p>Implementations must be thread-safe, each method atomic on its own, and take part in the
 * unit of work open on the calling thread ({@link ContactStore#unitOfWork}).
 */
public interface NoteRepository {

    /**
     * Stores a new note (version 1).
     *
     * @param property the property
     * @param note     the note
     * @throws dev.contacts.NotFoundException if its parent is not in this property (nothing written)
     * @throws dev.contacts.ConflictException if the id exists
     */
    void insert(PropertyId property, Note note);

    /**
     * @param property the property
     * @param id       the id
     * @return the note, or empty when it is not in this property
     */
    Optional<Note> get(PropertyId property, NoteId id);

    /**
     * Replaces a note if its stored version is {@code expectedVersion}, atomically ({@code
     * UPDATE … WHERE id = ? AND version = ?}, {@code findOneAndUpdate} with the version in
     * the condition).
     *
     * @param property        the property
     * @param note            the new state, version {@code expectedVersion + 1}, same parent, author and creation
     *                        time (anything else is a programming error: {@link IllegalArgumentException})
     * @param expectedVersion the version the change was based on
     * @throws dev.contacts.NotFoundException if the note is not in this property
     * @throws dev.contacts.ConflictException if the stored version differs
     */
    void update(PropertyId property, Note note, long expectedVersion);

    /**
     * @param property the property
     * @param id       the id
     * @return whether it existed
     */
    boolean delete(PropertyId property, NoteId id);

    /**
     * The notes of one contact or organization, newest first ({@code created} descending,
     * then id descending as unsigned numbers), strictly past a position in that order (older,
     * or as old with a smaller id): a keyset seek, never an offset. The notes source of the
     * contact's timeline.
     *
     * @param property      the property
     * @param parent        the contact or organization
     * @param beforeCreated with {@code beforeId}: return only notes past this position; null for the newest
     * @param beforeId      the id at that position; null together with {@code beforeCreated}
     * @param limit         most notes to return, 1..1001
     * @return the notes
     */
    List<Note> listByParent(PropertyId property, EntityId parent, Instant beforeCreated, NoteId beforeId, int limit);

    /**
     * Deletes every note of a contact or organization, for the cascade of its deletion.
     *
     * @param property the property
     * @param parent   the contact or organization
     * @return how many were deleted
     */
    long deleteAllFor(PropertyId property, EntityId parent);

    /**
     * Moves every note of one parent to another of the same kind, for a merge; each note
     * keeps its id, version, author, times and body. Idempotent ({@code UPDATE … SET
     * parent = :to WHERE parent = :from}, {@code updateMany}), so a merge interrupted after
     * it can run it again. When {@code to} is not in the property (deleted before an
     * interrupted merge was completed) the notes are deleted instead, as its history was:
     * nothing is left orphaned.
     *
     * @param property the property
     * @param from     the parent that goes away (it may no longer exist)
     * @param to       the parent that stays
     * @return how many notes moved (or were deleted)
     */
    long reassign(PropertyId property, EntityId from, EntityId to);
}

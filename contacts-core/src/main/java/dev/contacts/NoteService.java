package dev.contacts;

import dev.contacts.internal.NewestFirst;
import dev.contacts.internal.Owners;
import dev.contacts.internal.PropertyContext;
import dev.contacts.internal.SeekPosition;
import dev.contacts.model.EntityId;
import dev.contacts.model.Note;
import dev.contacts.model.NoteId;
import dev.contacts.model.PropertyId;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import dev.contacts.spi.NoteRepository;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notes agents write on the contacts and organizations of one property. Obtain it
 * from {@code contacts.property(id).notes()}.
 *
 * <p>Notes are <b>internal by construction</b>: they are returned only by this service and
 * by the agents' {@link TimelineService timeline}. Nothing the SDK produces for a contact —
 * ticket emails, replies, anything handed to the host's {@link dev.contacts.host.Mailer} —
 * reads a note, so a note cannot leak to a contact-facing channel through the SDK.
 *
 * <p>A body is plain text of several lines, normalised like TEXT (NFC, no control
 * characters but tab, CR and LF, stripped at both ends), at most 64 KiB in UTF-8 and never
 * blank. Authors and editors must be agents of the host's {@link dev.contacts.host.Directory}.
 * Edits use optimistic locking and keep who edited last and when. Lists are newest first
 * and paged by cursor. Deleting a contact or an organization deletes its notes.
 *
 * <p>Thread-safe: one instance serves every thread; each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}).
 */
public final class NoteService {
    private static final Logger LOG = LoggerFactory.getLogger(NoteService.class);

    private final PropertyContext context;
    private final NoteRepository notes;

    NoteService(PropertyContext context) {
        this.context = context;
        this.notes = context.store().notes();
    }

    private PropertyId pid() {
        return context.property().id();
    }

    /**
     * Writes a note.
     *
     * @param parent the contact or organization it is written on
     * @param author the agent who writes it
     * @param body   the text
     * @return the stored note (version 1, {@code created} = now)
     * @throws InvalidValueException if the body is blank or over 64 KiB, or the author is not an agent of the host's directory
     * @throws NotFoundException     if the parent is not in this property
     */
    public Note add(EntityId parent, String author, String body) {
        return context.write(() -> {
            Note note = new Note(NoteId.generate(), parent, author, body, context.now(), null, null, 1);
            checkAgent("author", note.author());
            Owners.require(context, "parent", parent);
            notes.insert(pid(), note);
            LOG.debug("{} note {} added on {} by {}", pid(), note.id(), parent, note.author());
            return note;
        });
    }

    /**
     * Replaces the body of a note if it is still at {@code expectedVersion}; the note keeps
     * its author and creation time and records who edited it and when.
     *
     * @param id              the note
     * @param editor          the agent who edits it
     * @param body            the new text
     * @param expectedVersion the version the edit is based on
     * @return the new state (version + 1, {@code editedAt} = now, {@code editedBy} = editor)
     * @throws NotFoundException     if the note is not in this property
     * @throws ConflictException     if it changed since that version (reload it and edit again)
     * @throws InvalidValueException if the body is blank or too long, or the editor is not an agent of the directory
     */
    public Note edit(NoteId id, String editor, String body, long expectedVersion) {
        return context.write(() -> {
            Note current = get(id);
            Note next = current.edited(editor, body, context.now());
            checkAgent("editor", next.editedBy());
            if (current.version() != expectedVersion) {
                throw conflict(id, current.version(), expectedVersion);
            }
            notes.update(pid(), next, expectedVersion);
            return next;
        });
    }

    /**
     * @param id the note
     * @throws NotFoundException if it is not in this property
     */
    public void delete(NoteId id) {
        if (!notes.delete(pid(), required("noteId", id))) {
            throw notFound(id);
        }
    }

    /**
     * @param id the note
     * @return it
     * @throws NotFoundException if it is not in this property
     */
    public Note get(NoteId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * @param id the note
     * @return it, or empty when it is not in this property
     */
    public Optional<Note> find(NoteId id) {
        return notes.get(pid(), required("noteId", id));
    }

    /**
     * One page of the notes of a contact or an organization, newest first ({@code created}
     * descending, ties by id descending).
     *
     * @param parent   the contact or organization
     * @param pageSize 1..1000
     * @param cursor   the cursor of the previous page ({@link Page#next()}), or null for the first page
     * @return the page
     * @throws NotFoundException      if the parent is not in this property
     * @throws InvalidValueException  if the page size is out of range
     * @throws InvalidCursorException if the cursor is damaged or of another list
     */
    public Page<Note> list(EntityId parent, int pageSize, Cursor cursor) {
        Owners.require(context, "parent", parent);
        return NewestFirst.page(context, List.of("notes", parent.toString()), 1, pageSize, cursor,
                (before, limit) -> notes.listByParent(pid(), parent, before == null ? null : before.time(),
                        before == null ? null : new NoteId(before.id()), limit),
                NoteService::position);
    }

    /**
     * @param note a note
     * @return its place in newest-first order
     */
    static SeekPosition position(Note note) {
        return new SeekPosition(note.created(), note.id().value(), 0);
    }

    private void checkAgent(String field, String agentId) {
        if (!context.hosts().directory().agentExists(agentId)) {
            throw new InvalidValueException(field, "no agent '" + agentId + "' in the host's directory");
        }
    }

    private static <T> T required(String what, T value) {
        if (value == null) {
            throw new InvalidValueException(what, "is required");
        }
        return value;
    }

    private ConflictException conflict(NoteId id, long stored, long expected) {
        return new ConflictException("note " + id + " is at version " + stored + ", not " + expected
                + "; reload it and apply the edit again");
    }

    private NotFoundException notFound(NoteId id) {
        return new NotFoundException("note " + id + " does not exist in property " + pid());
    }
}

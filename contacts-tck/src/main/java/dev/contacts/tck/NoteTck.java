package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.ConflictException;
import dev.contacts.Contacts;
import dev.contacts.DeletionPolicy;
import dev.contacts.HistoryExistsException;
import dev.contacts.InvalidCursorException;
import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.NoteService;
import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.NewMessage;
import dev.contacts.model.Note;
import dev.contacts.model.NoteId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Ticket;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Notes through the public facade: writing on contacts and organizations, normalised
 * bodies up to 64 KiB, authors checked by the host's directory, edits with optimistic
 * locking that keep who edited and when, deletion, newest-first cursor paging, the
 * deletion cascade of contacts and organizations, re-pointing for merges, that no email
 * carries a note, and tenancy; every refused call raises its typed exception and changes
 * nothing. A store runs it by extending this class.
 */
public abstract class NoteTck extends TicketFixtureTck {
    private static final int THREADS = 8;

    /** Newest first, ties by id descending: the canonical lower-case text orders like the unsigned number. */
    static final Comparator<Note> NEWEST_FIRST = Comparator.comparing(Note::created)
            .thenComparing(n -> n.id().toString()).reversed();

    private NoteService notes() {
        return fx.p1.notes();
    }

    private ContactId ada() {
        return fx.base.ada.id();
    }

    private PropertyId p1() {
        return fx.p1.property().id();
    }

    /**
     * @param service a note service
     * @param parent  a parent
     * @param size    the page size
     * @return every note of the parent, by walking the pages
     */
    static List<Note> walk(NoteService service, EntityId parent, int size) {
        List<Note> all = new ArrayList<>();
        Cursor cursor = null;
        do {
            Page<Note> page = service.list(parent, size, cursor);
            assertThat(page.items().size()).as("page size").isLessThanOrEqualTo(size);
            all.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor != null) {
                assertThat(page.items()).as("a page with a next page is full").hasSize(size);
            }
        } while (cursor != null);
        return all;
    }

    @Test
    void aNoteIsStoredNormalisedWithItsAuthorAndCreationTime() {
        Note note = notes().add(ada(), "alice", "  Called back:\r\n\tcaf\u0065\u0301 at 5pm  \n");
        assertThat(note.body()).isEqualTo("Called back:\r\n\tcaf\u00e9 at 5pm");
        assertThat(note.author()).isEqualTo("alice");
        assertThat(note.parent()).isEqualTo(ada());
        assertThat(note.created()).isEqualTo(TckFixture.NOW);
        assertThat(note.editedAt()).isNull();
        assertThat(note.editedBy()).isNull();
        assertThat(note.version()).isEqualTo(1);
        assertThat(notes().get(note.id())).isEqualTo(note);
        assertThat(notes().find(NoteId.generate())).isEmpty();
        assertThat(notes().list(ada(), 10, null).items()).containsExactly(note);
        assertThat(notes().list(fx.base.bob.id(), 10, null).items()).as("bob has no notes").isEmpty();
    }

    @Test
    void organizationsHaveTheirOwnNotes() {
        OrganizationId acme = fx.base.acme.id();
        Note onAcme = notes().add(acme, "carol", "Renewal in March");
        Note onAda = notes().add(ada(), "alice", "Prefers email");
        assertThat(notes().list(acme, 10, null).items()).containsExactly(onAcme);
        assertThat(notes().list(ada(), 10, null).items()).containsExactly(onAda);
        assertThat(onAcme.parent()).isEqualTo(acme);
    }

    @Test
    void anEditKeepsAuthorAndCreationAndRecordsTheEditor() {
        Note note = notes().add(ada(), "alice", "first");
        fx.clock.advance(Duration.ofMinutes(3));
        Note edited = notes().edit(note.id(), "carol", " second ", note.version());
        assertThat(edited.body()).isEqualTo("second");
        assertThat(edited.author()).isEqualTo("alice");
        assertThat(edited.created()).isEqualTo(TckFixture.NOW);
        assertThat(edited.editedAt()).isEqualTo(TckFixture.NOW.plus(Duration.ofMinutes(3)));
        assertThat(edited.editedBy()).isEqualTo("carol");
        assertThat(edited.version()).isEqualTo(2);
        assertThat(notes().get(note.id())).isEqualTo(edited);

        assertThatThrownBy(() -> notes().edit(note.id(), "alice", "stale", note.version())).isInstanceOf(ConflictException.class);
        assertThat(notes().get(note.id())).as("a stale edit changes nothing").isEqualTo(edited);

        fx.clock.advance(Duration.ofMinutes(1));
        Note again = notes().edit(note.id(), "alice", "third", edited.version());
        assertThat(again.version()).isEqualTo(3);
        assertThat(again.editedBy()).isEqualTo("alice");
        assertThat(again.editedAt()).isEqualTo(TckFixture.NOW.plus(Duration.ofMinutes(4)));
        assertThat(notes().list(ada(), 10, null).items()).as("an edit does not move the note").containsExactly(again);
    }

    @Test
    void concurrentEditsOfOneVersionLetExactlyOneWin() throws Exception {
        Note note = notes().add(ada(), "alice", "start");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<Boolean>> wins = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String body = "edit " + i;
                wins.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        notes().edit(note.id(), "carol", body, note.version());
                        return true;
                    } catch (ConflictException lost) {
                        return false;
                    }
                }));
            }
            int won = 0;
            for (Future<Boolean> f : wins) {
                won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).as("edits based on the same version").isEqualTo(1);
            assertThat(notes().get(note.id()).version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeletedNoteIsGone() {
        Note keep = notes().add(ada(), "alice", "keep");
        Note gone = notes().add(ada(), "alice", "gone");
        notes().delete(gone.id());
        assertThat(notes().find(gone.id())).isEmpty();
        assertThatThrownBy(() -> notes().get(gone.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> notes().delete(gone.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> notes().edit(gone.id(), "alice", "x", 1)).isInstanceOf(NotFoundException.class);
        assertThat(notes().list(ada(), 10, null).items()).containsExactly(keep);
    }

    @Test
    void notesAreListedNewestFirstWithTiesByIdAndWalkedByCursor() {
        List<Note> written = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            if (i % 4 == 3) {
                fx.clock.advance(Duration.ofMillis(1)); // several notes share each millisecond
            }
            written.add(notes().add(ada(), i % 2 == 0 ? "alice" : "carol", "note " + i));
        }
        fx.clock.set(TckFixture.NOW.minus(Duration.ofDays(1)));
        written.add(notes().add(ada(), "alice", "written with an earlier clock: the oldest"));
        List<Note> expected = new ArrayList<>(written);
        expected.sort(NEWEST_FIRST);
        assertThat(expected.get(expected.size() - 1).body()).startsWith("written with an earlier clock");
        for (int size : new int[] {1, 2, 3, 5, 12, 13, 1000}) {
            assertThat(walk(notes(), ada(), size)).as("walk with pages of " + size).isEqualTo(expected);
        }
        Page<Note> exact = notes().list(ada(), 12, null);
        assertThat(exact.hasNext()).as("a page holding the last note has no next page").isFalse();
    }

    @Test
    void aBodyHoldsUpTo64KiBOfUtf8() {
        String max = "\u00e9".repeat(32 * 1024); // 2 bytes each
        assertThat(notes().add(ada(), "alice", max).body()).isEqualTo(max);
        String emoji = "\uD83D\uDE00".repeat(16 * 1024); // 4 bytes each
        assertThat(notes().add(ada(), "alice", emoji).body()).isEqualTo(emoji);
        assertThatThrownBy(() -> notes().add(ada(), "alice", max + "a")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("65537");
    }

    @Test
    void deletingAContactOrAnOrganizationDeletesItsNotes() {
        Note onAda = notes().add(ada(), "alice", "ada's");
        Note onAcme = notes().add(fx.base.acme.id(), "alice", "acme's");
        Note onBob = notes().add(fx.base.bob.id(), "alice", "bob's");
        fx.p1.contacts().delete(ada());
        assertThat(notes().find(onAda.id())).isEmpty();
        assertThat(store.notes().listByParent(p1(), ada(), null, null, 10)).isEmpty();
        assertThat(notes().get(onAcme.id())).isEqualTo(onAcme);
        fx.p1.organizations().delete(fx.base.acme.id());
        assertThat(notes().find(onAcme.id())).isEmpty();
        assertThat(store.notes().listByParent(p1(), fx.base.acme.id(), null, null, 10)).isEmpty();
        assertThat(notes().get(onBob.id())).as("other notes stay").isEqualTo(onBob);
        assertThatThrownBy(() -> notes().add(ada(), "alice", "too late")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theStoreRefusesANoteOnAParentItDoesNotHave() {
        Note orphan = new Note(NoteId.generate(), ContactId.generate(), "alice", "x", TckFixture.NOW, null, null, 1);
        StoreSnapshot before = StoreSnapshot.of(store);
        assertThatThrownBy(() -> store.notes().insert(p1(), orphan)).isInstanceOf(NotFoundException.class);
        Note foreign = new Note(NoteId.generate(), fx.base.other.id(), "alice", "x", TckFixture.NOW, null, null, 1);
        assertThatThrownBy(() -> store.notes().insert(p1(), foreign)).as("a contact of another property")
                .isInstanceOf(NotFoundException.class);
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void reassignMovesEveryNoteToTheKeptContact() {
        Note a1 = notes().add(ada(), "alice", "one");
        Note a2 = notes().add(ada(), "carol", "two");
        Note b1 = notes().add(fx.base.bob.id(), "alice", "bob's");
        assertThat(store.notes().reassign(p1(), ada(), fx.base.bob.id())).isEqualTo(2);
        List<Note> expected = new ArrayList<>(List.of(a1.withParent(fx.base.bob.id()), a2.withParent(fx.base.bob.id()), b1));
        expected.sort(NEWEST_FIRST);
        assertThat(walk(notes(), fx.base.bob.id(), 2)).isEqualTo(expected);
        assertThat(notes().list(ada(), 10, null).items()).isEmpty();
        assertThat(store.notes().reassign(p1(), ada(), fx.base.bob.id())).as("running it again moves nothing").isZero();
        ContactId gone = ContactId.generate();
        assertThat(store.notes().reassign(p1(), fx.base.bob.id(), gone))
                .as("to a contact deleted meanwhile: the notes go as its history went").isEqualTo(3);
        assertThat(notes().list(fx.base.bob.id(), 10, null).items()).isEmpty();
        assertThat(store.notes().listByParent(p1(), gone, null, null, 10)).as("no note is left orphaned").isEmpty();
    }

    @Test
    void aMergeMovesTheRemovedContactsNotesToTheKeptOne() {
        Note onBob = notes().add(fx.base.bob.id(), "alice", "bob's");
        Note onAda = notes().add(ada(), "carol", "ada's");
        fx.p1.contacts().merge(ada(), fx.base.bob.id());
        List<Note> expected = new ArrayList<>(List.of(onBob.withParent(ada()), onAda));
        expected.sort(NEWEST_FIRST);
        assertThat(walk(notes(), ada(), 1)).isEqualTo(expected);
        assertThat(notes().get(onBob.id()).parent()).isEqualTo(ada());
        assertThatThrownBy(() -> notes().list(fx.base.bob.id(), 10, null)).as("the removed contact is gone")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theRefusingDeletionPolicyKeepsAContactOrAnOrganizationWithNotes() {
        NoteService refusing = fx.sdkOver(store, b -> b.deletionPolicy(DeletionPolicy.REFUSE_WHEN_HISTORY)).property("p1").notes();
        refusing.add(fx.base.bob.id(), "alice", "keep me");
        refusing.add(fx.base.acme.id(), "alice", "keep me too");
        Contacts strict = fx.sdkOver(store, b -> b.deletionPolicy(DeletionPolicy.REFUSE_WHEN_HISTORY));
        StoreSnapshot before = StoreSnapshot.of(store);
        assertThatThrownBy(() -> strict.property("p1").contacts().delete(fx.base.bob.id())).isInstanceOf(HistoryExistsException.class)
                .hasMessageContaining("1 note");
        assertThatThrownBy(() -> strict.property("p1").organizations().delete(fx.base.acme.id()))
                .isInstanceOf(HistoryExistsException.class).hasMessageContaining("1 note");
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void noEmailEverCarriesANote() {
        String secret = "internal: customer is on probation";
        notes().add(ada(), "alice", secret);
        Ticket t = fx.p1.tickets().create(fx.forAda().body("Hello Ada").build());
        fx.p1.tickets().reply(t.id(), NewMessage.fromAgent("alice", "Following up"));
        fx.sdk.emailDispatcher().runOnce();
        assertThat(fx.mailer.sent()).hasSize(2);
        for (RecordingMailer.Sent sent : fx.mailer.sent()) {
            assertThat(sent.email().body() + sent.email().subject()).doesNotContain("probation");
        }
    }

    @TestFactory
    Stream<DynamicTest> badInputAndOtherPropertiesAreRefusedAndChangeNothing() {
        Note mine = notes().add(ada(), "alice", "mine");
        Note foreign = fx.p2.notes().add(fx.base.other.id(), "alice", "p2's");
        notes().add(ada(), "alice", "second, so ada's list has a next page");
        Cursor adaPage = notes().list(ada(), 1, null).nextCursor();
        assertThat(adaPage).as("ada's first page of one has a next page").isNotNull();
        Cursor contactsCursor = fx.p1.contacts().find(Query.all().withPageSize(1)).nextCursor();
        return RefusedCall.tests(Stream.of(
                RefusedCall.of("blank body", InvalidValueException.class, () -> notes().add(ada(), "alice", " \n\t ")),
                RefusedCall.of("no body", InvalidValueException.class, () -> notes().add(ada(), "alice", null)),
                RefusedCall.of("control character in the body", InvalidValueException.class,
                        () -> notes().add(ada(), "alice", "a\u0000b")),
                RefusedCall.of("body over 64 KiB", InvalidValueException.class,
                        () -> notes().add(ada(), "alice", "x".repeat(64 * 1024 + 1))),
                RefusedCall.of("author not in the directory", InvalidValueException.class, () -> notes().add(ada(), "mallory", "x")),
                RefusedCall.of("blank author", InvalidValueException.class, () -> notes().add(ada(), " ", "x")),
                RefusedCall.of("author on two lines", InvalidValueException.class, () -> notes().add(ada(), "ali\nce", "x")),
                RefusedCall.of("no parent", InvalidValueException.class, () -> notes().add(null, "alice", "x")),
                RefusedCall.of("unknown contact", NotFoundException.class, () -> notes().add(ContactId.generate(), "alice", "x")),
                RefusedCall.of("unknown organization", NotFoundException.class,
                        () -> notes().add(OrganizationId.generate(), "alice", "x")),
                RefusedCall.of("editor not in the directory", InvalidValueException.class,
                        () -> notes().edit(mine.id(), "mallory", "x", 1)),
                RefusedCall.of("blank edit", InvalidValueException.class, () -> notes().edit(mine.id(), "alice", "", 1)),
                RefusedCall.of("stale edit", ConflictException.class, () -> notes().edit(mine.id(), "alice", "x", 7)),
                RefusedCall.of("edit of an unknown note", NotFoundException.class, () -> notes().edit(NoteId.generate(), "alice", "x", 1)),
                RefusedCall.of("delete of an unknown note", NotFoundException.class, () -> notes().delete(NoteId.generate())),
                RefusedCall.of("no note id", InvalidValueException.class, () -> notes().get(null)),
                RefusedCall.of("page size 0", InvalidValueException.class, () -> notes().list(ada(), 0, null)),
                RefusedCall.of("page size 1001", InvalidValueException.class, () -> notes().list(ada(), 1001, null)),
                RefusedCall.of("list of an unknown contact", NotFoundException.class, () -> notes().list(ContactId.generate(), 10, null)),
                RefusedCall.of("damaged cursor", InvalidCursorException.class,
                        () -> notes().list(ada(), 1, Cursor.of(adaPage.token().substring(2)))),
                RefusedCall.of("garbage cursor", InvalidCursorException.class, () -> notes().list(ada(), 1, Cursor.of("AAAA"))),
                RefusedCall.of("cursor of another contact's notes", InvalidCursorException.class,
                        () -> notes().list(fx.base.bob.id(), 1, adaPage)),
                RefusedCall.of("cursor of a contact query", InvalidCursorException.class,
                        () -> notes().list(ada(), 1, contactsCursor)),
                // tenancy: p2's note and contact are not found from p1, and p1's are not found from p2
                RefusedCall.of("get a note of another property", NotFoundException.class, () -> notes().get(foreign.id())),
                RefusedCall.of("edit a note of another property", NotFoundException.class,
                        () -> notes().edit(foreign.id(), "alice", "x", 1)),
                RefusedCall.of("delete a note of another property", NotFoundException.class, () -> notes().delete(foreign.id())),
                RefusedCall.of("write on a contact of another property", NotFoundException.class,
                        () -> notes().add(fx.base.other.id(), "alice", "x")),
                RefusedCall.of("list a contact of another property", NotFoundException.class,
                        () -> notes().list(fx.base.other.id(), 10, null)),
                RefusedCall.of("p1's contact from p2", NotFoundException.class, () -> fx.p2.notes().list(ada(), 1, null)),
                RefusedCall.of("p1's cursor on a p2 contact", InvalidCursorException.class,
                        () -> fx.p2.notes().list(fx.base.other.id(), 1, adaPage)),
                RefusedCall.of("p1's note from p2", NotFoundException.class, () -> fx.p2.notes().get(mine.id()))
        ), () -> StoreSnapshot.of(store));
    }
}

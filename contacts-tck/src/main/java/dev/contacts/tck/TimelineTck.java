package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.Contacts;
import dev.contacts.InvalidCursorException;
import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.PropertyContacts;
import dev.contacts.TimelineService;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.ChatItem;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.LiveChat;
import dev.contacts.model.NewMessage;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Note;
import dev.contacts.model.NoteItem;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageItem;
import dev.contacts.model.TimelineItem;
import dev.contacts.model.TimelineKind;
import dev.contacts.model.WebSession;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import dev.contacts.spi.ContactStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The timeline of a contact through the public facade: notes, chats and ticket messages
 * merged newest first with ties on the same millisecond ordered by id across kinds; every
 * choice of kinds and page size walks exactly the list built here from the three sources;
 * each page seeks at most {@code pageSize + 1} items per selected kind; a walk while items
 * are added sees every item present throughout exactly once; merged contacts bring their
 * history; cursors of another timeline, list, contact, choice of kinds or property are
 * refused, and so are bad page sizes and other properties' contacts. A store runs it by
 * extending this class.
 */
public abstract class TimelineTck extends TicketFixtureTck {
    private static final Comparator<TimelineItem> NEWEST_FIRST = Comparator.comparing(TimelineItem::time)
            .thenComparing(i -> i.id().toString()).reversed(); // the canonical text orders like the unsigned number
    private static final Instant T = TckFixture.NOW;

    private TimelineService timeline() {
        return fx.p1.timeline();
    }

    private ContactId ada() {
        return fx.base.ada.id();
    }

    /** Notes, chats, ticket messages of ada and bob at many instants, with ties on one millisecond across kinds. */
    private void history() {
        for (ContactId who : List.of(ada(), fx.base.bob.id())) {
            String to = who.equals(ada()) ? "ada@example.com" : "bob@example.com";
            fx.clock.set(T);
            fx.p1.notes().add(who, "alice", "first call");
            Ticket t = fx.p1.tickets().create(NewTicket.builder(who, to).subject("Invoice").body("Hello").author("alice").build());
            fx.p1.activity().ingest(LiveChat.of("chat-now-" + who, who, T, List.of(ChatMessage.visitor("hi", T))));
            fx.clock.set(T.plus(Duration.ofSeconds(1)));
            fx.p1.notes().add(who, "carol", "second");
            fx.p1.notes().add(who, "carol", "third, same millisecond");
            fx.p1.activity().ingest(LiveChat.of("chat-1s-" + who, who, T.plus(Duration.ofSeconds(1)), List.of()));
            fx.clock.set(T.plus(Duration.ofSeconds(2)));
            fx.p1.tickets().reply(t.id(), NewMessage.fromContact("Thanks"));
            fx.clock.set(T.plus(Duration.ofSeconds(3)));
            fx.p1.tickets().reply(t.id(), NewMessage.fromAgent("carol", "You are welcome"));
            fx.p1.activity().ingest(LiveChat.of("chat-old-" + who, who, T.minus(Duration.ofDays(30)), List.of()));
            fx.p1.activity().ingest(WebSession.builder("session-" + who, who, T).build()); // not a timeline item
            fx.clock.set(T.minus(Duration.ofDays(3)));
            fx.p1.notes().add(who, "alice", "written with a slow clock");
            fx.p1.tickets().create(NewTicket.builder(who, to).subject("Old").body("Old one").author("alice").build());
        }
        fx.clock.set(T.plus(Duration.ofMinutes(1)));
    }

    /** The expected timeline, built from the three sources' own listings. */
    private List<TimelineItem> expected(PropertyContacts p, ContactId contact, Set<TimelineKind> kinds) {
        List<TimelineItem> all = new ArrayList<>();
        if (kinds.isEmpty() || kinds.contains(TimelineKind.NOTE)) {
            NoteTck.walk(p.notes(), contact, 1000).forEach(n -> all.add(new NoteItem(n)));
        }
        if (kinds.isEmpty() || kinds.contains(TimelineKind.CHAT)) {
            p.activity().chats(contact, 1000, null).items().forEach(c -> all.add(new ChatItem(c)));
        }
        if (kinds.isEmpty() || kinds.contains(TimelineKind.TICKET)) {
            for (Ticket t : p.tickets().ofContact(contact)) {
                p.tickets().messages(t.id()).forEach(m -> all.add(new TicketMessageItem(m)));
            }
        }
        all.sort(NEWEST_FIRST);
        return all;
    }

    private static List<TimelineItem> walk(TimelineService service, ContactId contact, Set<TimelineKind> kinds, int size) {
        List<TimelineItem> all = new ArrayList<>();
        Cursor cursor = null;
        do {
            Page<TimelineItem> page = service.page(contact, kinds, size, cursor);
            assertThat(page.items().size()).isLessThanOrEqualTo(size);
            if (page.hasNext()) {
                assertThat(page.items()).as("a page with a next page is full").hasSize(size);
            }
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private static List<Set<TimelineKind>> everyChoiceOfKinds() {
        List<Set<TimelineKind>> choices = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            Set<TimelineKind> kinds = EnumSet.noneOf(TimelineKind.class);
            for (TimelineKind k : TimelineKind.values()) {
                if ((mask & (1 << k.ordinal())) != 0) {
                    kinds.add(k);
                }
            }
            choices.add(kinds);
        }
        return choices;
    }

    @Test
    void notesChatsAndTicketMessagesAreMergedNewestFirst() {
        history();
        List<TimelineItem> items = timeline().page(ada(), 1000).items();
        assertThat(items).isEqualTo(expected(fx.p1, ada(), Set.of()));
        assertThat(items).hasSize(11);
        assertThat(items.stream().map(TimelineItem::kind).distinct()).containsExactlyInAnyOrder(TimelineKind.values());
        assertThat(items.get(0)).isInstanceOf(TicketMessageItem.class);
        assertThat(((TicketMessageItem) items.get(0)).message().body()).isEqualTo("You are welcome");
        assertThat(items.get(items.size() - 1)).isInstanceOf(ChatItem.class);
        assertThat(items).as("only ada's history").allSatisfy(i -> assertThat(contactOf(i)).isEqualTo(ada()));
    }

    private static ContactId contactOf(TimelineItem item) {
        if (item instanceof NoteItem) {
            return (ContactId) ((NoteItem) item).note().parent();
        }
        if (item instanceof ChatItem) {
            return ((ChatItem) item).chat().contact();
        }
        return ((TicketMessageItem) item).message().contact();
    }

    @Test
    void itemsOfTheSameMillisecondAreOrderedByIdDescendingAcrossKinds() {
        ContactId bob = fx.base.bob.id();
        Note note = fx.p1.notes().add(bob, "alice", "same instant");
        Ticket ticket = fx.p1.tickets().create(NewTicket.builder(bob, "bob@example.com").subject("S").body("B").author("alice").build());
        LiveChat chat = LiveChat.of("c", bob, T, List.of());
        fx.p1.activity().ingest(chat);
        TicketMessage message = fx.p1.tickets().messages(ticket.id()).get(0);
        List<String> ids = new ArrayList<>(List.of(note.id().toString(), message.id().toString(), chat.id().toString()));
        ids.sort(Comparator.reverseOrder());
        for (int size : new int[] {1, 2, 3}) {
            List<TimelineItem> walked = walk(timeline(), bob, null, size);
            assertThat(walked).extracting(TimelineItem::time).containsOnly(T);
            assertThat(walked).extracting(i -> i.id().toString()).as("by id descending, pages of " + size).isEqualTo(ids);
        }
    }

    @Test
    void everyChoiceOfKindsAndPageSizeWalksExactlyTheSortedSources() {
        history();
        for (Set<TimelineKind> kinds : everyChoiceOfKinds()) {
            List<TimelineItem> expected = expected(fx.p1, ada(), kinds);
            for (int size : new int[] {1, 2, 3, 5, 13, 14, 1000}) {
                assertThat(walk(timeline(), ada(), kinds, size)).as("kinds " + kinds + ", pages of " + size).isEqualTo(expected);
            }
        }
        assertThat(walk(timeline(), ada(), null, 4)).as("null is every kind").isEqualTo(expected(fx.p1, ada(), Set.of()));
    }

    @Test
    void eachPageSeeksAtMostPageSizePlusOneItemsOfEachSelectedKind() {
        history();
        CallRecordingStore recording = new CallRecordingStore(store);
        Contacts sdk = fx.sdkOver(recording.store(), b -> { });
        TimelineService recorded = sdk.property("p1").timeline();
        for (Set<TimelineKind> kinds : everyChoiceOfKinds()) {
            Set<String> sources = new HashSet<>();
            for (TimelineKind k : kinds.isEmpty() ? EnumSet.allOf(TimelineKind.class) : kinds) {
                sources.add(source(k));
            }
            for (int size : new int[] {1, 3}) {
                Cursor cursor = null;
                do {
                    recording.clear();
                    Page<TimelineItem> page = recorded.page(ada(), kinds, size, cursor);
                    List<CallRecordingStore.Call> seeks = recording.calls().stream()
                            .filter(c -> c.method().equals("listByParent") || c.method().equals("listChats")
                                    || c.method().equals("listContactMessages")).toList();
                    List<CallRecordingStore.Call> pages = recording.calls().stream()
                            .filter(c -> c.repository().equals("TimelineRepository")).toList();
                    if (store.timeline().isPresent()) {
                        // the store reads the page itself: one call for every selected kind, no per-kind seek
                        assertThat(seeks).as("no per-kind seek when the store reads its own pages, kinds " + kinds).isEmpty();
                        assertThat(pages).as("one page read, kinds " + kinds).hasSize(1);
                        assertThat(pages.get(0).args().get(2)).as("the selected kinds")
                                .isEqualTo(kinds.isEmpty() ? EnumSet.allOf(TimelineKind.class) : kinds);
                        assertThat((Integer) pages.get(0).args().get(4)).as("reads at most pageSize + 1").isLessThanOrEqualTo(size + 1);
                    } else {
                        assertThat(pages).isEmpty();
                        assertThat(seeks).extracting(CallRecordingStore.Call::method).as("one seek per selected kind, kinds " + kinds)
                                .containsExactlyInAnyOrderElementsOf(sources);
                        assertThat(seeks).as("each seek reads at most pageSize + 1, kinds " + kinds)
                                .allSatisfy(c -> assertThat((Integer) c.args().get(c.args().size() - 1)).isLessThanOrEqualTo(size + 1));
                    }
                    cursor = page.nextCursor();
                } while (cursor != null);
            }
        }
    }

    private static String source(TimelineKind kind) {
        switch (kind) {
            case NOTE:
                return "listByParent";
            case CHAT:
                return "listChats";
            default:
                return "listContactMessages";
        }
    }

    /**
     * A store that reads its own pages ({@code ContactStore.timeline()}) must give exactly the
     * SDK merge's pages: checked here on a history crowded onto three milliseconds (ties within
     * and across kinds on every page boundary), for every choice of kinds and several page
     * sizes, against the same store with its own reading hidden. Also: a contact without
     * history has an empty timeline, and a deleted contact's is not found, both ways.
     */
    @Test
    void theStoresOwnPagesAreExactlyTheSdkMergesPages() {
        ContactId bob = fx.base.bob.id();
        Ticket ticket = fx.p1.tickets().create(NewTicket.builder(bob, "bob@example.com").subject("S").body("first").author("alice").build());
        for (int i = 0; i < 18; i++) {
            Instant at = T.plusMillis(i % 3);
            fx.clock.set(at);
            switch (i % 4) {
                case 0:
                    fx.p1.notes().add(bob, "alice", "note " + i);
                    break;
                case 1:
                    fx.p1.activity().ingest(LiveChat.of("tie-" + i, bob, at, List.of(ChatMessage.visitor("hello " + i, at))));
                    break;
                case 2:
                    fx.p1.tickets().reply(ticket.id(), NewMessage.fromContact("reply " + i));
                    break;
                default:
                    fx.p1.activity().ingest(LiveChat.of("tie-" + i, bob, at, List.of()));
                    break;
            }
        }
        fx.clock.set(T.plus(Duration.ofMinutes(1)));
        TimelineService merged = fx.sdkOver(withoutOwnTimeline(store), b -> { }).property("p1").timeline();
        for (Set<TimelineKind> kinds : everyChoiceOfKinds()) {
            List<TimelineItem> expected = expected(fx.p1, bob, kinds);
            for (int size : new int[] {1, 2, 4, 7, 1000}) {
                assertThat(walk(timeline(), bob, kinds, size)).as("the store's pages, kinds " + kinds + ", pages of " + size)
                        .isEqualTo(expected);
                assertThat(walk(merged, bob, kinds, size)).as("the SDK merge, kinds " + kinds + ", pages of " + size)
                        .isEqualTo(expected);
            }
        }
        Contact empty = fx.p1.contacts().create(AttributeChanges.builder().set("name", "No history").build());
        assertThat(timeline().page(empty.id(), 5).items()).as("a contact without history").isEmpty();
        assertThat(merged.page(empty.id(), 5).items()).isEmpty();
        fx.p1.contacts().delete(empty.id());
        for (TimelineService service : List.of(timeline(), merged)) {
            assertThatThrownBy(() -> service.page(empty.id(), 5)).as("a deleted contact")
                    .isInstanceOf(NotFoundException.class);
        }
    }

    /** The store with {@code timeline()} empty: the SDK then merges its per-kind seeks. */
    private static ContactStore withoutOwnTimeline(ContactStore store) {
        return (ContactStore) Proxy.newProxyInstance(ContactStore.class.getClassLoader(), new Class<?>[] {ContactStore.class},
                (self, method, args) -> {
                    if (method.getName().equals("timeline") && method.getParameterCount() == 0) {
                        return Optional.empty();
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? self == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(self) : "WithoutOwnTimeline(" + store + ")";
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aWalkWhileItemsAreAddedSeesEveryItemPresentThroughoutExactlyOnce() {
        history();
        List<TimelineItem> before = expected(fx.p1, ada(), Set.of());
        List<TimelineItem> walked = new ArrayList<>();
        Cursor cursor = null;
        int page = 0;
        do {
            Page<TimelineItem> p = timeline().page(ada(), null, 2, cursor);
            walked.addAll(p.items());
            cursor = p.nextCursor();
            fx.clock.advance(Duration.ofSeconds(1));
            fx.p1.notes().add(ada(), "alice", "added during the walk " + page);                          // newer than every page
            fx.p1.activity().ingest(LiveChat.of("during-" + page, ada(), T.minus(Duration.ofDays(400 - page)), List.of())); // older
            page++;
        } while (cursor != null);
        List<TimelineItem> present = new ArrayList<>(walked);
        present.retainAll(before);
        assertThat(present).as("every item present throughout, once, in order").isEqualTo(before);
        assertThat(new HashSet<>(walked)).as("no item twice").hasSize(walked.size());
    }

    @Test
    void anEditedNoteKeepsItsPlace() {
        history();
        Note oldest = NoteTck.walk(fx.p1.notes(), ada(), 100).stream().min(Comparator.comparing(Note::created)).orElseThrow();
        Note edited = fx.p1.notes().edit(oldest.id(), "carol", "edited now", oldest.version());
        List<TimelineItem> items = timeline().page(ada(), Set.of(TimelineKind.NOTE), 100, null).items();
        assertThat(items.get(items.size() - 1)).isEqualTo(new NoteItem(edited));
        assertThat(timeline().page(ada(), 1000).items()).isEqualTo(expected(fx.p1, ada(), Set.of()));
    }

    @Test
    void aMergedContactsHistoryJoinsTheKeptContactsTimeline() {
        history();
        int adas = expected(fx.p1, ada(), Set.of()).size();
        int bobs = expected(fx.p1, fx.base.bob.id(), Set.of()).size();
        fx.p1.contacts().merge(ada(), fx.base.bob.id());
        List<TimelineItem> merged = walk(timeline(), ada(), null, 5);
        assertThat(merged).hasSize(adas + bobs).isEqualTo(expected(fx.p1, ada(), Set.of()));
    }

    @TestFactory
    Stream<DynamicTest> badInputAndOtherPropertiesAreRefusedAndChangeNothing() {
        history();
        Cursor all = timeline().page(ada(), null, 2, null).nextCursor();
        Cursor notesOnly = timeline().page(ada(), Set.of(TimelineKind.NOTE), 2, null).nextCursor();
        Cursor bobs = timeline().page(fx.base.bob.id(), null, 2, null).nextCursor();
        Cursor noteList = fx.p1.notes().list(ada(), 1, null).nextCursor();
        assertThat(Arrays.asList(all, notesOnly, bobs, noteList)).doesNotContainNull();
        assertThat(timeline().page(ada(), EnumSet.allOf(TimelineKind.class), 2, all).items())
                .as("every kind named is the same timeline as none named").hasSize(2);
        ContactId other = fx.base.other.id();
        fx.p2.notes().add(other, "alice", "p2's note");
        return RefusedCall.tests(Stream.of(
                RefusedCall.of("cursor of another choice of kinds", InvalidCursorException.class,
                        () -> timeline().page(ada(), Set.of(TimelineKind.CHAT), 2, notesOnly)),
                RefusedCall.of("cursor of all kinds used for notes only", InvalidCursorException.class,
                        () -> timeline().page(ada(), Set.of(TimelineKind.NOTE), 2, all)),
                RefusedCall.of("cursor of another contact", InvalidCursorException.class, () -> timeline().page(ada(), null, 2, bobs)),
                RefusedCall.of("cursor of a note list", InvalidCursorException.class, () -> timeline().page(ada(), null, 2, noteList)),
                RefusedCall.of("timeline cursor used for a note list", InvalidCursorException.class,
                        () -> fx.p1.notes().list(ada(), 2, all)),
                RefusedCall.of("garbage cursor", InvalidCursorException.class, () -> timeline().page(ada(), null, 2, Cursor.of("AAAAAAAA"))),
                RefusedCall.of("truncated cursor", InvalidCursorException.class,
                        () -> timeline().page(ada(), null, 2, Cursor.of(all.token().substring(0, all.token().length() - 3)))),
                RefusedCall.of("page size 0", InvalidValueException.class, () -> timeline().page(ada(), 0)),
                RefusedCall.of("page size 1001", InvalidValueException.class, () -> timeline().page(ada(), 1001)),
                RefusedCall.of("a null kind", InvalidValueException.class,
                        () -> timeline().page(ada(), new HashSet<>(Arrays.asList(TimelineKind.NOTE, null)), 2, null)),
                RefusedCall.of("no contact", InvalidValueException.class, () -> timeline().page(null, 2)),
                RefusedCall.of("unknown contact", NotFoundException.class, () -> timeline().page(ContactId.generate(), 2)),
                RefusedCall.of("contact of another property", NotFoundException.class, () -> timeline().page(other, 2)),
                RefusedCall.of("p1's contact from p2", NotFoundException.class, () -> fx.p2.timeline().page(ada(), 2)),
                RefusedCall.of("p1's cursor in p2", InvalidCursorException.class, () -> fx.p2.timeline().page(other, null, 2, all))
        ), () -> StoreSnapshot.of(store));
    }
}

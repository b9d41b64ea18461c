package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.ActivityService;
import dev.contacts.ConflictException;
import dev.contacts.Contacts;
import dev.contacts.DeletionPolicy;
import dev.contacts.HistoryExistsException;
import dev.contacts.InvalidCursorException;
import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.StoreException;
import dev.contacts.filter.Filter;
import dev.contacts.model.ActivityEvent;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.IngestResult;
import dev.contacts.model.LiveChat;
import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Activity ingestion through the public facade: web sessions and live chats feed the
 * contact's statistics (totals, first/last, pages, time, firstSeen/lastSeen, the location
 * of the newest session) in one store write; the same event twice counts once; 8 threads
 * ingesting overlapping duplicates leave exact statistics; a write whose reply is lost is
 * retried without double counting; listing, the deletion cascade, re-pointing for merges,
 * and tenancy. Every refused call raises its typed exception and changes nothing. A store
 * runs it by extending this class.
 */
public abstract class ActivityTck extends TicketFixtureTck {
    private static final int THREADS = 8;
    private static final Instant T = TckFixture.NOW.minus(Duration.ofDays(2));

    private ActivityService activity() {
        return fx.p1.activity();
    }

    private ContactId bob() {
        return fx.base.bob.id();
    }

    private Contact contact(ContactId id) {
        return fx.p1.contacts().get(id);
    }

    private PropertyId p1() {
        return fx.p1.property().id();
    }

    private static BigDecimal n(long value) {
        return BigDecimal.valueOf(value);
    }

    @Test
    void aWebSessionFeedsTheContactsStatisticsWithoutEditingIt() {
        Contact before = contact(bob());
        assertThat(before.totalWebSessions()).as("unknown until the first session").isNull();
        WebSession s = WebSession.builder(" sess-1 ", bob(), T).end(T.plus(Duration.ofMinutes(10))).pagesViewed(7)
                .country("fr").city("Paris").region("Île-de-France").hostname("bob.example.net").ip("192.0.2.7").os("Linux")
                .browser("Firefox").build();
        assertThat(s.externalId()).isEqualTo("sess-1");
        assertThat(s.timeSpent()).as("from start to end by default").isEqualTo(600);
        assertThat(activity().ingest(s)).isEqualTo(IngestResult.APPLIED);

        Contact after = contact(bob());
        assertThat(after.totalWebSessions()).isEqualByComparingTo(n(1));
        assertThat(after.firstWebSession()).isEqualTo(T);
        assertThat(after.lastWebSession()).isEqualTo(T);
        assertThat(after.pagesViewed()).isEqualByComparingTo(n(7));
        assertThat(after.timeSpent()).isEqualByComparingTo(n(600));
        assertThat(after.firstSeen()).isEqualTo(T);
        assertThat(after.lastSeen()).as("seen until the session's end").isEqualTo(T.plus(Duration.ofMinutes(10)));
        assertThat(java.util.Arrays.asList(after.country(), after.city(), after.region(), after.hostname(), after.ip(), after.os(), after.browser()))
                .containsExactly("FR", "Paris", "Île-de-France", "bob.example.net", "192.0.2.7", "Linux", "Firefox");
        assertThat(after.totalLiveChats()).isNull();
        assertThat(after.version()).as("an edit based on the older read must conflict").isEqualTo(before.version() + 1);
        assertThat(after.updated()).as("activity is not an edit").isEqualTo(before.updated());
        assertThatThrownBy(() -> fx.p1.contacts().update(bob(), before.version(), AttributeChanges.of(Map.of("name", "B"))))
                .isInstanceOf(ConflictException.class);

        assertThat(fx.p1.contacts().count(Filter.and(Filter.attr("totalWebSessions").eq(1), Filter.attr("country").is("FR"),
                Filter.attr("pagesViewed").ge(7)))).as("the store's filters see the new values").isEqualTo(1);
        assertThat(activity().webSessions(bob(), 10, null).items()).containsExactly(s);
    }

    @Test
    void theSameEventTwiceCountsOnce() {
        WebSession s = WebSession.builder("sess-1", bob(), T).pagesViewed(3).timeSpent(30).country("FR").build();
        LiveChat c = LiveChat.of("chat-1", bob(), T, List.of(ChatMessage.visitor("hello", T)));
        assertThat(activity().ingest(s)).isEqualTo(IngestResult.APPLIED);
        assertThat(activity().ingest(c)).isEqualTo(IngestResult.APPLIED);
        StoreSnapshot once = StoreSnapshot.of(store);
        assertThat(activity().ingest(s)).isEqualTo(IngestResult.DUPLICATE);
        assertThat(activity().ingest(c)).isEqualTo(IngestResult.DUPLICATE);
        WebSession sameIdOtherContent = WebSession.builder("sess-1", fx.base.ada.id(), T.plus(Duration.ofDays(1))).pagesViewed(50)
                .country("DE").build();
        assertThat(activity().ingest(sameIdOtherContent)).as("the external id is the event's identity").isEqualTo(IngestResult.DUPLICATE);
        assertThat(activity().ingest(LiveChat.of("chat-1", bob(), T, List.of()))).isEqualTo(IngestResult.DUPLICATE);
        assertThat(StoreSnapshot.of(store)).as("duplicates change nothing").isEqualTo(once);
    }

    @Test
    void externalIdsAreUniquePerKindAndProperty() {
        assertThat(activity().ingest(WebSession.builder("e-1", bob(), T).build())).isEqualTo(IngestResult.APPLIED);
        assertThat(activity().ingest(LiveChat.of("e-1", bob(), T, List.of()))).as("a chat is another kind").isEqualTo(IngestResult.APPLIED);
        assertThat(fx.p2.activity().ingest(WebSession.builder("e-1", fx.base.other.id(), T).build())).as("another property")
                .isEqualTo(IngestResult.APPLIED);
        assertThat(contact(bob()).totalWebSessions()).isEqualByComparingTo(n(1));
        assertThat(contact(bob()).totalLiveChats()).isEqualByComparingTo(n(1));
        assertThat(fx.p2.contacts().get(fx.base.other.id()).totalWebSessions()).isEqualByComparingTo(n(1));
    }

    @Test
    void aLateOlderSessionCountsButDoesNotOverwriteTheLocation() {
        activity().ingest(WebSession.builder("new", bob(), T).pagesViewed(2).timeSpent(20).country("FR").city("Paris").os("Linux").build());
        activity().ingest(WebSession.builder("late", bob(), T.minus(Duration.ofDays(1))).pagesViewed(5).timeSpent(50).country("DE")
                .city("Berlin").browser("Chrome").build());
        Contact c = contact(bob());
        assertThat(c.totalWebSessions()).isEqualByComparingTo(n(2));
        assertThat(c.pagesViewed()).isEqualByComparingTo(n(7));
        assertThat(c.timeSpent()).isEqualByComparingTo(n(70));
        assertThat(c.firstWebSession()).isEqualTo(T.minus(Duration.ofDays(1)));
        assertThat(c.lastWebSession()).isEqualTo(T);
        assertThat(c.firstSeen()).isEqualTo(T.minus(Duration.ofDays(1)));
        assertThat(c.lastSeen()).isEqualTo(T);
        assertThat(java.util.Arrays.asList(c.country(), c.city(), c.os())).containsExactly("FR", "Paris", "Linux");
        assertThat(c.browser()).as("the older session's browser is not taken either").isNull();

        activity().ingest(WebSession.builder("newest", bob(), T.plus(Duration.ofHours(1))).city("Lyon").build());
        Contact later = contact(bob());
        assertThat(later.city()).isEqualTo("Lyon");
        assertThat(later.country()).as("the newest session's values, unknown ones included").isNull();
        assertThat(later.os()).isNull();
        assertThat(later.pagesViewed()).as("a session of 0 pages adds 0").isEqualByComparingTo(n(7));
    }

    @Test
    void aLiveChatFeedsTheChatStatisticsAndKeepsItsTranscript() {
        Contact before = contact(bob());
        LiveChat chat = LiveChat.of("chat-9", bob(), T, List.of(
                ChatMessage.visitor("  Hi, my invoice\nis wrong  ", T),
                ChatMessage.agent("alice", "Let me check", T.plus(Duration.ofMinutes(2))),
                ChatMessage.agent("someone who left", "Fixed", T.plus(Duration.ofMinutes(5)))));
        assertThat(chat.messages().get(0).text()).isEqualTo("Hi, my invoice\nis wrong");
        assertThat(activity().ingest(chat)).isEqualTo(IngestResult.APPLIED);
        Contact after = contact(bob());
        assertThat(after.totalLiveChats()).isEqualByComparingTo(n(1));
        assertThat(after.firstLiveChat()).isEqualTo(T);
        assertThat(after.lastLiveChat()).isEqualTo(T);
        assertThat(after.firstSeen()).isEqualTo(T);
        assertThat(after.lastSeen()).as("seen until the last message").isEqualTo(T.plus(Duration.ofMinutes(5)));
        assertThat(after.totalWebSessions()).isNull();
        assertThat(after.pagesViewed()).isNull();
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.updated()).isEqualTo(before.updated());
        assertThat(activity().chats(bob(), 10, null).items()).containsExactly(chat);

        LiveChat earlier = LiveChat.of("chat-8", bob(), T.minus(Duration.ofDays(3)), List.of());
        activity().ingest(earlier);
        Contact two = contact(bob());
        assertThat(two.totalLiveChats()).isEqualByComparingTo(n(2));
        assertThat(two.firstLiveChat()).isEqualTo(earlier.start());
        assertThat(two.lastLiveChat()).isEqualTo(T);
        assertThat(two.firstSeen()).isEqualTo(earlier.start());
        assertThat(two.lastSeen()).isEqualTo(T.plus(Duration.ofMinutes(5)));
    }

    @Test
    void sessionsAndChatsAreListedNewestFirstAndWalkedByCursor() {
        List<WebSession> sessions = new ArrayList<>();
        List<LiveChat> chats = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Instant start = T.plus(Duration.ofMinutes(i / 3)); // three events share each start
            sessions.add(WebSession.builder("s" + i, bob(), start).build());
            chats.add(LiveChat.of("c" + i, bob(), start, List.of()));
        }
        Collections.shuffle(sessions, new Random(1));
        Collections.shuffle(chats, new Random(2));
        sessions.forEach(activity()::ingest);
        chats.forEach(activity()::ingest);
        List<WebSession> expectedSessions = newestFirst(sessions);
        List<LiveChat> expectedChats = newestFirst(chats);
        for (int size : new int[] {1, 2, 4, 9, 10}) {
            assertThat(walk(c -> activity().webSessions(bob(), size, c))).as("sessions by " + size).isEqualTo(expectedSessions);
            assertThat(walk(c -> activity().chats(bob(), size, c))).as("chats by " + size).isEqualTo(expectedChats);
        }
    }

    /** Newest first, ties by id descending (the canonical text orders like the unsigned number). */
    static <E extends ActivityEvent> List<E> newestFirst(List<E> events) {
        List<E> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing((E e) -> e.start()).thenComparing(e -> e.id().toString()).reversed());
        return sorted;
    }

    private static <T> List<T> walk(Function<Cursor, Page<T>> pages) {
        List<T> all = new ArrayList<>();
        Cursor cursor = null;
        do {
            Page<T> page = pages.apply(cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    @Test
    void eightThreadsIngestingOverlappingDuplicatesLeaveExactStatistics() throws Exception {
        long seed = TckSettings.fromSystemProperties().seed();
        Random random = new Random(seed);
        List<ContactId> contacts = new ArrayList<>(List.of(fx.base.ada.id(), bob()));
        contacts.add(fx.p1.contacts().create(AttributeChanges.of(Map.of("name", "Carol"))).id());
        Map<ContactId, Long> versions = contacts.stream().collect(Collectors.toMap(id -> id, id -> contact(id).version()));
        List<ActivityEvent> events = new ArrayList<>();
        String[] countries = {"FR", "DE", "US", null};
        for (int i = 0; i < 120; i++) {
            ContactId who = contacts.get(random.nextInt(contacts.size()));
            Instant start = T.minus(Duration.ofMinutes(i * 7L + random.nextInt(5))); // every start differs
            if (random.nextInt(3) == 0) {
                List<ChatMessage> messages = new ArrayList<>();
                for (int m = random.nextInt(4); m > 0; m--) {
                    messages.add(ChatMessage.visitor("m" + m, start.plusSeconds(60L * (4 - m))));
                }
                events.add(LiveChat.of("chat-" + i, who, start, messages));
            } else {
                events.add(WebSession.builder("sess-" + i, who, start).pagesViewed(random.nextInt(40))
                        .end(random.nextBoolean() ? start.plusSeconds(random.nextInt(3600)) : null)
                        .country(countries[random.nextInt(countries.length)]).city("city" + random.nextInt(9)).build());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<IngestResult> results = Collections.synchronizedList(new ArrayList<>());
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<ActivityEvent> mine = new ArrayList<>(events);
                Collections.shuffle(mine, new Random(seed + t)); // every thread delivers every event, in its own order
                done.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    for (ActivityEvent e : mine) {
                        results.add(e instanceof WebSession ? activity().ingest((WebSession) e) : activity().ingest((LiveChat) e));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        String replay = "replay with " + TckSettings.fromSystemProperties().replay();
        assertThat(results.stream().filter(r -> r == IngestResult.APPLIED).count()).as("one APPLIED per event; " + replay)
                .isEqualTo(events.size());
        for (ContactId id : contacts) {
            List<ActivityEvent> own = events.stream().filter(e -> e.contact().equals(id)).toList();
            assertThat(statistics(contact(id))).as("statistics of " + id + "; " + replay).isEqualTo(expected(own));
            assertThat(contact(id).version()).as("one version per applied event; " + replay).isEqualTo(versions.get(id) + own.size());
        }
    }

    /** The statistics of a contact as a list, for one comparison with a readable difference. */
    private static List<Object> statistics(Contact c) {
        return java.util.Arrays.asList(c.totalWebSessions(), c.pagesViewed(), c.timeSpent(), c.firstWebSession(), c.lastWebSession(),
                c.totalLiveChats(), c.firstLiveChat(), c.lastLiveChat(), c.firstSeen(), c.lastSeen(), c.country(), c.city());
    }

    /** The statistics the events must give a contact without any, computed here from the rules. */
    private static List<Object> expected(List<ActivityEvent> events) {
        List<WebSession> sessions = events.stream().filter(e -> e instanceof WebSession).map(e -> (WebSession) e).toList();
        List<LiveChat> chats = events.stream().filter(e -> e instanceof LiveChat).map(e -> (LiveChat) e).toList();
        WebSession newest = sessions.stream().max(Comparator.comparing(WebSession::start)).orElse(null);
        return java.util.Arrays.asList(
                sessions.isEmpty() ? null : n(sessions.size()),
                sessions.isEmpty() ? null : n(sessions.stream().mapToLong(WebSession::pagesViewed).sum()),
                sessions.isEmpty() ? null : n(sessions.stream().mapToLong(WebSession::timeSpent).sum()),
                sessions.stream().map(WebSession::start).min(Comparator.naturalOrder()).orElse(null),
                newest == null ? null : newest.start(),
                chats.isEmpty() ? null : n(chats.size()),
                chats.stream().map(LiveChat::start).min(Comparator.naturalOrder()).orElse(null),
                chats.stream().map(LiveChat::start).max(Comparator.naturalOrder()).orElse(null),
                events.stream().map(ActivityEvent::start).min(Comparator.naturalOrder()).orElse(null),
                events.stream().map(ActivityEvent::lastActivity).max(Comparator.naturalOrder()).orElse(null),
                newest == null ? null : newest.country(),
                newest == null ? null : newest.city());
    }

    @Test
    void aRetryAfterALostReplyCountsOnce() {
        FaultInjectingStore faulty = new FaultInjectingStore(store);
        Contacts flaky = fx.sdkOver(faulty.store(), b -> { });
        WebSession s = WebSession.builder("sess-lost", bob(), T).pagesViewed(4).build();
        faulty.failAt(1, FaultInjectingStore.Mode.FAIL_AFTER);
        assertThatThrownBy(() -> flaky.property("p1").activity().ingest(s)).isInstanceOf(StoreException.class);
        faulty.heal();
        assertThat(flaky.property("p1").activity().ingest(s)).as("the write had happened").isEqualTo(IngestResult.DUPLICATE);
        assertThat(contact(bob()).totalWebSessions()).isEqualByComparingTo(n(1));
        assertThat(contact(bob()).pagesViewed()).isEqualByComparingTo(n(4));

        LiveChat c = LiveChat.of("chat-refused", bob(), T, List.of());
        StoreSnapshot before = StoreSnapshot.of(store);
        faulty.failAt(1, FaultInjectingStore.Mode.FAIL_BEFORE);
        assertThatThrownBy(() -> flaky.property("p1").activity().ingest(c)).isInstanceOf(StoreException.class);
        faulty.heal();
        assertThat(StoreSnapshot.of(store)).as("a write that failed before the store changed nothing").isEqualTo(before);
        assertThat(flaky.property("p1").activity().ingest(c)).isEqualTo(IngestResult.APPLIED);
        assertThat(contact(bob()).totalLiveChats()).isEqualByComparingTo(n(1));
        assertThat(fx.sdk.recover().completedWrites()).as("nothing was left half done").isZero();
    }

    @Test
    void deletingAContactDeletesItsActivity() {
        ContactId ada = fx.base.ada.id();
        activity().ingest(WebSession.builder("s-ada", ada, T).build());
        activity().ingest(LiveChat.of("c-ada", ada, T, List.of()));
        activity().ingest(WebSession.builder("s-bob", bob(), T).build());
        fx.p1.contacts().delete(ada);
        assertThat(store.activity().listWebSessions(p1(), ada, null, null, 10)).isEmpty();
        assertThat(store.activity().listChats(p1(), ada, null, null, 10)).isEmpty();
        assertThat(activity().webSessions(bob(), 10, null).items()).as("other contacts keep theirs").hasSize(1);
        assertThat(activity().ingest(WebSession.builder("s-ada", bob(), T).build())).as("the deleted event's id is free again")
                .isEqualTo(IngestResult.APPLIED);
        assertThatThrownBy(() -> activity().ingest(WebSession.builder("s-ada-2", ada, T).build())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void reassignMovesEveryEventButNoStatistic() {
        ContactId ada = fx.base.ada.id();
        WebSession s = WebSession.builder("s-ada", ada, T).pagesViewed(3).build();
        LiveChat c = LiveChat.of("c-ada", ada, T, List.of());
        activity().ingest(s);
        activity().ingest(c);
        Contact bobBefore = contact(bob());
        assertThat(store.activity().reassign(p1(), ada, bob())).isEqualTo(2);
        assertThat(activity().webSessions(bob(), 10, null).items()).containsExactly(s.withContact(bob()));
        assertThat(activity().chats(bob(), 10, null).items()).containsExactly(c.withContact(bob()));
        assertThat(activity().webSessions(ada, 10, null).items()).isEmpty();
        assertThat(contact(bob())).as("the merge recombines statistics, not reassign").isEqualTo(bobBefore);
        assertThat(activity().ingest(WebSession.builder("s-ada", bob(), T).build())).as("moved events keep their external ids")
                .isEqualTo(IngestResult.DUPLICATE);
        assertThat(store.activity().reassign(p1(), ada, bob())).as("again: nothing left to move").isZero();
        ContactId gone = ContactId.generate();
        assertThat(store.activity().reassign(p1(), bob(), gone))
                .as("to a contact deleted meanwhile: the events go as its history went").isEqualTo(2);
        assertThat(activity().webSessions(bob(), 10, null).items()).isEmpty();
        assertThat(store.activity().listWebSessions(p1(), gone, null, null, 10)).as("no event is left orphaned").isEmpty();
        assertThat(store.activity().listChats(p1(), gone, null, null, 10)).isEmpty();
    }

    @Test
    void aMergeMovesTheActivityAndItsStatisticsAreThoseOfAllTheEvents() {
        ContactId ada = fx.base.ada.id();
        List<ActivityEvent> events = List.of(
                WebSession.builder("s-ada", ada, T).pagesViewed(3).timeSpent(40).country("FR").city("Paris").build(),
                WebSession.builder("s-bob", bob(), T.plus(Duration.ofHours(2))).pagesViewed(5).timeSpent(10).country("DE")
                        .city("Berlin").build(),
                WebSession.builder("s-bob-old", bob(), T.minus(Duration.ofDays(9))).pagesViewed(1).country("US").city("Boston").build(),
                LiveChat.of("c-bob", bob(), T.minus(Duration.ofDays(1)), List.of(ChatMessage.visitor("hi", T.minus(Duration.ofDays(1))))),
                LiveChat.of("c-ada", ada, T.plus(Duration.ofHours(5)), List.of()));
        for (ActivityEvent e : events) {
            assertThat(e instanceof WebSession ? activity().ingest((WebSession) e) : activity().ingest((LiveChat) e))
                    .isEqualTo(IngestResult.APPLIED);
        }
        fx.p1.contacts().merge(ada, bob());
        List<ActivityEvent> moved = events.stream().map(e -> e.withContact(ada)).toList();
        assertThat(statistics(contact(ada))).as("as if every event had happened to the kept contact").isEqualTo(expected(moved));
        assertThat(walk(c -> activity().webSessions(ada, 2, c)))
                .isEqualTo(newestFirst(moved.stream().filter(e -> e instanceof WebSession).map(e -> (WebSession) e).toList()));
        assertThat(walk(c -> activity().chats(ada, 2, c)))
                .isEqualTo(newestFirst(moved.stream().filter(e -> e instanceof LiveChat).map(e -> (LiveChat) e).toList()));
        assertThat(activity().ingest(WebSession.builder("s-bob", ada, T).build())).as("the moved events keep their external ids")
                .isEqualTo(IngestResult.DUPLICATE);
        assertThatThrownBy(() -> activity().ingest(WebSession.builder("s-new", bob(), T).build())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theRefusingDeletionPolicyKeepsAContactWithActivity() {
        activity().ingest(LiveChat.of("c-1", bob(), T, List.of()));
        activity().ingest(WebSession.builder("s-1", bob(), T).build());
        activity().ingest(WebSession.builder("s-2", bob(), T).build());
        Contacts strict = fx.sdkOver(store, b -> b.deletionPolicy(DeletionPolicy.REFUSE_WHEN_HISTORY));
        StoreSnapshot before = StoreSnapshot.of(store);
        assertThatThrownBy(() -> strict.property("p1").contacts().delete(bob())).isInstanceOf(HistoryExistsException.class)
                .hasMessageContaining("1 chat").hasMessageContaining("2 web sessions");
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @TestFactory
    Stream<DynamicTest> badInputAndOtherPropertiesAreRefusedAndChangeNothing() {
        activity().ingest(WebSession.builder("s1", bob(), T).build());
        activity().ingest(WebSession.builder("s2", bob(), T).build());
        Cursor bobSessions = activity().webSessions(bob(), 1, null).nextCursor();
        assertThat(bobSessions).isNotNull();
        ContactId other = fx.base.other.id();
        Instant at = T;
        return RefusedCall.tests(Stream.of(
                RefusedCall.of("not a country", InvalidValueException.class,
                        () -> activity().ingest(WebSession.builder("x", bob(), at).country("France").build())),
                RefusedCall.of("negative pages", InvalidValueException.class,
                        () -> activity().ingest(WebSession.builder("x", bob(), at).pagesViewed(-1).build())),
                RefusedCall.of("more pages than a session can have", InvalidValueException.class,
                        () -> activity().ingest(WebSession.builder("x", bob(), at).pagesViewed(WebSession.MAX_PAGES + 1).build())),
                RefusedCall.of("negative time", InvalidValueException.class,
                        () -> activity().ingest(WebSession.builder("x", bob(), at).timeSpent(-5).build())),
                RefusedCall.of("end before start", InvalidValueException.class,
                        () -> activity().ingest(WebSession.builder("x", bob(), at).end(at.minusMillis(1)).build())),
                RefusedCall.of("start before 1900", InvalidValueException.class,
                        () -> activity().ingest(WebSession.builder("x", bob(), Instant.parse("1899-12-31T23:59:59Z")).build())),
                RefusedCall.of("no start", InvalidValueException.class,
                        () -> activity().ingest(WebSession.builder("x", bob(), null).build())),
                RefusedCall.of("blank external id", InvalidValueException.class,
                        () -> activity().ingest(WebSession.builder("  ", bob(), at).build())),
                RefusedCall.of("external id on two lines", InvalidValueException.class,
                        () -> activity().ingest(WebSession.builder("a\nb", bob(), at).build())),
                RefusedCall.of("control character in the city", InvalidValueException.class,
                        () -> activity().ingest(WebSession.builder("x", bob(), at).city("Pa\u0007ris").build())),
                RefusedCall.of("no contact", InvalidValueException.class,
                        () -> activity().ingest(WebSession.builder("x", null, at).build())),
                RefusedCall.of("no session", InvalidValueException.class, () -> activity().ingest((WebSession) null)),
                RefusedCall.of("no chat", InvalidValueException.class, () -> activity().ingest((LiveChat) null)),
                RefusedCall.of("unknown contact", NotFoundException.class,
                        () -> activity().ingest(WebSession.builder("x", ContactId.generate(), at).build())),
                RefusedCall.of("unknown contact, even for a duplicate", NotFoundException.class,
                        () -> activity().ingest(WebSession.builder("s1", ContactId.generate(), at).build())),
                RefusedCall.of("message before the chat's start", InvalidValueException.class,
                        () -> activity().ingest(LiveChat.of("x", bob(), at, List.of(ChatMessage.visitor("hi", at.minusSeconds(1)))))),
                RefusedCall.of("messages out of order", InvalidValueException.class,
                        () -> activity().ingest(LiveChat.of("x", bob(), at, List.of(ChatMessage.visitor("b", at.plusSeconds(9)),
                                ChatMessage.visitor("a", at.plusSeconds(1)))))),
                RefusedCall.of("agent message without agent", InvalidValueException.class,
                        () -> activity().ingest(LiveChat.of("x", bob(), at, List.of(ChatMessage.agent(" ", "hi", at))))),
                RefusedCall.of("visitor message with an agent", InvalidValueException.class,
                        () -> activity().ingest(LiveChat.of("x", bob(), at,
                                List.of(new ChatMessage(ChatMessage.Author.VISITOR, "alice", "hi", at))))),
                RefusedCall.of("blank message", InvalidValueException.class,
                        () -> activity().ingest(LiveChat.of("x", bob(), at, List.of(ChatMessage.visitor(" \n ", at))))),
                RefusedCall.of("message over 16 KiB", InvalidValueException.class,
                        () -> activity().ingest(LiveChat.of("x", bob(), at,
                                List.of(ChatMessage.visitor("x".repeat(ChatMessage.MAX_TEXT_BYTES + 1), at))))),
                RefusedCall.of("too many messages", InvalidValueException.class,
                        () -> activity().ingest(LiveChat.of("x", bob(), at,
                                Collections.nCopies(LiveChat.MAX_MESSAGES + 1, ChatMessage.visitor("hi", at))))),
                RefusedCall.of("transcript over its size", InvalidValueException.class,
                        () -> activity().ingest(LiveChat.of("x", bob(), at,
                                Collections.nCopies(LiveChat.MAX_TRANSCRIPT_BYTES / ChatMessage.MAX_TEXT_BYTES + 1,
                                        ChatMessage.visitor("y".repeat(ChatMessage.MAX_TEXT_BYTES), at))))),
                RefusedCall.of("a null message", InvalidValueException.class,
                        () -> activity().ingest(LiveChat.of("x", bob(), at, java.util.Arrays.asList(ChatMessage.visitor("a", at), null)))),
                RefusedCall.of("page size 0", InvalidValueException.class, () -> activity().webSessions(bob(), 0, null)),
                RefusedCall.of("page size 1001", InvalidValueException.class, () -> activity().chats(bob(), 1001, null)),
                RefusedCall.of("sessions of an unknown contact", NotFoundException.class,
                        () -> activity().webSessions(ContactId.generate(), 10, null)),
                RefusedCall.of("cursor of sessions used for chats", InvalidCursorException.class,
                        () -> activity().chats(bob(), 1, bobSessions)),
                RefusedCall.of("cursor of another contact", InvalidCursorException.class,
                        () -> activity().webSessions(fx.base.ada.id(), 1, bobSessions)),
                RefusedCall.of("garbage cursor", InvalidCursorException.class, () -> activity().webSessions(bob(), 1, Cursor.of("Zm9v"))),
                // tenancy
                RefusedCall.of("ingest for a contact of another property", NotFoundException.class,
                        () -> activity().ingest(WebSession.builder("x", other, at).build())),
                RefusedCall.of("a chat for a contact of another property", NotFoundException.class,
                        () -> activity().ingest(LiveChat.of("x", other, at, List.of()))),
                RefusedCall.of("sessions of a contact of another property", NotFoundException.class,
                        () -> activity().webSessions(other, 10, null)),
                RefusedCall.of("chats of a p1 contact from p2", NotFoundException.class, () -> fx.p2.activity().chats(bob(), 10, null)),
                RefusedCall.of("p1's cursor in p2", InvalidCursorException.class,
                        () -> fx.p2.activity().webSessions(other, 1, bobSessions))
        ), () -> StoreSnapshot.of(store));
    }
}

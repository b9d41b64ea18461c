package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.Contacts;
import dev.contacts.InvalidValueException;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.LiveChat;
import dev.contacts.model.NewMessage;
import dev.contacts.model.Note;
import dev.contacts.model.Organization;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketStatus;
import dev.contacts.model.TicketUpdate;
import dev.contacts.model.WebSession;
import dev.contacts.query.ListView;
import dev.contacts.query.Segment;
import dev.contacts.query.SegmentSummary;
import dev.contacts.query.Sort;
import dev.contacts.spi.ContactRepository;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.WorkMode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The segment counts of segment lists: cached per property for the TTL by the SDK's clock
 * and stamped with the instant they were computed; dropped by every write to the property
 * through any service (each write path is a case), not by writes to another property;
 * never stale after concurrent writes; {@code count} always exact. Writes that bypass the
 * SDK (another process on a shared database) are seen once the TTL has passed. A store
 * runs it by extending this class.
 */
public abstract class SegmentCountTck {
    private static final Duration STEP = Duration.ofSeconds(1);
    private final List<ContactStore> stores = new ArrayList<>();

    /** @return a new, empty store */
    protected abstract ContactStore createStore();

    private TicketFixture fixture() {
        return fixture(b -> { });
    }

    private TicketFixture fixture(java.util.function.Consumer<Contacts.Builder> configure) {
        ContactStore store = createStore();
        stores.add(store);
        return new TicketFixture(store, configure);
    }

    @AfterEach
    void closeStores() {
        stores.forEach(ContactStore::close);
    }

    private static SegmentSummary summary(TicketFixture f, Segment s) {
        return f.p1.segments().list(s.target()).stream().filter(x -> x.segment().id().equals(s.id())).findFirst().orElseThrow();
    }

    private static Contact insertBehindTheSdksBack(TicketFixture f, String name) {
        Contact c = Contact.builder(ContactId.generate()).set("name", name).set("created", TckFixture.NOW).set("updated", TckFixture.NOW)
                .version(1).build();
        f.store.contacts().insert(PropertyId.of("p1"), c);
        return c;
    }

    @Test
    void aCountIsReusedForTheTtlAndStampedWithWhenItWasComputed() {
        TicketFixture f = fixture();
        Segment all = f.p1.segments().save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);
        assertThat(summary(f, all).count()).hasValue(2L);
        assertThat(summary(f, all).countedAt()).isEqualTo(TckFixture.NOW);

        insertBehindTheSdksBack(f, "from another process");
        f.clock.advance(Duration.ofSeconds(59));

        SegmentSummary cached = summary(f, all);
        assertThat(cached.count()).hasValue(2L);
        assertThat(cached.countedAt()).isEqualTo(TckFixture.NOW);
        assertThat(f.p1.segments().count(all.id())).as("count() is always exact").isEqualTo(3);

        f.clock.advance(Duration.ofSeconds(2));
        SegmentSummary fresh = summary(f, all);
        assertThat(fresh.count()).hasValue(3L);
        assertThat(fresh.countedAt()).isEqualTo(TckFixture.NOW.plusSeconds(61));
    }

    @Test
    void theTtlIsConfigurableAndZeroTurnsTheCacheOff() {
        TicketFixture shortTtl = fixture(b -> b.segmentCountTtl(Duration.ofSeconds(5)));
        Segment s = shortTtl.p1.segments().save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);
        summary(shortTtl, s);
        insertBehindTheSdksBack(shortTtl, "x");
        shortTtl.clock.advance(Duration.ofSeconds(6));
        assertThat(summary(shortTtl, s).count()).hasValue(3L);

        TicketFixture off = fixture(b -> b.segmentCountTtl(Duration.ZERO));
        Segment t = off.p1.segments().save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);
        summary(off, t);
        insertBehindTheSdksBack(off, "x");
        assertThat(summary(off, t).count()).hasValue(3L);
    }

    @Test
    void aTtlOutsideZeroToOneDayIsRefused() {
        assertThatThrownBy(() -> Contacts.builder().segmentCountTtl(Duration.ofMillis(-1))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Contacts.builder().segmentCountTtl(Duration.ofDays(1).plusMillis(1)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aWriteThroughTheSdkIsCountedAtOnce() {
        TicketFixture f = fixture();
        Segment vips = f.p1.segments().save(Target.CONTACT, "VIPs", Filter.attr("tags").is("vip"), List.of("name"), null);
        assertThat(summary(f, vips).count()).hasValue(1L);

        f.p1.contacts().addTags(Filter.all(), List.of("vip"));

        assertThat(summary(f, vips).count()).hasValue(2L);
    }

    @Test
    void aWriteToAnotherPropertyKeepsTheCounts() {
        TicketFixture f = fixture();
        Segment all = f.p1.segments().save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);
        summary(f, all);
        f.clock.advance(STEP);

        f.p2.contacts().create(AttributeChanges.builder().set("name", "p2 only").build());
        f.p2.segments().save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);

        assertThat(summary(f, all).countedAt()).isEqualTo(TckFixture.NOW);
    }

    @Test
    void countsAreNeverStaleAfterConcurrentWrites() throws Exception {
        TicketFixture f = fixture();
        Segment tagged = f.p1.segments().save(Target.CONTACT, "Tagged", Filter.attr("tags").is("race"), List.of("name"), null);
        int writers = 4;
        int perWriter = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        CyclicBarrier start = new CyclicBarrier(writers + 2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        f.p1.contacts().create(AttributeChanges.builder().set("name", "w" + writer + "-" + i)
                                .set("tags", List.of("race")).build());
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        summary(f, tagged);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // the clock never moved: a count cached from before the last write would still be served
        assertThat(summary(f, tagged).count()).hasValue((long) writers * perWriter);
        assertThat(f.p1.segments().count(tagged.id())).isEqualTo(writers * perWriter);
    }

    @Test
    void aCountComputedWhileAWriteHappensIsNotServedAfterIt() throws Exception {
        TicketFixture f = fixture();
        Pause pause = new Pause();
        Contacts sdk = f.sdkOver(pausingAfterCount(f.store, pause), b -> { });
        Segment all = sdk.property("p1").segments().save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pause.arm();
            Future<SegmentSummary> slow = pool.submit(() -> sdk.property("p1").segments().list(Target.CONTACT).get(0));
            assertThat(pause.awaitReached()).as("the list started counting").isTrue();
            sdk.property("p1").contacts().create(named("written while the count was on its way"));
            pause.release();
            assertThat(slow.get(30, TimeUnit.SECONDS).count()).as("the slow count saw the store before the write").hasValue(2L);
        } finally {
            pause.release();
            pool.shutdownNow();
        }

        assertThat(sdk.property("p1").segments().list(Target.CONTACT).get(0).count()).hasValue(3L);
        assertThat(sdk.property("p1").segments().count(all.id())).isEqualTo(3);
    }

    @Test
    void aCountTakenBetweenAWriteAndItsCommitIsNotServedAfterTheCommit() throws Exception {
        TicketFixture f = fixture();
        Pause pause = new Pause();
        Contacts sdk = f.sdkOver(pausingBeforeCommit(f.store, pause), b -> { });
        Segment all = sdk.property("p1").segments().save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);
        long before = sdk.property("p1").segments().count(all.id());
        assertThat(sdk.property("p1").segments().list(Target.CONTACT).get(0).count()).hasValue(before);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            pause.arm();
            Future<Contact> write = pool.submit(() -> sdk.property("p1").contacts().create(named("committed after a count")));
            assertThat(pause.awaitReached()).as("the write reached the end of its unit of work").isTrue();
            // a store with transactions counts what was committed before the write, and the
            // count is cached after the write told the cache; a store that keeps readers out
            // of a unit of work in progress (the in-memory one) counts after the commit
            Future<SegmentSummary> during = pool.submit(() -> sdk.property("p1").segments().list(Target.CONTACT).get(0));
            try {
                during.get(2, TimeUnit.SECONDS);
            } catch (TimeoutException readersWaitForTheWrite) {
                // released below: the count then runs after the commit
            }
            pause.release();
            write.get(30, TimeUnit.SECONDS);
            during.get(30, TimeUnit.SECONDS);
        } finally {
            pause.release();
            pool.shutdownNow();
        }

        assertThat(sdk.property("p1").segments().list(Target.CONTACT).get(0).count())
                .as("the count cached before the commit was dropped by the commit").hasValue(before + 1);
    }

    /** A point where a store wrapper, once armed, stops once: it says it got there and waits to be released. */
    private static final class Pause {
        private final AtomicBoolean armed = new AtomicBoolean();
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void arm() {
            armed.set(true);
        }

        /** Called by the wrapper: stops here the first time after {@link #arm}, at most 30 s. */
        void hereIfArmed() {
            if (armed.compareAndSet(true, false)) {
                reached.countDown();
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        boolean awaitReached() throws InterruptedException {
            return reached.await(30, TimeUnit.SECONDS);
        }

        void release() {
            released.countDown();
        }
    }

    /** The store, whose next write unit of work, once armed, pauses after its work and before its commit until released. */
    private static ContactStore pausingBeforeCommit(ContactStore store, Pause pause) {
        return (ContactStore) Proxy.newProxyInstance(ContactStore.class.getClassLoader(), new Class<?>[] {ContactStore.class},
                (self, method, args) -> {
                    if (!method.getName().equals("unitOfWork") || args[1] != WorkMode.WRITE) {
                        return invoke(store, method, args);
                    }
                    Supplier<?> work = (Supplier<?>) args[2];
                    return store.unitOfWork((PropertyId) args[0], WorkMode.WRITE, () -> {
                        Object result = work.get();
                        pause.hereIfArmed();
                        return result;
                    });
                });
    }

    /** The store, with contact counts that, once armed, pause after reading until released. */
    private static ContactStore pausingAfterCount(ContactStore store, Pause pause) {
        ContactRepository contacts = store.contacts();
        ContactRepository pausing = (ContactRepository) Proxy.newProxyInstance(ContactRepository.class.getClassLoader(),
                new Class<?>[] {ContactRepository.class}, (self, method, args) -> {
                    Object result = invoke(contacts, method, args);
                    if (method.getName().equals("count")) {
                        pause.hereIfArmed();
                    }
                    return result;
                });
        return (ContactStore) Proxy.newProxyInstance(ContactStore.class.getClassLoader(), new Class<?>[] {ContactStore.class},
                (self, method, args) -> method.getName().equals("contacts") ? pausing : invoke(store, method, args));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A write through one service path, after a setup whose writes happen before the count is cached. */
    private record WritePath(String name, Function<TicketFixture, Object> setup, Write write) {
    }

    @FunctionalInterface
    private interface Write {
        void run(TicketFixture f, Object prepared);
    }

    private static WritePath path(String name, Write write) {
        return new WritePath(name, f -> null, write);
    }

    private static WritePath pathAfter(String name, Function<TicketFixture, Object> setup, Write write) {
        return new WritePath(name, setup, write);
    }

    private static AttributeChanges named(String name) {
        return AttributeChanges.builder().set("name", name).build();
    }

    private static Stream<WritePath> writePaths() {
        return Stream.of(
                path("contact create", (f, p) -> f.p1.contacts().create(named("new"))),
                path("contact update", (f, p) -> f.p1.contacts().update(f.base.bob.id(), f.base.bob.version(), named("Robert"))),
                path("contact update to the latest version", (f, p) -> f.p1.contacts().update(f.base.bob.id(), named("Robert"))),
                path("contact delete", (f, p) -> f.p1.contacts().delete(f.base.bob.id())),
                path("bulk tag", (f, p) -> f.p1.contacts().addTags(Filter.all(), List.of("x"))),
                path("bulk untag", (f, p) -> f.p1.contacts().removeTags(Filter.all(), List.of("vip"))),
                path("bulk delete", (f, p) -> f.p1.contacts().deleteAll(Filter.attr("tags").is("vip"))),
                path("contact merge", (f, p) -> f.p1.contacts().merge(f.base.ada.id(), f.base.bob.id())),
                path("upsert by email", (f, p) -> f.p1.contacts().upsertByEmail("new@example.com", named("New"))),
                pathAfter("link an organization", f -> f.p1.organizations().create("Globex"),
                        (f, org) -> f.p1.contacts().linkOrganization(f.base.bob.id(), ((Organization) org).id())),
                path("unlink an organization", (f, p) -> f.p1.contacts().unlinkOrganization(f.base.ada.id(), f.base.acme.id())),
                path("organization create", (f, p) -> f.p1.organizations().create("Initech")),
                path("organization update", (f, p) -> f.p1.organizations().update(f.base.acme.id(), f.base.acme.version(),
                        AttributeChanges.builder().set("city", "Paris").build())),
                path("organization delete", (f, p) -> f.p1.organizations().delete(f.base.acme.id())),
                path("attribute define", (f, p) -> f.p1.attributes().define(Target.CONTACT, "colour", "Colour", AttributeType.TEXT)),
                path("attribute relabel", (f, p) -> f.p1.attributes().relabel(Target.CONTACT, "custom.plan", "Offer")),
                path("attribute delete", (f, p) -> f.p1.attributes().delete(Target.CONTACT, "custom.score")),
                path("attribute force delete", (f, p) -> f.p1.attributes().forceDelete(Target.ORGANIZATION, "custom.tier")),
                path("ticket create", (f, p) -> f.p1.tickets().create(f.forAda().build())),
                pathAfter("ticket reply", f -> f.p1.tickets().create(f.forAda().build()),
                        (f, t) -> f.p1.tickets().reply(((Ticket) t).id(), NewMessage.fromContact("thanks"))),
                pathAfter("ticket update", f -> f.p1.tickets().create(f.forAda().build()),
                        (f, t) -> f.p1.tickets().update(((Ticket) t).id(), ((Ticket) t).version(),
                                TicketUpdate.status(TicketStatus.SOLVED))),
                path("segment save", (f, p) -> f.p1.segments().save(Target.CONTACT, "Other", Filter.all(), List.of("name"), null)),
                pathAfter("segment edit", f -> f.p1.segments().save(Target.CONTACT, "Other", Filter.all(), List.of("name"), null),
                        (f, s) -> f.p1.segments().edit(((Segment) s).id(), 1, Filter.all(), List.of("tags"), null)),
                pathAfter("segment rename", f -> f.p1.segments().save(Target.CONTACT, "Other", Filter.all(), List.of("name"), null),
                        (f, s) -> f.p1.segments().rename(((Segment) s).id(), 1, "Renamed")),
                pathAfter("segment delete", f -> f.p1.segments().save(Target.CONTACT, "Other", Filter.all(), List.of("name"), null),
                        (f, s) -> f.p1.segments().delete(((Segment) s).id())),
                path("list view save", (f, p) -> f.p1.listViews().save(ListView.ofAgent(Target.CONTACT, "alice", List.of("name"),
                        Sort.asc("name")))),
                pathAfter("list view reset", f -> f.p1.listViews().save(ListView.ofProperty(Target.CONTACT, List.of("name"),
                        Sort.asc("name"))), (f, p) -> f.p1.listViews().reset(Target.CONTACT)),
                path("note add", (f, p) -> f.p1.notes().add(f.base.ada.id(), "alice", "a note")),
                pathAfter("note edit", f -> f.p1.notes().add(f.base.ada.id(), "alice", "a note"),
                        (f, n) -> f.p1.notes().edit(((Note) n).id(), "carol", "edited", 1)),
                pathAfter("note delete", f -> f.p1.notes().add(f.base.ada.id(), "alice", "a note"),
                        (f, n) -> f.p1.notes().delete(((Note) n).id())),
                path("web session ingest", (f, p) -> f.p1.activity().ingest(WebSession.builder("s-1", f.base.bob.id(),
                        TckFixture.NOW).pagesViewed(3).build())),
                path("live chat ingest", (f, p) -> f.p1.activity().ingest(LiveChat.of("c-1", f.base.bob.id(), TckFixture.NOW,
                        List.of()))),
                path("email dispatch", (f, p) -> {
                    f.p1.tickets().create(f.forAda().build());
                    f.sdk.emailDispatcher().runOnce();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyWritePathDropsThePropertysCachedCounts() {
        return writePaths().map(w -> DynamicTest.dynamicTest(w.name(), () -> {
            TicketFixture f = fixture();
            Segment all = f.p1.segments().save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);
            Object prepared = w.setup().apply(f);
            Instant first = summary(f, all).countedAt();
            f.clock.advance(STEP);
            assertThat(summary(f, all).countedAt()).as("cached before the write").isEqualTo(first);

            w.write().run(f, prepared);

            assertThat(summary(f, all).countedAt()).as("recounted after '" + w.name() + "'").isEqualTo(first.plus(STEP));
        }));
    }
}

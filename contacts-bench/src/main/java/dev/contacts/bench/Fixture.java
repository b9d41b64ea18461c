package dev.contacts.bench;

import dev.contacts.ContactService;
import dev.contacts.Contacts;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.LiveChat;
import dev.contacts.model.NewMessage;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Ticket;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import dev.contacts.spi.ContactStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One store with the workload's data, and the two sides that answer on it: the SDK and the
 * store's hand-written baseline. A fixture loads what a scenario needs on first use and, for
 * the stores that keep data (PostgreSQL, H2 files), leaves it for the next fork and run.
 * In verification mode imports are small and ingestion uses fresh properties, so the two
 * sides' writes can be compared.
 */
public abstract class Fixture implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Fixture.class);
    /** Rows an import writes when verifying. */
    static final int VERIFY_IMPORT_ROWS = 2_000;
    /** Events ingested when verifying. */
    static final int VERIFY_EVENTS = 300;

    private static final AtomicInteger PROPERTY_NUMBER = new AtomicInteger();

    /** The data. */
    protected final Workload workload;
    /** Whether this fixture serves the equality check rather than a measurement. */
    protected final boolean verifying;
    private Contacts sdk;
    private boolean mainReady;
    private boolean timelineReady;

    /**
     * @param workload  the data
     * @param verifying whether the fixture serves the equality check
     */
    protected Fixture(Workload workload, boolean verifying) {
        this.workload = workload;
        this.verifying = verifying;
    }

    /** @return the store the SDK side runs on */
    protected abstract ContactStore store();

    /**
     * @return the store's hand-written baseline
     */
    protected abstract Side baseline();

    /** @return a short name: inmemory, postgresql, mariadb, h2, mongo, mongo-server */
    public abstract String name();

    /**
     * @param side "sdk" or "baseline"
     * @return that side, its data loaded on demand
     */
    public final Side side(String side) {
        switch (side) {
            case "sdk": return new SdkSide(sdk(), workload, this);
            case "baseline": return baseline();
            default: throw new IllegalArgumentException("side is sdk or baseline, not " + side);
        }
    }

    /** @return the SDK on the store, its clock fixed at the workload's now */
    public final synchronized Contacts sdk() {
        if (sdk == null) {
            sdk = Contacts.builder().store(store()).clock(Clock.fixed(workload.now(), ZoneOffset.UTC)).build();
        }
        return sdk;
    }

    /**
     * Where the write scenarios (import, ingestion) write: the main store unless a fixture
     * keeps their data apart, e.g. in a schema dropped at the end, because deleting a
     * property of 100,000 contacts between iterations would take longer than importing it.
     *
     * @return the SDK to write through
     */
    public Contacts scratch() {
        return sdk();
    }

    /**
     * Removes a property a write scenario made, or leaves it for {@link #close()} to drop
     * with the whole scratch space.
     *
     * @param property the property
     */
    public void discard(PropertyId property) {
        scratch().deleteProperty(property);
    }

    /** Makes sure the main property holds the workload's contacts, loading them if needed. */
    public final synchronized void requireMain() {
        if (mainReady) {
            return;
        }
        ContactStore store = store();
        boolean present = store.properties().get(Workload.MAIN).isPresent();
        long count = present ? store.contacts().count(Workload.MAIN, Filter.all()) : -1;
        if (count != workload.size()) {
            if (present) {
                LOG.info("{}: the main property holds {} contacts, not {}: reloading it", name(), count, workload.size());
                sdk().deleteProperty(Workload.MAIN);
            }
            long start = System.nanoTime();
            long[] last = {start};
            workload.loadMain(store, loaded -> {
                long now = System.nanoTime();
                if (now - last[0] > 10_000_000_000L || loaded == workload.size()) {
                    LOG.info("{}: loaded {} of {} contacts ({} s)", name(), loaded, workload.size(), (now - start) / 1_000_000_000L);
                    last[0] = now;
                }
            });
            afterLoad();
        }
        mainReady = true;
    }

    /** Called after a bulk load, and after the timeline's data was written: e.g. the database's statistics. */
    protected void afterLoad() {
    }

    /**
     * Makes sure the timeline property holds its contact with {@link Workload#timelineItems()}
     * items, written through the SDK's services: notes, live chats, and one ticket with its
     * replies, each a second apart.
     */
    public final synchronized void requireTimeline() {
        if (timelineReady) {
            return;
        }
        String unavailable = timelineUnavailable();
        if (unavailable != null) {
            throw new UnsupportedOperationException(name() + ": " + unavailable);
        }
        Contact contact = workload.timelineContact();
        ContactStore store = store();
        if (store.properties().get(Workload.TIMELINE).isEmpty() || store.contacts().get(Workload.TIMELINE, contact.id()).isEmpty()
                || sdk().property(Workload.TIMELINE).timeline().page(contact.id(), 1).items().isEmpty()) {
            if (store.properties().get(Workload.TIMELINE).isPresent()) {
                sdk().deleteProperty(Workload.TIMELINE);
            }
            long start = System.nanoTime();
            store.properties().create(new Property(Workload.TIMELINE, "Benchmark timeline", ZoneOffset.UTC));
            store.contacts().insert(Workload.TIMELINE, contact);
            AtomicLong tick = new AtomicLong();
            Instant base = workload.now().minus(Duration.ofDays(30));
            Clock stepping = new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return base.plusSeconds(tick.incrementAndGet());
                }
            };
            Contacts writer = Contacts.builder().store(store).clock(stepping).build();
            var property = writer.property(Workload.TIMELINE);
            int third = workload.timelineItems() / 3;
            for (int i = 0; i < workload.timelineItems() - 2 * third; i++) {
                property.notes().add(contact.id(), "agent-" + (i % 7), "Called back about order " + i + ": all sorted.");
            }
            for (int i = 0; i < third; i++) {
                Instant at = stepping.instant();
                property.activity().ingest(LiveChat.of("timeline-chat-" + i, contact.id(), at,
                        List.of(ChatMessage.visitor("Hello, question " + i + " about my invoice", at))));
            }
            Ticket ticket = property.tickets().create(NewTicket.builder(contact.id(), contact.primaryEmail()).subject("Invoice question")
                    .body("Hello, we are looking into your invoice.").build());
            for (int i = 1; i < third; i++) {
                property.tickets().reply(ticket.id(), NewMessage.fromContact("Thanks, one more detail (" + i + ")."));
            }
            LOG.info("{}: wrote a timeline of {} items in {} s", name(), workload.timelineItems(), (System.nanoTime() - start) / 1_000_000_000L);
            afterLoad();
        }
        timelineReady = true;
    }

    /**
     * @return why this store cannot hold the timeline scenario's data in a reasonable time (the
     *         run then stops with it, saying what to do), or null when it can
     */
    protected String timelineUnavailable() {
        return null;
    }

    /** @return the rows an import writes: all of them, or {@value #VERIFY_IMPORT_ROWS} when verifying */
    final List<Contact> importRows(Workload w) {
        List<Contact> rows = w.importRows();
        return verifying ? rows.subList(0, Math.min(VERIFY_IMPORT_ROWS, rows.size())) : rows;
    }

    /**
     * Creates an empty property for one import iteration, with the workload's custom attributes.
     *
     * @param w the workload
     * @return its id
     */
    final PropertyId freshImportProperty(Workload w) {
        Contacts sdk = scratch();
        PropertyId id = new PropertyId("bench-import-" + ProcessHandle.current().pid() + "-" + PROPERTY_NUMBER.incrementAndGet());
        sdk.createProperty(new Property(id, "Benchmark import", ZoneOffset.UTC));
        for (AttributeDefinition d : w.attributes()) {
            sdk.store().attributes().create(id, d);
        }
        return id;
    }

    /** A property of contacts that an ingestion benchmark writes to, and their ids. */
    record IngestTarget(PropertyId property, List<ContactId> contacts) {
    }

    /**
     * Creates a fresh property with the workload's ingestion contacts (new ids, so that two
     * such properties never share one), for one side of the ingestion benchmark.
     *
     * @param label who it is for
     * @return the property and its contacts
     */
    final IngestTarget freshIngestProperty(String label) {
        Contacts sdk = scratch();
        PropertyId id = new PropertyId("bench-ingest-" + label + "-" + ProcessHandle.current().pid() + "-" + PROPERTY_NUMBER.incrementAndGet());
        sdk.createProperty(new Property(id, "Benchmark ingestion", ZoneOffset.UTC));
        ContactFields fields = new ContactFields(List.of());
        List<Contact> contacts = new ArrayList<>();
        List<ContactId> ids = new ArrayList<>();
        for (Contact c : workload.ingestContacts()) {
            Contact.Builder b = Contact.builder(ContactId.generate());
            fields.changes(c).values().forEach(b::set);
            Contact copy = b.version(1).build();
            contacts.add(copy);
            ids.add(copy.id());
        }
        List<Contact> sized = verifying ? contacts.subList(0, Math.min(500, contacts.size())) : contacts;
        for (int from = 0; from < sized.size(); from += Workload.LOAD_BATCH) {
            sdk.store().contacts().insertAll(id, sized.subList(from, Math.min(sized.size(), from + Workload.LOAD_BATCH)));
        }
        return new IngestTarget(id, List.copyOf(ids.subList(0, sized.size())));
    }

    /** @return how many events an ingestion verification writes */
    final int verifyEvents() {
        return VERIFY_EVENTS;
    }

    /**
     * @param people a property's contacts
     * @return every contact of it, walked by keyset pages of 1,000
     */
    static List<Contact> everyContact(ContactService people) {
        List<Contact> all = new ArrayList<>();
        Query q = Query.all().withSort(Sort.asc("created")).withPageSize(1_000);
        Page<Contact> page = people.find(q);
        all.addAll(page.items());
        while (page.hasNext()) {
            page = people.find(q.withCursor(page.nextCursor()));
            all.addAll(page.items());
        }
        return all;
    }

    /**
     * @param people   the ingestion property's contacts
     * @param contacts their ids, in order
     * @return the activity statistics of each, in order: what ingestion changed
     */
    static List<Map<String, Object>> ingestDigest(ContactService people, List<ContactId> contacts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ContactId id : contacts) {
            Contact c = people.get(id);
            Map<String, Object> m = new LinkedHashMap<>();
            for (String a : List.of("totalWebSessions", "pagesViewed", "timeSpent", "firstWebSession", "lastWebSession", "firstSeen",
                    "lastSeen", "country", "city", "browser", "os")) {
                m.put(a, c.value(a));
            }
            out.add(m);
        }
        return out;
    }

    @Override
    public void close() {
        ContactStore s = store();
        try {
            s.close();
        } catch (Exception e) {
            LOG.warn("{}: closing the store failed", name(), e);
        }
    }
}

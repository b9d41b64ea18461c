package dev.contacts.bench;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import dev.contacts.sample.SampleData;
import dev.contacts.sample.SampleSpec;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.WorkMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The data every store and baseline is measured on, all of it a pure function of the size and
 * the seed: the main property ({@value #MAIN} — realistic sample contacts, their organizations
 * and custom attributes), the contacts an import writes (another seed, so new emails), the
 * contacts an ingestion benchmark updates, and the contact whose timeline has
 * {@value #TIMELINE_ITEMS} items. "Now" is {@link SampleData#REFERENCE_NOW} everywhere, so
 * "within last 30 days" means the same in every run.
 */
public final class Workload {
    /** The property holding the main data set. */
    public static final PropertyId MAIN = new PropertyId("bench");
    /** The property of the ingestion benchmark's contacts. */
    public static final PropertyId INGEST = new PropertyId("bench-ingest");
    /** The property of the timeline contact. */
    public static final PropertyId TIMELINE = new PropertyId("bench-timeline");
    /** Contacts an import writes: 100,000 (fewer when the whole data set is smaller). */
    public static final int IMPORT_ROWS = 100_000;
    /** Contacts the ingestion benchmark spreads its events over. */
    public static final int INGEST_CONTACTS = 10_000;
    /** Items of the timeline contact: notes, chats and ticket messages in equal thirds. */
    public static final int TIMELINE_ITEMS = 10_000;
    /** Rows per write batch when loading. */
    public static final int LOAD_BATCH = 1_000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 20261202L;

    private final int size;
    private final long seed;
    private final int timelineItems;
    private volatile Contact timelineContact;
    private final SampleData main;
    private final SampleData imports;
    private final SampleData ingest;

    private Workload(int size, long seed) {
        this(size, seed, TIMELINE_ITEMS);
    }

    private Workload(int size, long seed, int timelineItems) {
        if (size < 1_000) {
            throw new IllegalArgumentException("the benchmark needs at least 1,000 contacts, not " + size);
        }
        this.size = size;
        this.seed = seed;
        this.timelineItems = timelineItems;
        this.main = SampleData.generate(SampleSpec.realistic(seed, size));
        this.imports = SampleData.generate(SampleSpec.realistic(seed + 1, Math.min(IMPORT_ROWS, size)));
        this.ingest = SampleData.generate(SampleSpec.realistic(seed + 2, Math.min(INGEST_CONTACTS, size)));
    }

    /**
     * @param size contacts of the main property (at least 1,000)
     * @param seed the seed of the sample data
     * @return the workload
     */
    public static Workload of(int size, long seed) {
        return new Workload(size, seed);
    }

    /**
     * The same data with a shorter timeline, for the suite's own check on stores where writing
     * {@value #TIMELINE_ITEMS} items takes minutes (the timeline is written through the SDK).
     *
     * @param items items of the timeline contact (at least 3 * {@value Scenario#PAGE_SIZE}, so each kind fills a page)
     * @return the workload
     */
    Workload withTimelineItems(int items) {
        if (items < 3 * Scenario.PAGE_SIZE) {
            throw new IllegalArgumentException("the timeline needs at least " + 3 * Scenario.PAGE_SIZE + " items, not " + items);
        }
        return new Workload(size, seed, items);
    }

    /** @return items of the timeline contact: {@value #TIMELINE_ITEMS} but in the suite's own check */
    public int timelineItems() {
        return timelineItems;
    }

    /** @return contacts of the main property */
    public int size() {
        return size;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the instant every query and write takes as now */
    public Instant now() {
        return SampleData.REFERENCE_NOW;
    }

    /** @return the main property (id {@value #MAIN}, zone UTC) */
    public Property mainProperty() {
        return new Property(MAIN, "Benchmark contacts", ZoneOffset.UTC);
    }

    /** @return the sample data of the main property */
    public SampleData mainData() {
        return main;
    }

    private PropertyId source(SampleData data) {
        return data.properties().get(0).id();
    }

    /** @return the custom attribute definitions of every property of the workload */
    public List<AttributeDefinition> attributes() {
        return main.attributes(source(main));
    }

    /** @return the organizations of the main property */
    public List<Organization> organizations() {
        return main.organizations(source(main));
    }

    /** @return the contacts of the main property, made lazily in id order */
    public Stream<Contact> contacts() {
        return main.contactsStream(source(main));
    }

    /**
     * The rows an import writes: contacts of another seed without organization links (an
     * import names organizations, which the main property's import would have to create).
     *
     * @return {@code min(IMPORT_ROWS, size)} contacts
     */
    public List<Contact> importRows() {
        List<Contact> rows = new ArrayList<>();
        imports.contactsStream(source(imports)).forEach(c -> rows.add(c.toBuilder().set("organization", null).build()));
        return rows;
    }

    /** @return the contacts of the ingestion property, without organization links */
    public List<Contact> ingestContacts() {
        List<Contact> rows = new ArrayList<>();
        ingest.contactsStream(source(ingest)).forEach(c -> rows.add(c.toBuilder().set("organization", null).build()));
        return rows;
    }

    /**
     * The n-th web session of the ingestion benchmark: a visit by one of its contacts, with an
     * external id unique to the run ({@code prefix}) so a later run never meets it as a duplicate.
     *
     * @param contacts the ingestion contacts' ids
     * @param prefix   unique per benchmark run and side
     * @param n        the event number
     * @return the event
     */
    public WebSession webSession(List<ContactId> contacts, String prefix, long n) {
        ContactId contact = contacts.get(Math.floorMod(n * 7919, contacts.size()));
        Instant start = now().minus(Duration.ofMinutes(n % 100_000));
        return WebSession.builder(prefix + "-" + n, contact, start).end(start.plusSeconds(60 + n % 600)).pagesViewed(1 + n % 9)
                .timeSpent(60 + n % 600).country(n % 3 == 0 ? "FR" : "DE").city(n % 2 == 0 ? "Paris" : "Berlin").browser("Firefox")
                .os("Linux").build();
    }

    /** @return the contact whose timeline the timeline benchmark reads (the first ingestion contact, in its own property) */
    public Contact timelineContact() {
        Contact c = timelineContact;
        if (c == null) {
            // built once: the measured timeline operations ask for it (building the ingestion contacts takes ~100 ms)
            c = ingestContacts().get(0);
            timelineContact = c;
        }
        return c;
    }

    /**
     * Inserts the main property through the store's SPI in batches: attributes, organizations,
     * then contacts.
     *
     * @param store  an empty store or one without the main property
     * @param onDone called every batch with the contacts loaded so far
     */
    public void loadMain(ContactStore store, java.util.function.IntConsumer onDone) {
        store.properties().create(mainProperty());
        attributes().forEach(d -> store.attributes().create(MAIN, d));
        List<Organization> orgs = organizations();
        for (int from = 0; from < orgs.size(); from += LOAD_BATCH) {
            List<Organization> batch = orgs.subList(from, Math.min(orgs.size(), from + LOAD_BATCH));
            // one transaction per batch: one commit (one log flush) per 1,000 organizations, not per organization
            store.unitOfWork(MAIN, WorkMode.WRITE, () -> {
                batch.forEach(o -> store.organizations().insert(MAIN, o));
                return null;
            });
        }
        Iterator<Contact> all = contacts().iterator();
        List<Contact> batch = new ArrayList<>(LOAD_BATCH);
        int loaded = 0;
        while (all.hasNext()) {
            batch.add(all.next());
            if (batch.size() == LOAD_BATCH || !all.hasNext()) {
                store.contacts().insertAll(MAIN, batch);
                loaded += batch.size();
                batch.clear();
                onDone.accept(loaded);
            }
        }
    }

    @Override
    public String toString() {
        return "workload of " + size + " contacts, seed " + seed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Workload w && w.size == size && w.seed == seed && w.timelineItems == timelineItems;
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, seed, timelineItems);
    }
}

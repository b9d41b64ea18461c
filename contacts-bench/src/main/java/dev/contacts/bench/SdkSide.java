package dev.contacts.bench;

import dev.contacts.ContactService;
import dev.contacts.ContactUpsert;
import dev.contacts.Contacts;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scenarios answered through the SDK's public API ({@link Contacts#property}), on any
 * store: what a helpdesk application would call.
 */
final class SdkSide implements Side {
    private final Contacts sdk;
    private final Workload workload;
    private final Fixture fixture;
    private final ContactFields fields;
    private final List<PropertyId> created = new ArrayList<>();

    SdkSide(Contacts sdk, Workload workload, Fixture fixture) {
        this.sdk = sdk;
        this.workload = workload;
        this.fixture = fixture;
        this.fields = new ContactFields(workload.attributes());
    }

    private ContactService people() {
        return sdk.property(Workload.MAIN).contacts();
    }

    /** The query of a page or count scenario, with the workload's now. */
    static Query query(Scenario s, Workload w) {
        return Query.of(s.filter()).withSort(s.sort()).withPageSize(Scenario.PAGE_SIZE).withNow(w.now());
    }

    @Override
    public Operation prepare(Scenario scenario) {
        if (scenario.isQuery()) {
            fixture.requireMain();
        } else if (scenario == Scenario.TIMELINE_PAGE) {
            fixture.requireTimeline();
        }
        switch (scenario.kind()) {
            case FIRST_PAGE: {
                Query q = query(scenario, workload);
                return () -> people().find(q).items();
            }
            case DEEP_PAGE: {
                Query q = query(scenario, workload).withCursor(cursorAfterHalf(query(scenario, workload)));
                return () -> people().find(q).items();
            }
            case COUNT: {
                Query q = query(scenario, workload);
                return () -> people().count(q);
            }
            case TIMELINE: {
                ContactId id = workload.timelineContact().id();
                return Operation.digested(() -> sdk.property(Workload.TIMELINE).timeline().page(id, Scenario.PAGE_SIZE).items(),
                        TimelineDigest::of);
            }
            case IMPORT: {
                // the upserts are made outside the measured time
                List<ContactUpsert> rows = new ArrayList<>();
                for (Contact c : fixture.importRows(workload)) {
                    rows.add(ContactUpsert.byEmail(c.primaryEmail(), fields.changes(c)));
                }
                return new BatchedImport<>(fixture, workload, rows,
                        (target, batch) -> fixture.scratch().property(target).contacts().upsertAll(batch).size());
            }
            case INGEST:
                return new IngestOperation();
            default:
                throw new IllegalArgumentException(scenario.toString());
        }
    }

    /** Walks the result in pages of 1,000 (the last one shorter) to the position after half of its rows. */
    private Cursor cursorAfterHalf(Query q) {
        long half = people().count(q) / 2;
        long seen = 0;
        Cursor cursor = null;
        while (seen < half) {
            int size = (int) Math.min(1_000, half - seen);
            Page<Contact> page = people().find(q.withPageSize(size).withCursor(cursor));
            seen += page.items().size();
            cursor = page.nextCursor();
            if (cursor == null) {
                throw new IllegalStateException("the result ended after " + seen + " rows, before half of its count");
            }
        }
        return cursor;
    }

    /** One web session per operation, on the ingestion property's contacts. */
    private final class IngestOperation implements Operation {
        private final AtomicLong next = new AtomicLong();
        private final String prefix = "sdk-" + System.nanoTime();
        private final PropertyId property;
        private final List<ContactId> contacts;

        IngestOperation() {
            Fixture.IngestTarget target = fixture.freshIngestProperty("sdk");
            this.property = target.property();
            this.contacts = target.contacts();
            created.add(property);
        }

        @Override
        public Object run() {
            WebSession event = workload.webSession(contacts, prefix, next.getAndIncrement());
            return fixture.scratch().property(property).activity().ingest(event);
        }

        @Override
        public Object digest() {
            return Fixture.ingestDigest(fixture.scratch().property(property).contacts(), contacts);
        }
    }

    @Override
    public void close() {
        // the fixture owns the store; what this side wrote goes
        created.forEach(fixture::discard);
        created.clear();
    }
}

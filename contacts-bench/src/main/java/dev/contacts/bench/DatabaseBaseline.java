package dev.contacts.bench;

import dev.contacts.model.Contact;
import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the hand-written baselines of the database stores ({@link SqlBaseline},
 * {@link MongoBaseline}) share: how each scenario is prepared from the store-specific
 * queries — a filter written by hand, a page of known lastSeen values first then unknown ones,
 * a deep page after the position of half the known rows, a count, the timeline page, an
 * import batch and one ingested event — and the removal of the properties it wrote.
 *
 * @param <W> a filter in the database's own terms
 */
abstract class DatabaseBaseline<W> implements Side {
    /** The data. */
    protected final Workload workload;
    /** The store's fixture (its SDK reads what the write scenarios stored). */
    protected final Fixture fixture;
    private final List<PropertyId> created = new ArrayList<>();

    DatabaseBaseline(Workload workload, Fixture fixture) {
        this.workload = workload;
        this.fixture = fixture;
    }

    /** A row's place in the default order: its lastSeen (known) and id. */
    record Position(Instant lastSeen, UUID id) {
    }

    /** @return the scenario's filter, by hand */
    abstract W where(Scenario s);

    /** @return a page of the default order: after {@code after} (null: the first page) */
    abstract List<Contact> page(W where, Position after);

    /** @return how many contacts of the main property match */
    abstract long count(W where);

    /** @return the position of the {@code skipped}-th row of the known-lastSeen part (setup only) */
    abstract Position positionAfter(W where, long skipped);

    /** @return the timeline contact's first page, every field the SDK's items carry */
    abstract List<TimelineDigest.Row> timeline();

    /** Writes one batch of an import into {@code target}; @return rows written */
    abstract int importBatch(PropertyId target, List<Contact> batch);

    /** Ingests one web session; @return whether it was new */
    abstract boolean ingest(PropertyId property, WebSession session);

    /** Releases the baseline's connections. */
    abstract void release();

    @Override
    public final Operation prepare(Scenario scenario) {
        if (scenario.isQuery()) {
            fixture.requireMain();
        }
        switch (scenario.kind()) {
            case FIRST_PAGE: {
                W w = where(scenario);
                return () -> page(w, null);
            }
            case DEEP_PAGE: {
                W w = where(scenario);
                Position at = positionAfter(w, count(w) / 2);
                return () -> page(w, at);
            }
            case COUNT: {
                W w = where(scenario);
                return () -> count(w);
            }
            case TIMELINE:
                fixture.requireTimeline();
                return Operation.digested(this::timeline, TimelineDigest::ofRows);
            case IMPORT:
                return new BatchedImport<>(fixture, workload, fixture.importRows(workload), this::importBatch);
            case INGEST: {
                BaselineIngestion ingestion = new BaselineIngestion(fixture, workload, this::ingest);
                created.add(ingestion.property());
                return ingestion;
            }
            default:
                throw new IllegalArgumentException(scenario.toString());
        }
    }

    /** Removes what the write scenarios left (the data stays, for the next fork), then {@link #release}s. */
    @Override
    public final void close() {
        created.forEach(fixture::discard);
        created.clear();
        release();
    }
}

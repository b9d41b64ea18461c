package dev.contacts.bench;

import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingestion scenario on a hand-written baseline: a fresh property with the ingestion
 * contacts, and one web session per operation written by the baseline's own ingestion; the
 * digest reads the contacts' statistics back through the SDK. The caller deletes
 * {@link #property()} when it closes.
 */
final class BaselineIngestion implements Side.Operation {
    /** A baseline's ingestion of one web session. */
    @FunctionalInterface
    interface EventWriter {
        /**
         * @param property the ingestion property
         * @param session  the event
         * @return whether it was new (false for a repeated delivery)
         */
        boolean ingest(PropertyId property, WebSession session);
    }

    private final Fixture fixture;
    private final Workload workload;
    private final EventWriter writer;
    private final AtomicLong next = new AtomicLong();
    private final String prefix = "baseline-" + System.nanoTime();
    private final Fixture.IngestTarget target;

    BaselineIngestion(Fixture fixture, Workload workload, EventWriter writer) {
        this.fixture = fixture;
        this.workload = workload;
        this.writer = writer;
        this.target = fixture.freshIngestProperty("baseline");
    }

    /** @return the property it writes to */
    PropertyId property() {
        return target.property();
    }

    @Override
    public Object run() {
        return writer.ingest(target.property(), workload.webSession(target.contacts(), prefix, next.getAndIncrement()));
    }

    @Override
    public Object digest() {
        return Fixture.ingestDigest(fixture.scratch().property(target.property()).contacts(), target.contacts());
    }
}

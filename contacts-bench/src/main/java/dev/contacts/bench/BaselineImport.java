package dev.contacts.bench;

import dev.contacts.model.Contact;
import dev.contacts.model.PropertyId;
import java.util.List;

/**
 * The import scenario on a hand-written baseline: each iteration writes every import row into
 * a fresh property (custom attributes defined, nothing else; where {@link Fixture#scratch()} writes) in batches of
 * {@value Workload#LOAD_BATCH}, by the baseline's own batch write; the digest reads what was
 * stored back through the SDK, to compare with the SDK side's import.
 */
final class BaselineImport implements Side.Operation {
    /** A baseline's write of one batch of new contacts. */
    @FunctionalInterface
    interface BatchWriter {
        /**
         * @param target the empty property being imported into
         * @param batch  the rows of this batch
         * @return rows written
         */
        int write(PropertyId target, List<Contact> batch);
    }

    private final Fixture fixture;
    private final Workload workload;
    private final ContactFields fields;
    private final BatchWriter writer;
    private final List<Contact> rows;
    private PropertyId target;

    BaselineImport(Fixture fixture, Workload workload, BatchWriter writer) {
        this.fixture = fixture;
        this.workload = workload;
        this.fields = new ContactFields(workload.attributes());
        this.writer = writer;
        this.rows = fixture.importRows(workload);
    }

    @Override
    public void beforeIteration() {
        target = fixture.freshImportProperty(workload);
    }

    @Override
    public Object run() {
        int done = 0;
        for (int from = 0; from < rows.size(); from += Workload.LOAD_BATCH) {
            done += writer.write(target, rows.subList(from, Math.min(rows.size(), from + Workload.LOAD_BATCH)));
        }
        return done;
    }

    @Override
    public Object digest() {
        return fields.digest(Fixture.everyContact(fixture.scratch().property(target).contacts()));
    }

    @Override
    public void afterIteration() {
        fixture.discard(target);
    }
}

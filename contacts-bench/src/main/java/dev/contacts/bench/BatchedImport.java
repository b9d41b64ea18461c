package dev.contacts.bench;

import dev.contacts.model.PropertyId;
import java.util.List;

/**
 * The import scenario on either side: each iteration writes every import row into a fresh
 * property (custom attributes defined, nothing else; where {@link Fixture#scratch()} writes)
 * in batches of {@value Workload#LOAD_BATCH}, by the side's own batch write (the SDK's
 * {@code upsertAll}, a baseline's hand-written one); the digest reads what was stored back
 * through the SDK, so the two sides' imports compare.
 *
 * @param <R> a row as the side's write takes it, prepared outside the measured time
 */
final class BatchedImport<R> implements Side.Operation {
    /**
     * A side's write of one batch of new contacts.
     *
     * @param <R> a row
     */
    @FunctionalInterface
    interface BatchWriter<R> {
        /**
         * @param target the empty property being imported into
         * @param batch  the rows of this batch
         * @return rows written
         */
        int write(PropertyId target, List<R> batch);
    }

    private final Fixture fixture;
    private final Workload workload;
    private final ContactFields fields;
    private final BatchWriter<R> writer;
    private final List<R> rows;
    private PropertyId target;

    /**
     * @param rows   the import rows (of {@link Fixture#importRows}) in the side's form
     * @param writer the side's write of one batch
     */
    BatchedImport(Fixture fixture, Workload workload, List<R> rows, BatchWriter<R> writer) {
        this.fixture = fixture;
        this.workload = workload;
        this.fields = new ContactFields(workload.attributes());
        this.writer = writer;
        this.rows = rows;
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

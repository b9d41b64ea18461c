package dev.contacts.cli.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an import did (or, in a dry run, would do): rows created, updated, unchanged and
 * rejected, organizations created, keys ignored, and the first rejected rows with their line
 * numbers and reasons (all are counted; {@value #KEPT_REJECTIONS} are kept to print).
 */
public final class ImportReport {
    /** Rejected rows kept with their reasons; the rest are only counted, so memory stays bounded. */
    public static final int KEPT_REJECTIONS = 1000;

    /**
     * One rejected row.
     *
     * @param line   its line number
     * @param reason why
     */
    public record Rejection(long line, String reason) {
    }

    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private long organizationsCreated;
    private final List<Rejection> rejections = new ArrayList<>();
    private final Set<String> ignoredKeys = new LinkedHashSet<>();
    private long interruptedFrom = -1;
    private long interruptedTo = -1;

    void created() {
        created++;
    }

    void updated() {
        updated++;
    }

    void unchanged() {
        unchanged++;
    }

    void organizationCreated() {
        organizationsCreated++;
    }

    void ignored(String key) {
        ignoredKeys.add(key);
    }

    void interrupted(long from, long to) {
        interruptedFrom = from;
        interruptedTo = to;
    }

    void rejected(long line, String reason) {
        rejected++;
        if (rejections.size() < KEPT_REJECTIONS) {
            rejections.add(new Rejection(line, reason));
        }
    }

    /** @return rows that created a contact */
    public long createdCount() {
        return created;
    }

    /** @return rows that changed an existing contact */
    public long updatedCount() {
        return updated;
    }

    /** @return rows that matched a contact already holding their values */
    public long unchangedCount() {
        return unchanged;
    }

    /** @return rows not imported */
    public long rejectedCount() {
        return rejected;
    }

    /** @return rows read */
    public long rows() {
        return created + updated + unchanged + rejected;
    }

    /** @return organizations created because a row named them */
    public long organizationsCreatedCount() {
        return organizationsCreated;
    }

    /** @return the first {@value #KEPT_REJECTIONS} rejected rows, in file order */
    public List<Rejection> rejections() {
        return Collections.unmodifiableList(rejections);
    }

    /**
     * @return the first and last line of the batch being written when the store failed (those rows may
     *         or may not be written), or null when no write was interrupted
     */
    public long[] interruptedLines() {
        return interruptedFrom < 0 ? null : new long[] {interruptedFrom, interruptedTo};
    }

    /** @return keys present in the file that import ignores (such as {@code updated}) */
    public Set<String> ignoredKeys() {
        return Collections.unmodifiableSet(ignoredKeys);
    }
}

package dev.contacts.query;

import dev.contacts.InvalidValueException;
import dev.contacts.filter.FilterLimits;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A saved segment: a filter of contacts or organizations kept under a name, with the
 * columns and the sort its list is shown with. Names are unique per property and target,
 * compared by {@link Values#fold fold}.
 *
 * <p>The filter is kept as its canonical text (docs/filter-semantics.md §6), exactly as
 * {@link dev.contacts.filter.FilterPrinter} prints it, so every store keeps the same
 * string and a reader can show it. It is parsed and validated again against the
 * property's attributes each time the segment is run ({@code SegmentService}); this
 * record only checks its shape, so a segment that no longer validates can still be read,
 * listed and repaired.
 *
 * @param id      the id
 * @param target  contacts or organizations
 * @param name    the name, TEXT normal form, not blank
 * @param filter  the canonical text of the filter ({@code all} for everything)
 * @param columns the attribute names shown, 1 to {@value ListView#MAX_COLUMNS}, none twice
 * @param sort    the sort of its list
 * @param version 1 when saved, + 1 on every change (optimistic locking)
 * @param created when it was saved first
 * @param updated when it last changed
 */
public record Segment(SegmentId id, Target target, String name, String filter, List<String> columns, Sort sort, long version,
                      Instant created, Instant updated) {

    /**
     * Validates the shape.
     *
     * @param id      the id
     * @param target  contacts or organizations
     * @param name    the name, TEXT normal form, not blank
     * @param filter  the canonical text of the filter ({@code all} for everything)
     * @param columns the attribute names shown, 1 to {@value ListView#MAX_COLUMNS}, none twice
     * @param sort    the sort of its list
     * @param version 1 when saved, + 1 on every change (optimistic locking)
     * @param created when it was saved first
     * @param updated when it last changed
     * @throws InvalidValueException if the name is blank or too long, the filter text blank or over 8 KiB, the columns
     *                               empty, more than 50, blank or repeated, or the version below 1
     */
    public Segment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        name = Values.text("name", name);
        if (name == null) {
            throw new InvalidValueException("name", "a segment needs a name");
        }
        if (filter == null || filter.isBlank()) {
            throw new InvalidValueException("filter", "a segment needs a filter; use 'all' for everything");
        }
        int bytes = filter.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > FilterLimits.MAX_TEXT_BYTES) {
            throw new InvalidValueException("filter", "the filter text has " + bytes + " bytes; at most " + FilterLimits.MAX_TEXT_BYTES
                    + " are allowed");
        }
        columns = ViewColumns.check(columns);
        if (version < 1) {
            throw new InvalidValueException("version", "a stored segment has version 1 or more, not " + version);
        }
    }

    /** @return the fold of the name, by which names are unique per property and target */
    public String nameFold() {
        return Values.fold(name);
    }
}

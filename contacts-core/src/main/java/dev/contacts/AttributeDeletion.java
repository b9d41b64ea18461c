package dev.contacts;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.query.Segment;
import java.util.List;
import java.util.Objects;

/**
 * What deleting a custom attribute did besides deleting it and its values.
 *
 * @param attribute         the deleted definition
 * @param brokenSegments    segments whose filter uses it: they are kept as they were and are now broken (running
 *                          them throws {@link BrokenSegmentException}; they are listed without a count) until their
 *                          filter is edited; always empty unless the deletion was forced
 * @param adjustedSegments  segments that showed it as a column or sorted by it, as they are now: the column dropped
 *                          (the target's default columns when none was left), the sort back to the target's default;
 *                          always empty unless the deletion was forced
 * @param adjustedListViews how many saved list views lost the column or the sort (a view left without columns was
 *                          reset)
 */
public record AttributeDeletion(AttributeDefinition attribute, List<Segment> brokenSegments, List<Segment> adjustedSegments,
                                int adjustedListViews) {
    /**
     * Copies the lists.
     *
     * @param attribute         the deleted definition
     * @param brokenSegments    segments whose filter uses it: they are kept as they were and are now broken (running
     *                          them throws {@link BrokenSegmentException}; they are listed without a count) until their
     *                          filter is edited; always empty unless the deletion was forced
     * @param adjustedSegments  segments that showed it as a column or sorted by it, as they are now: the column dropped
     *                          (the target's default columns when none was left), the sort back to the target's default;
     *                          always empty unless the deletion was forced
     * @param adjustedListViews how many saved list views lost the column or the sort (a view left without columns was
     *                          reset)
     */
    public AttributeDeletion {
        Objects.requireNonNull(attribute, "attribute");
        brokenSegments = List.copyOf(brokenSegments);
        adjustedSegments = List.copyOf(adjustedSegments);
    }
}

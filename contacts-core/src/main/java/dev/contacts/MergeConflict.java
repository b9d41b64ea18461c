package dev.contacts;

import java.util.Objects;

/**
 * One attribute both contacts of a merge had, with different values: the kept contact's
 * value stayed, the removed contact's value was dropped (and is reported here so the
 * caller can show or log it — nothing is lost silently).
 *
 * @param attribute the attribute name, {@code custom.<key>} for a custom one
 * @param kept      the value the merged contact has
 * @param discarded the removed contact's value that was dropped
 */
public record MergeConflict(String attribute, Object kept, Object discarded) {
    /**
     * Checks that nothing is null.
     *
     * @param attribute the attribute name, {@code custom.<key>} for a custom one
     * @param kept      the value the merged contact has
     * @param discarded the removed contact's value that was dropped
     */
    public MergeConflict {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(discarded, "discarded");
    }
}

package dev.contacts.query;

import dev.contacts.InvalidValueException;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A segment as a list of segments shows it: with its number of matches, which may come
 * from a cache and therefore says when it was counted. A segment whose filter no longer
 * validates (a custom attribute it uses was deleted) is listed with no count and the
 * reason instead: {@link #isBroken()}, an empty {@link #count()} and a {@link #problem()}.
 *
 * @param segment   the segment
 * @param count     how many contacts or organizations matched at {@code countedAt}; empty when broken
 * @param countedAt when that count was computed (the SDK's clock), or {@code null} when broken
 * @param problem   why the segment cannot be run, or {@code null} when it can
 */
public record SegmentSummary(Segment segment, OptionalLong count, Instant countedAt, String problem) {

    /**
     * Checks that a summary has either a count with its time, or a problem.
     *
     * @param segment   the segment
     * @param count     how many contacts or organizations matched at {@code countedAt}, or {@code null} when broken
     * @param countedAt when that count was computed (the SDK's clock), or {@code null} when broken
     * @param problem   why the segment cannot be run, or {@code null} when it can
     */
    public SegmentSummary {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(count, "count (OptionalLong.empty() when broken)");
        if (problem == null) {
            if (count.isEmpty()) {
                throw new InvalidValueException("count", "a segment that can be run has a count");
            }
            Objects.requireNonNull(countedAt, "countedAt");
            if (count.getAsLong() < 0) {
                throw new InvalidValueException("count", "a count is never negative, got " + count.getAsLong());
            }
        } else if (count.isPresent() || countedAt != null) {
            throw new InvalidValueException("count", "a broken segment has no count");
        }
    }

    /**
     * @param segment   the segment
     * @param count     its count
     * @param countedAt when it was counted
     * @return the summary of a segment that can be run
     */
    public static SegmentSummary counted(Segment segment, long count, Instant countedAt) {
        return new SegmentSummary(segment, OptionalLong.of(count), countedAt, null);
    }

    /**
     * @param segment the segment
     * @param problem why it cannot be run
     * @return the summary of a broken segment
     */
    public static SegmentSummary broken(Segment segment, String problem) {
        return new SegmentSummary(segment, OptionalLong.empty(), null, Objects.requireNonNull(problem, "problem"));
    }

    /** @return whether the segment cannot be run (see {@link #problem()}) */
    public boolean isBroken() {
        return problem != null;
    }

    /**
     * @return the count, empty when the segment is broken
     * @deprecated {@link #count()} is that {@code OptionalLong} now
     */
    @Deprecated
    public OptionalLong countIfKnown() {
        return count;
    }
}

package dev.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.InvalidValueException;
import dev.contacts.model.PropertyId;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.query.Segment;
import dev.contacts.query.Sort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The segment count cache on its own: reuse, TTL by the SDK's clock, per-property invalidation, new versions. */
class SegmentCountsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final PropertyId P1 = PropertyId.of("p1");
    private static final PropertyId P2 = PropertyId.of("p2");

    /** A clock moved by the test. */
    private static final class Hand extends Clock {
        private Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final Hand clock = new Hand();
    private final AtomicLong store = new AtomicLong(10);
    private final AtomicLong counted = new AtomicLong();

    private static Segment segment(long version, String filter) {
        return new Segment(new SegmentId(new java.util.UUID(1, 2)), Target.CONTACT, "s", filter, List.of("name"), Sort.asc("name"),
                version, T0, T0);
    }

    private SegmentCounts.Counted count(SegmentCounts counts, PropertyId p, Segment s) {
        return counts.count(p, s, now -> {
            counted.incrementAndGet();
            return store.get();
        });
    }

    @Test
    void aCountIsReusedUntilTheTtlHasPassedByTheSdksClock() {
        SegmentCounts counts = new SegmentCounts(Duration.ofSeconds(60), clock);
        Segment s = segment(1, "all");

        assertThat(count(counts, P1, s)).isEqualTo(new SegmentCounts.Counted(10, T0));
        store.set(11);
        clock.now = T0.plusSeconds(59);
        assertThat(count(counts, P1, s)).isEqualTo(new SegmentCounts.Counted(10, T0));
        clock.now = T0.plusSeconds(60);
        assertThat(count(counts, P1, s)).isEqualTo(new SegmentCounts.Counted(11, T0.plusSeconds(60)));
        assertThat(counted).hasValue(2);
    }

    @Test
    void aChangeDropsOnlyThatPropertysCounts() {
        SegmentCounts counts = new SegmentCounts(Duration.ofSeconds(60), clock);
        Segment s = segment(1, "all");
        count(counts, P1, s);
        count(counts, P2, s);

        counts.changed(P1);
        count(counts, P1, s);
        count(counts, P2, s);
        assertThat(counted).hasValue(3);

        counts.changedEverywhere();
        count(counts, P1, s);
        count(counts, P2, s);
        assertThat(counted).hasValue(5);
    }

    @Test
    void anotherVersionOrFilterOfTheSegmentIsCountedAgain() {
        SegmentCounts counts = new SegmentCounts(Duration.ofSeconds(60), clock);
        count(counts, P1, segment(1, "all"));
        count(counts, P1, segment(2, "all"));
        count(counts, P1, segment(2, "tags is \"vip\""));

        assertThat(counted).hasValue(3);
    }

    @Test
    void aZeroTtlCountsEveryTime() {
        SegmentCounts counts = new SegmentCounts(Duration.ZERO, clock);
        Segment s = segment(1, "all");
        count(counts, P1, s);
        count(counts, P1, s);

        assertThat(counted).hasValue(2);
    }

    @Test
    void aTtlOutsideZeroToADayIsRefused() {
        assertThatThrownBy(() -> new SegmentCounts(Duration.ofSeconds(-1), clock)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new SegmentCounts(Duration.ofHours(25), clock)).isInstanceOf(InvalidValueException.class);
    }
}

package dev.contacts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.contacts.InvalidValueException;
import dev.contacts.model.PropertyId;
import dev.contacts.model.SegmentId;
import dev.contacts.query.Segment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The cache of segment counts shown in segment lists: per property, at most {@code ttl}
 * old by the SDK's clock, dropped whole on any write to the property (it is the
 * {@link PropertyWrites} of the {@link WriteObservingStore}).
 *
 * <p>Each property's counts live in one holder object, and invalidation replaces the
 * holder. A count computed while a write happens is put into the holder it started with;
 * if the write invalidated that holder meanwhile, the count lands in a holder no one reads
 * any more. A write is reported twice: when it is made and when its transaction has ended
 * ({@code ContactStore.whenUnitOfWorkEnds}), because a count taken between the two still
 * sees the data from before the write. So a count older than the latest committed write of
 * this process is never served, with no lock around the (slow) counting. Writes by other processes on a shared database, and
 * the passing of time under relative date filters ({@code within last 7 days}), are only
 * bounded by the TTL.
 */
public final class SegmentCounts implements PropertyWrites {
    /** How long a count is reused by default. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** Longest TTL accepted: a segment list more than a day old is not a cache but a mistake. */
    public static final Duration MAX_TTL = Duration.ofDays(1);
    private static final long MAX_PROPERTIES = 10_000;

    /** A count and when it was computed. */
    public record Counted(long count, Instant countedAt) {
    }

    private record Entry(long version, String filter, Counted counted) {
    }

    private final Cache<PropertyId, Map<SegmentId, Entry>> cache;
    private final Clock clock;

    /**
     * @param ttl   how long a count is reused; {@link Duration#ZERO} turns the cache off
     * @param clock the SDK's clock: it stamps counts and ages them
     * @throws InvalidValueException if the TTL is negative or longer than a day
     */
    public SegmentCounts(Duration ttl, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Duration checked = checkTtl(ttl);
        this.cache = checked.isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(checked)
                .maximumSize(MAX_PROPERTIES)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())) // the SDK's clock, so the TTL is testable
                .executor(Runnable::run) // the SDK starts no thread, not even for cache maintenance
                .build();
    }

    /**
     * @param ttl a TTL
     * @return it
     * @throws InvalidValueException if it is negative or longer than a day
     */
    public static Duration checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new InvalidValueException("segmentCountTtl", ttl + " is not within 0 (no caching) .. " + MAX_TTL);
        }
        return ttl;
    }

    /**
     * @param property the property
     * @param segment  the segment
     * @param exact    counts it exactly at the given instant (a relative date filter's {@code now})
     * @return the cached count when there is a fresh one for this version of the segment, else the exact count, cached
     */
    public Counted count(PropertyId property, Segment segment, Function<Instant, Long> exact) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (cache == null) {
            return new Counted(exact.apply(now), now);
        }
        Map<SegmentId, Entry> holder = cache.get(property, p -> new ConcurrentHashMap<>());
        Entry entry = holder.get(segment.id());
        if (entry != null && entry.version() == segment.version() && entry.filter().equals(segment.filter())) {
            return entry.counted();
        }
        Counted counted = new Counted(exact.apply(now), now);
        holder.put(segment.id(), new Entry(segment.version(), segment.filter(), counted));
        return counted;
    }

    @Override
    public void changed(PropertyId property) {
        if (cache != null) {
            cache.invalidate(property);
        }
    }

    @Override
    public void changedEverywhere() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }
}

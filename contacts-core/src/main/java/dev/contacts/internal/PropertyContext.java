package dev.contacts.internal;

import dev.contacts.DeletionPolicy;
import dev.contacts.host.OperationListener;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.WorkMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every service of one property shares: the property, the store, the clock.
 *
 * @param property the property
 * @param store    the store
 * @param clock    the clock
 * @param hosts    the host SPIs
 * @param deletion what deleting a contact does to its history
 * @param catalogs the attribute catalogs cached for every property
 * @param listener told when a timed operation ends
 */
public record PropertyContext(Property property, ContactStore store, Clock clock, HostServices hosts, DeletionPolicy deletion,
                              CatalogCache catalogs, OperationListener listener) {
    private static final Logger LOG = LoggerFactory.getLogger(PropertyContext.class);

    /**
     * Runs an operation and tells the listener how long it took and whether it failed; an
     * exception of the listener is logged and ignored.
     *
     * @param operation what runs
     * @param work      the operation
     * @param <R>       the result type
     * @return what {@code work} returned
     */
    public <R> R timed(OperationListener.Operation operation, Supplier<R> work) {
        if (listener == OperationListener.NONE) {
            return work.get(); // nobody listens: no clock reads on the hot path
        }
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            try {
                listener.completed(operation, elapsed, failure);
            } catch (RuntimeException e) {
                LOG.warn("the operation listener {} failed on {}; ignored", listener, operation, e);
            }
        }
    }

    /**
     * @param target contacts or organizations
     * @return the property's attributes for that target, at the store's current catalog version
     */
    public AttributeCatalog catalog(Target target) {
        return catalogs.current(store.attributes(), property.id(), target);
    }

    /**
     * @param target contacts or organizations
     * @return the cached catalog, possibly stale: check it with {@link #isCurrent} after the store read that used it,
     *         in the same unit of work
     */
    public CatalogCache.Versioned cachedCatalog(Target target) {
        return catalogs.cached(store.attributes(), property.id(), target);
    }

    /**
     * @param used a catalog {@link #cachedCatalog} returned
     * @return whether it is still the store's (if not, it is dropped from the cache)
     */
    public boolean isCurrent(CatalogCache.Versioned used) {
        return catalogs.isCurrent(store.attributes(), property.id(), used);
    }

    /**
     * Runs reads of this property as one unit of work ({@link ContactStore#unitOfWork}).
     *
     * @param work the reads
     * @param <R>  the result type
     * @return what {@code work} returned
     */
    public <R> R read(Supplier<R> work) {
        return store.unitOfWork(property.id(), WorkMode.READ, work);
    }

    /**
     * Runs reads and the writes based on them as one unit of work: all of it or nothing.
     *
     * @param work the reads and writes
     * @param <R>  the result type
     * @return what {@code work} returned, once committed
     */
    public <R> R write(Supplier<R> work) {
        return store.unitOfWork(property.id(), WorkMode.WRITE, work);
    }

    /** @return the clock's instant, truncated to milliseconds */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

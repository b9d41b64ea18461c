package dev.contacts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.spi.AttributeDefinitionRepository;

/**
 * The attribute catalogs of the properties, cached with the catalog version the store
 * bumps on every attribute write ({@link AttributeDefinitionRepository#getCatalogVersion}).
 * A cached catalog is only ever used together with a check of its version against the
 * store's, made in the same unit of work: before use ({@link #current}), or after a query
 * that read the version with its page ({@link #cached} then {@link #isCurrent}, which a JPA
 * store answers without a statement), so that a catalog another node changed is never used
 * to validate a filter or a write. A store that keeps no version (it answers
 * {@link AttributeDefinitionRepository#UNVERSIONED}) is read every time, as without a cache.
 *
 * <p>Thread-safe; one per {@code Contacts}.
 */
public final class CatalogCache {
    private static final int MAX_ENTRIES = 10_000;

    /**
     * A catalog with the version it was read at, and the queries prepared with it.
     *
     * @param version  the store's catalog version when it was read, or {@link AttributeDefinitionRepository#UNVERSIONED}
     * @param catalog  the catalog
     * @param prepared the queries prepared with this catalog (empty for a new one)
     */
    public record Versioned(long version, AttributeCatalog catalog, PreparedQueries prepared) {
        /**
         * @param version the store's catalog version when it was read, or {@link AttributeDefinitionRepository#UNVERSIONED}
         * @param catalog the catalog
         */
        public Versioned(long version, AttributeCatalog catalog) {
            this(version, catalog, new PreparedQueries());
        }
    }

    private record Key(PropertyId property, Target target) {
    }

    private final Cache<Key, Versioned> cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    /**
     * @param attributes the store's attribute definitions
     * @param property   the property
     * @param target     contacts or organizations
     * @return the cached catalog, possibly stale (check it with {@link #isCurrent} after the read that uses it), or read now
     */
    public Versioned cached(AttributeDefinitionRepository attributes, PropertyId property, Target target) {
        Versioned v = cache.getIfPresent(new Key(property, target));
        return v != null ? v : load(attributes, property, target);
    }

    /**
     * @param attributes the store's attribute definitions
     * @param property   the property
     * @param target     contacts or organizations
     * @return the catalog at the store's current version
     */
    public AttributeCatalog current(AttributeDefinitionRepository attributes, PropertyId property, Target target) {
        Versioned v = cache.getIfPresent(new Key(property, target));
        if (v != null && v.version() == attributes.getCatalogVersion(property)) {
            return v.catalog();
        }
        return load(attributes, property, target).catalog();
    }

    /**
     * @param attributes the store's attribute definitions
     * @param property   the property
     * @param used       a catalog {@link #cached} returned
     * @return whether it is still the store's (always true for a catalog of an unversioned store, read at once)
     */
    public boolean isCurrent(AttributeDefinitionRepository attributes, PropertyId property, Versioned used) {
        if (used.version() == AttributeDefinitionRepository.UNVERSIONED) {
            return true;
        }
        if (used.version() == attributes.getCatalogVersion(property)) {
            return true;
        }
        cache.invalidate(new Key(property, used.catalog().target()));
        return false;
    }

    /** Forgets every cached catalog. */
    public void clear() {
        cache.invalidateAll();
    }

    private Versioned load(AttributeDefinitionRepository attributes, PropertyId property, Target target) {
        // the version first: a catalog read after it is at least that new, so the worst a concurrent change can do is
        // make the next check reload it
        long version = attributes.getCatalogVersion(property);
        Versioned read = new Versioned(version, AttributeCatalog.of(target, attributes.list(property, target)));
        if (version != AttributeDefinitionRepository.UNVERSIONED) {
            cache.asMap().merge(new Key(property, target), read, (old, now) -> now.version() >= old.version() ? now : old);
        }
        return read;
    }
}

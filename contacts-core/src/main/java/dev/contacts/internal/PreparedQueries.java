package dev.contacts.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the SDK prepared for the queries of one attribute catalog version (the checks of a
 * filter and sort, its canonical text, its store form, the fingerprint of its cursors), so
 * that a query repeated with the same filter, sort, zone and now skips that work. Each
 * {@link CatalogCache.Versioned} has its own: a catalog change starts from an empty one.
 * Holds at most {@value #MAX_ENTRIES} entries and starts again from empty when full (a
 * host that builds a new filter per call only loses the cache, never memory).
 *
 * <p>Thread-safe. Values must be immutable; a value made twice by two threads at once is
 * made twice and either one kept.
 */
public final class PreparedQueries {
    /** Most entries kept. */
    static final int MAX_ENTRIES = 256;

    private final Map<Object, Object> entries = new ConcurrentHashMap<>();

    /**
     * @param key  a value-equal key (a record of the query's parts)
     * @param make makes the value when it is not cached; an exception it throws is not cached
     * @param <K>  the key type
     * @param <V>  the value type, which the key type determines
     * @return the cached or made value
     */
    public <K, V> V get(K key, Function<K, V> make) {
        V cached = peek(key);
        if (cached != null) {
            return cached;
        }
        V made = make.apply(key);
        put(key, made);
        return made;
    }

    /**
     * @param key a value-equal key
     * @param <V> the value type, which the key type determines
     * @return the cached value, or null
     */
    @SuppressWarnings("unchecked")
    public <V> V peek(Object key) {
        return (V) entries.get(key);
    }

    /**
     * @param key   a value-equal key
     * @param value its immutable value (not null)
     */
    public void put(Object key, Object value) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, value);
    }

    /** @return entries held (tests) */
    int size() {
        return entries.size();
    }
}

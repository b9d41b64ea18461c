package dev.contacts.inmemory;

import dev.contacts.model.EntityId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Key (a fold, a country, an organization id) to the ids of the rows having it. A key
 * held by one row maps to the id itself, so unique keys (emails, organization names) cost
 * one map entry.
 */
final class HashIndex {
    private final Map<Object, Object> map = new HashMap<>();

    void add(Object key, EntityId id) {
        Object current = map.get(key);
        if (current == null) {
            map.put(key, id);
        } else if (current instanceof EntityId) {
            if (!current.equals(id)) {
                Set<EntityId> ids = new HashSet<>();
                ids.add((EntityId) current);
                ids.add(id);
                map.put(key, ids);
            }
        } else {
            @SuppressWarnings("unchecked")
            Set<EntityId> ids = (Set<EntityId>) current;
            ids.add(id);
        }
    }

    void remove(Object key, EntityId id) {
        Object current = map.get(key);
        if (current == null) {
            return;
        }
        if (current instanceof EntityId) {
            if (current.equals(id)) {
                map.remove(key);
            }
            return;
        }
        @SuppressWarnings("unchecked")
        Set<EntityId> ids = (Set<EntityId>) current;
        ids.remove(id);
        if (ids.size() == 1) {
            map.put(key, ids.iterator().next());
        } else if (ids.isEmpty()) {
            map.remove(key);
        }
    }

    /**
     * @param key a key
     * @return a read-only view of the ids having it (valid until the next write)
     */
    @SuppressWarnings("unchecked")
    Collection<EntityId> get(Object key) {
        Object current = map.get(key);
        if (current == null) {
            return List.of();
        }
        if (current instanceof EntityId) {
            return List.of((EntityId) current);
        }
        return Collections.unmodifiableSet((Set<EntityId>) current);
    }

    /**
     * @param key a key
     * @return how many rows have it
     */
    int size(Object key) {
        Object current = map.get(key);
        if (current == null) {
            return 0;
        }
        return current instanceof EntityId ? 1 : ((Set<?>) current).size();
    }
}

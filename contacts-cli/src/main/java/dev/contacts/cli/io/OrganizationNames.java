package dev.contacts.cli.io;

import dev.contacts.model.OrganizationId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Organization names by id, for writing a contact's {@code organizations}; a bounded cache
 * in front of a loader (a store read, or sample data), so exports of millions of contacts
 * stay in bounded memory.
 */
public final class OrganizationNames {
    private static final int CAPACITY = 10_000;
    private final Function<OrganizationId, String> loader;
    private final Map<OrganizationId, String> cache = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<OrganizationId, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /** @param loader the name of an organization by id, or null when there is none */
    public OrganizationNames(Function<OrganizationId, String> loader) {
        this.loader = loader;
    }

    /**
     * @param ids organization ids
     * @return their names in the same order, ids whose organization is gone left out; null when none
     */
    public List<String> names(List<OrganizationId> ids) {
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>(ids.size());
        for (OrganizationId id : ids) {
            String name = cache.computeIfAbsent(id, loader);
            if (name != null) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : names;
    }
}

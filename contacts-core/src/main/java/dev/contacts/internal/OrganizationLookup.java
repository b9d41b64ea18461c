package dev.contacts.internal;

import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.OrganizationRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells which of some organization ids exist in a property, for the check that a contact
 * links only existing organizations ({@link ChangeApplier}). The store re-checks atomically
 * with the write; this check gives the readable error first.
 */
@FunctionalInterface
public interface OrganizationLookup {
    /**
     * @param property the property
     * @param ids      organization ids
     * @return those of them that exist in the property
     */
    Set<OrganizationId> existing(PropertyId property, List<OrganizationId> ids);

    /**
     * @param organizations the store's organizations
     * @return a lookup that asks the store each time
     */
    static OrganizationLookup of(OrganizationRepository organizations) {
        return (property, ids) -> {
            Set<OrganizationId> found = new HashSet<>();
            for (Organization o : organizations.getAll(property, ids)) {
                found.add(o.id());
            }
            return found;
        };
    }

    /**
     * A lookup for a batch: the organizations the batch names are read in one call, and
     * only ids outside them (none, when {@code expected} is complete) are asked again.
     *
     * @param organizations the store's organizations
     * @param property      the property
     * @param expected      the ids the batch is expected to ask about
     * @return the lookup
     */
    static OrganizationLookup prefetched(OrganizationRepository organizations, PropertyId property, Collection<OrganizationId> expected) {
        OrganizationLookup direct = of(organizations);
        Set<OrganizationId> asked = new HashSet<>(expected);
        Set<OrganizationId> found = asked.isEmpty() ? new HashSet<>() : direct.existing(property, new ArrayList<>(asked));
        return (p, ids) -> {
            if (!p.equals(property) || !asked.containsAll(ids)) {
                return direct.existing(p, ids);
            }
            Set<OrganizationId> result = new HashSet<>();
            for (OrganizationId id : ids) {
                if (found.contains(id)) {
                    result.add(id);
                }
            }
            return result;
        };
    }
}

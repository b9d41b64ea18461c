package dev.contacts.spi;

import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import java.util.Optional;

/**
 * Storage of organizations. Names are unique per property by fold ({@code insert} and
 * {@code update} throw {@link dev.contacts.ConflictException} otherwise). The
 * {@code contacts} count of a stored organization is the store's to compute; the value
 * in an inserted or updated {@link Organization} is ignored. Deleting an organization
 * unlinks it from every contact of the property.
 *
 * <p>Implementations must be thread-safe, each method atomic on its own, and take part in the
 * unit of work open on the calling thread ({@link ContactStore#unitOfWork}).
 */
public interface OrganizationRepository extends EntityRepository<OrganizationId, Organization> {

    /**
     * @param property the property
     * @param name     a name, compared by fold
     * @return the organization with that name, if any
     */
    Optional<Organization> findByName(PropertyId property, String name);
}

package dev.contacts.spi;

import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import java.util.List;
import java.util.Optional;

/** Storage of properties (tenants). *
 * <p>Implementations must be thread-safe, each method atomic on its own, and take part in the
 * unit of work open on the calling thread ({@link ContactStore#unitOfWork}).
 */
public interface PropertyRepository {
    /**
     * @param property the new property
     * @throws dev.contacts.ConflictException if its id exists
     */
    void create(Property property);

    /**
     * @param id the id
     * @return the property, if it exists
     */
    Optional<Property> get(PropertyId id);

    /** @return every property, by id */
    List<Property> list();

    /**
     * Deletes a property and everything in it.
     *
     * @param id the id
     * @return whether it existed
     */
    boolean delete(PropertyId id);
}

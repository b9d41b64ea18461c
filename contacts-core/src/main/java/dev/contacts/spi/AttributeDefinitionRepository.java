package dev.contacts.spi;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import java.util.List;

/**
 * Storage of custom attribute definitions, per property and target, with a catalog version
 * per property that every write of a definition raises, so that the SDK can cache the
 * catalogs and still never validate a filter or a write against a catalog another node
 * changed.
 *
 * <p>Implementations must be thread-safe, each method atomic on its own, and take part in the
 * unit of work open on the calling thread ({@link ContactStore#unitOfWork}).
 */
public interface AttributeDefinitionRepository {
    /** The {@link #getCatalogVersion} of a store that keeps none: the SDK then reads the catalog on every call. */
    long UNVERSIONED = -1;

    /**
     * The version of the property's attribute catalog (both targets): a store that keeps one
     * raises it in the same atomic step as every {@link #create}, {@link #update} and
     * {@link #delete} of the property, so that a catalog read at version v is the stored one
     * exactly as long as this answers v. Inside a unit of work, a store may answer from the
     * version it read with an earlier query of the same unit (the JPA store reads it with
     * every page and count). Its name marks it as a read ({@link RepositoryMethods}): it never
     * writes. The default keeps no version.
     *
     * @param property the property
     * @return its catalog version (0 for a property that does not exist), or {@link #UNVERSIONED}
     */
    default long getCatalogVersion(PropertyId property) {
        return UNVERSIONED;
    }

    /**
     * @param property   the property
     * @param definition a custom definition
     * @throws dev.contacts.ConflictException if the name is taken for that target
     */
    void create(PropertyId property, AttributeDefinition definition);

    /**
     * @param property the property
     * @param target   contacts or organizations
     * @return the custom definitions, in creation order
     */
    List<AttributeDefinition> list(PropertyId property, Target target);

    /**
     * Replaces a definition's label (the type of a definition never changes).
     *
     * @param property   the property
     * @param definition the definition with its new label
     * @throws dev.contacts.NotFoundException if it does not exist
     */
    void update(PropertyId property, AttributeDefinition definition);

    /**
     * Deletes a definition and every value of it on the target's objects.
     *
     * @param property the property
     * @param target   contacts or organizations
     * @param name     {@code custom.<key>}
     * @return whether it existed
     */
    boolean delete(PropertyId property, Target target, String name);
}

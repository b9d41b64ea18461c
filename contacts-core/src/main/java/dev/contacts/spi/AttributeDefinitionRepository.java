package dev.contacts.spi;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import java.util.List;

/** Storage of custom attribute definitions, per property and target. */
public interface AttributeDefinitionRepository {
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

package dev.contacts;

import dev.contacts.internal.PropertyContext;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import java.util.List;

/**
 * The custom attributes of one property: define, relabel, delete, list. Custom attributes
 * are named {@code custom.<key>} in filters, sorts, columns and writes.
 */
public final class AttributeService {
    private final PropertyContext context;

    AttributeService(PropertyContext context) {
        this.context = context;
    }

    private PropertyId pid() {
        return context.property().id();
    }

    /**
     * @param target contacts or organizations
     * @param key    {@code [a-z][a-z0-9_]{0,39}}
     * @param label  display label
     * @param type   TEXT, TEXT_SET, NUMBER, DATE or BOOLEAN
     * @return the definition
     * @throws ConflictException     if the key is taken for that target
     * @throws InvalidValueException if key, label or type is not acceptable
     */
    public AttributeDefinition define(Target target, String key, String label, AttributeType type) {
        AttributeDefinition d = AttributeDefinition.custom(target, key, label, type);
        context.store().attributes().create(pid(), d);
        return d;
    }

    /**
     * @param target contacts or organizations
     * @param name   {@code custom.<key>}
     * @param label  the new label
     * @return the relabelled definition
     * @throws UnknownAttributeException if it is not a custom attribute of the property
     */
    public AttributeDefinition relabel(Target target, String name, String label) {
        AttributeDefinition d = requireCustom(target, name).withLabel(label);
        context.store().attributes().update(pid(), d);
        return d;
    }

    /**
     * Deletes a custom attribute and all its values.
     *
     * @param target contacts or organizations
     * @param name   {@code custom.<key>}
     * @throws UnknownAttributeException if it is not a custom attribute of the property
     */
    public void delete(Target target, String name) {
        requireCustom(target, name);
        context.store().attributes().delete(pid(), target, name);
    }

    /**
     * @param target contacts or organizations
     * @return the built-in then custom attributes
     */
    public List<AttributeDefinition> list(Target target) {
        return catalog(target).all();
    }

    /**
     * @param target contacts or organizations
     * @return the attribute catalogue of the property for that target
     */
    public AttributeCatalog catalog(Target target) {
        return context.catalog(target);
    }

    private AttributeDefinition requireCustom(Target target, String name) {
        AttributeDefinition d = catalog(target).require(name);
        if (d.builtIn()) {
            throw new UnknownAttributeException(name, "'" + name + "' is built in; only custom attributes can be relabelled or deleted");
        }
        return d;
    }
}

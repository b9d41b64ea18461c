package dev.contacts.inmemory;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Attributed;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.spi.AttributeDefinitionRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Custom attribute definitions per property and target, in creation order. Deleting one
 * drops its values from every contact or organization of the property in the same
 * critical section; those objects keep their version and {@code updated}. Reads of a
 * property that does not exist are empty; {@code create} and {@code update} there throw
 * {@link NotFoundException}; {@code delete} returns false.
 */
final class InMemoryAttributes implements AttributeDefinitionRepository {
    private final InMemoryStore store;

    InMemoryAttributes(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void create(PropertyId property, AttributeDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        if (definition.builtIn()) {
            throw new IllegalArgumentException(definition.name() + " is built in; only custom attributes are stored");
        }
        PropertyData data = store.require(property, "define an attribute");
        data.write(() -> {
            Map<String, AttributeDefinition> definitions = data.definitions.get(definition.target());
            if (definitions.containsKey(definition.name())) {
                throw new ConflictException("the " + definition.target().name().toLowerCase(java.util.Locale.ROOT) + " attribute "
                        + definition.name() + " is already defined in property " + property);
            }
            definitions.put(definition.name(), definition);
            data.catalogVersion++;
            return null;
        });
    }

    @Override
    public List<AttributeDefinition> list(PropertyId property, Target target) {
        Objects.requireNonNull(target, "target");
        PropertyData data = store.data(Objects.requireNonNull(property, "property"));
        if (data == null) {
            return List.of();
        }
        return data.read(() -> List.copyOf(data.definitions.get(target).values()));
    }

    /** {@inheritDoc} Here: a counter of the property's data, raised under its write lock. */
    @Override
    public long getCatalogVersion(PropertyId property) {
        PropertyData data = store.data(Objects.requireNonNull(property, "property"));
        return data == null ? 0 : data.catalogVersion;
    }

    /** {@inheritDoc} Only the label is taken from the given definition; the type stays. */
    @Override
    public void update(PropertyId property, AttributeDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        PropertyData data = store.require(property, "relabel an attribute");
        data.write(() -> {
            Map<String, AttributeDefinition> definitions = data.definitions.get(definition.target());
            AttributeDefinition current = definitions.get(definition.name());
            if (current == null) {
                throw new NotFoundException("the attribute " + definition.name() + " is not defined in property " + property);
            }
            definitions.put(current.name(), current.withLabel(definition.label()));
            data.catalogVersion++;
            return null;
        });
    }

    @Override
    public boolean delete(PropertyId property, Target target, String name) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(name, "name");
        PropertyData data = store.data(Objects.requireNonNull(property, "property"));
        if (data == null) {
            return false;
        }
        return data.write(() -> {
            if (data.definitions.get(target).remove(name) == null) {
                return false;
            }
            data.catalogVersion++;
            if (target == Target.CONTACT) {
                dropValues(data.contacts, name);
            } else {
                dropValues(data.organizations, name);
            }
            return true;
        });
    }

    private static <T extends Attributed> void dropValues(Table<T> table, String name) {
        String key = name.substring(AttributeDefinition.CUSTOM_PREFIX.length());
        List<Row<T>> affected = new ArrayList<>();
        for (Row<T> row : table.rows()) {
            if (Schema.custom(row.entity).containsKey(key)) {
                affected.add(row);
            }
        }
        for (Row<T> row : affected) {
            table.replace(row, table.schema().row(without(row.entity, name)));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Attributed> T without(T entity, String name) {
        if (entity instanceof Contact) {
            return (T) ((Contact) entity).toBuilder().set(name, null).build();
        }
        return (T) ((Organization) entity).toBuilder().set(name, null).build();
    }
}

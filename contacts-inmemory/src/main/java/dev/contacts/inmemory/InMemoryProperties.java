package dev.contacts.inmemory;

import dev.contacts.ConflictException;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.PropertyRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/** Properties: one {@link PropertyData} each in a concurrent map; creation and deletion are atomic. */
final class InMemoryProperties implements PropertyRepository {
    private final ConcurrentMap<PropertyId, PropertyData> properties;

    InMemoryProperties(ConcurrentMap<PropertyId, PropertyData> properties) {
        this.properties = properties;
    }

    @Override
    public void create(Property property) {
        Objects.requireNonNull(property, "property");
        if (properties.putIfAbsent(property.id(), new PropertyData(property)) != null) {
            throw new ConflictException("property " + property.id() + " already exists");
        }
    }

    @Override
    public Optional<Property> get(PropertyId id) {
        PropertyData data = properties.get(Objects.requireNonNull(id, "id"));
        return data == null ? Optional.empty() : Optional.of(data.property);
    }

    @Override
    public List<Property> list() {
        List<Property> all = new ArrayList<>();
        for (PropertyData data : properties.values()) {
            all.add(data.property);
        }
        all.sort(Comparator.comparing(p -> p.id().value()));
        return all;
    }

    @Override
    public boolean delete(PropertyId id) {
        return properties.remove(Objects.requireNonNull(id, "id")) != null;
    }
}

package dev.contacts.inmemory;

import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.model.PropertyId;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the repositories reach a property's data: writes require the property to exist,
 * reads and clean-ups of a property that does not exist see nothing.
 */
final class PropertyAccess {
    private PropertyAccess() {
    }

    /**
     * @param store    the store
     * @param property a property id
     * @param action   what is being done, for the message
     * @return the property's data
     * @throws NotFoundException if the property does not exist
     */
    static PropertyData require(InMemoryStore store, PropertyId property, String action) {
        Objects.requireNonNull(property, "property");
        PropertyData data = store.data(property);
        if (data == null) {
            throw new NotFoundException("cannot " + action + ": property " + property + " does not exist");
        }
        return data;
    }

    /** Runs a read under the property's read lock, or returns {@code absent} when the property does not exist. */
    static <R> R read(InMemoryStore store, PropertyId property, R absent, Function<PropertyData, R> action) {
        Objects.requireNonNull(property, "property");
        PropertyData data = store.data(property);
        return data == null ? absent : data.read(() -> action.apply(data));
    }

    /** Runs a write under the property's write lock, or returns {@code absent} when the property does not exist. */
    static <R> R writeIfPresent(InMemoryStore store, PropertyId property, R absent, Function<PropertyData, R> action) {
        Objects.requireNonNull(property, "property");
        PropertyData data = store.data(property);
        return data == null ? absent : data.write(() -> action.apply(data));
    }

    /**
     * @param limit a page limit
     * @param max   the largest allowed
     * @throws InvalidValueException if it is outside 1..max
     */
    static void checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidValueException("limit", limit + " is not within 1.." + max);
        }
    }
}

package dev.contacts.inmemory;

import dev.contacts.NotFoundException;
import dev.contacts.filter.Filter;
import dev.contacts.model.Attributed;
import dev.contacts.model.EntityId;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.EntityRepository;
import dev.contacts.spi.SeekOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reads every aggregate shares, each under the property's read lock. A property that
 * does not exist reads as empty.
 *
 * @param <I> id type
 * @param <T> aggregate type
 */
abstract class EntityRepositoryBase<I extends EntityId, T extends Attributed> implements EntityRepository<I, T> {
    final InMemoryStore store;

    EntityRepositoryBase(InMemoryStore store) {
        this.store = store;
    }

    /** @return the table of this aggregate in a property */
    abstract Table<T> table(PropertyData data);

    /** @return the aggregate's name in messages */
    abstract String noun();

    /**
     * @param property a property id
     * @param action   what is being done, for the message
     * @return the property's data
     * @throws NotFoundException if the property does not exist
     */
    PropertyData require(PropertyId property, String action) {
        return store.require(property, action);
    }

    @Override
    public Optional<T> get(PropertyId property, I id) {
        Objects.requireNonNull(id, "id");
        PropertyData data = store.data(property);
        if (data == null) {
            return Optional.empty();
        }
        return data.read(() -> {
            Row<T> row = table(data).get(id);
            return row == null ? Optional.<T>empty() : Optional.of(row.entity);
        });
    }

    @Override
    public List<T> getAll(PropertyId property, List<I> ids) {
        PropertyData data = store.data(property);
        if (data == null || ids.isEmpty()) {
            return List.of();
        }
        return data.read(() -> {
            Table<T> table = table(data);
            List<T> found = new ArrayList<>();
            for (I id : new LinkedHashSet<>(ids)) {
                Row<T> row = table.get(id);
                if (row != null) {
                    found.add(row.entity);
                }
            }
            return found;
        });
    }

    @Override
    public List<T> find(PropertyId property, Filter filter, SeekOrder order, int limit) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(order, "order");
        PropertyData data = store.data(property);
        if (data == null) {
            return List.of();
        }
        return data.read(() -> table(data).find(filter, order, limit));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<I> findIds(PropertyId property, Filter filter) {
        Objects.requireNonNull(filter, "filter");
        PropertyData data = store.data(property);
        if (data == null) {
            return List.of();
        }
        return data.read(() -> {
            List<I> ids = new ArrayList<>();
            for (Row<T> row : table(data).matching(filter)) {
                ids.add((I) row.id);
            }
            return ids;
        });
    }

    @Override
    public long count(PropertyId property, Filter filter) {
        Objects.requireNonNull(filter, "filter");
        PropertyData data = store.data(property);
        if (data == null) {
            return 0;
        }
        return data.read(() -> table(data).count(filter));
    }

    /**
     * @param stored   the stored version
     * @param expected the version the caller based its change on
     * @param next     the version of the new state
     * @param id       the id, for messages
     */
    void checkVersions(long stored, long expected, long next, EntityId id) {
        if (stored != expected) {
            throw new dev.contacts.ConflictException(noun() + " " + id + " is at version " + stored + ", not " + expected
                    + "; reload it and apply the change again");
        }
        if (next != expected + 1) {
            throw new IllegalArgumentException("the new state of " + noun() + " " + id + " must have version " + (expected + 1)
                    + ", not " + next);
        }
    }
}

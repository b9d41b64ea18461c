package dev.contacts.spi;

import dev.contacts.filter.Filter;
import dev.contacts.model.Attributed;
import dev.contacts.model.EntityId;
import dev.contacts.model.PropertyId;
import java.util.List;
import java.util.Optional;

/**
 * Storage of one aggregate (contacts or organizations) of many properties. Every method
 * is scoped to one property: an id of another property is not found, a filter never
 * sees another property's rows. Filters given to {@link #find} and {@link #count} are in
 * the store form described in the package documentation.
 *
 * <p>A property that does not exist reads as empty (nothing found, counts of 0) and
 * refuses writes with {@link dev.contacts.NotFoundException}.
 *
 * @param <I> id type
 * @param <T> aggregate type
 *
 * <p>Implementations must be thread-safe, each method atomic on its own, and take part in the
 * unit of work open on the calling thread ({@link ContactStore#unitOfWork}).
 */
public interface EntityRepository<I extends EntityId, T extends Attributed> {

    /**
     * Inserts a new aggregate (version 1) atomically.
     *
     * @param property the property
     * @param entity   the aggregate
     * @throws dev.contacts.ConflictException if the id exists or a uniqueness rule of the aggregate is broken
     */
    void insert(PropertyId property, T entity);

    /**
     * @param property the property
     * @param id       the id
     * @return the aggregate, or empty when it does not exist in this property
     */
    Optional<T> get(PropertyId property, I id);

    /**
     * Whether an aggregate exists, for the checks that only need that (a note, a ticket or a
     * timeline of a contact). The default loads it; a store should answer without loading its
     * values.
     *
     * @param property the property
     * @param id       the id
     * @return whether it exists in this property
     */
    default boolean exists(PropertyId property, I id) {
        return get(property, id).isPresent();
    }

    /**
     * Loads several aggregates in one round trip (no N+1).
     *
     * @param property the property
     * @param ids      ids
     * @return the aggregates found, in no particular order
     */
    List<T> getAll(PropertyId property, List<I> ids);

    /**
     * Replaces an aggregate if its stored version is {@code expectedVersion}, atomically.
     *
     * @param property        the property
     * @param entity          the new state, with version {@code expectedVersion + 1} (anything else is a
     *                        programming error: {@link IllegalArgumentException})
     * @param expectedVersion the version the change was based on
     * @throws dev.contacts.NotFoundException if it does not exist
     * @throws dev.contacts.ConflictException if the stored version differs or a uniqueness rule is broken
     */
    void update(PropertyId property, T entity, long expectedVersion);

    /**
     * Deletes an aggregate and what the store keeps only for it (links, values).
     *
     * @param property the property
     * @param id       the id
     * @return whether it existed
     */
    boolean delete(PropertyId property, I id);

    /**
     * One phase of a page: the rows matching the filter, in the given order, at most
     * {@code limit}.
     *
     * @param property the property
     * @param filter   store-form filter (already including the phase's seek predicate)
     * @param order    the order
     * @param limit    most rows to return, 1..1001
     * @return the rows, in order
     */
    List<T> find(PropertyId property, Filter filter, SeekOrder order, int limit);

    /**
     * The ids of every row matching the filter, in no particular order.
     *
     * @param property the property
     * @param filter   store-form filter
     * @return the ids
     */
    List<I> findIds(PropertyId property, Filter filter);

    /**
     * @param property the property
     * @param filter   store-form filter
     * @return the exact number of matching rows
     */
    long count(PropertyId property, Filter filter);
}

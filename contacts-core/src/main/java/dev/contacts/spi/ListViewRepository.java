package dev.contacts.spi;

import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import java.util.List;
import java.util.Optional;

/**
 * Storage of saved list views, per property: at most one per target for the property
 * ({@code agent} null) and one per target and agent. Views are preferences, replaced
 * whole by {@link #put} (last write wins; no version). Every method is scoped to one
 * property. Calls naming a property that does not exist read as empty; {@code put}
 * there throws {@link dev.contacts.NotFoundException}.
 *
 * <p>Implementations must be thread-safe, each method atomic on its own, and take part in the
 * unit of work open on the calling thread ({@link ContactStore#unitOfWork}).
 */
public interface ListViewRepository {
    /**
     * @param property the property
     * @param target   contacts or organizations
     * @param agent    an agent id, or {@code null} for the property's own view
     * @return exactly that saved view (no fallback), if any
     */
    Optional<ListView> get(PropertyId property, Target target, String agent);

    /**
     * @param property the property
     * @param target   contacts or organizations
     * @return every saved view of that target: the property's and every agent's, in any order
     */
    List<ListView> list(PropertyId property, Target target);

    /**
     * Saves a view, replacing the one of the same target and agent.
     *
     * @param property the property
     * @param view     the view
     * @throws dev.contacts.NotFoundException if the property does not exist
     */
    void put(PropertyId property, ListView view);

    /**
     * @param property the property
     * @param target   contacts or organizations
     * @param agent    an agent id, or {@code null} for the property's own view
     * @return whether such a view was saved
     */
    boolean delete(PropertyId property, Target target, String agent);
}

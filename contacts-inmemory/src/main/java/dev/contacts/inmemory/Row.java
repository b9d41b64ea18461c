package dev.contacts.inmemory;

import dev.contacts.model.Attributed;
import dev.contacts.model.EntityId;
import java.util.Map;

/**
 * One stored contact or organization with what queries need precomputed: the folds of
 * its text values (by {@link Schema} slot, and of its custom text values by name) and the
 * keys of the sorted indexes. Immutable except {@link #slot}, its position in the table's
 * dense array, which only the table changes under the property's write lock.
 *
 * @param <T> entity type
 */
final class Row<T extends Attributed> implements SortedIndex.Keyed {
    final T entity;
    final EntityId id;
    /** By text slot: a {@code String} fold, a {@code String[]} of element folds, or null when unknown. */
    final Object[] folds;
    /** {@code custom.<key>} to the fold(s) of a custom TEXT or TEXT_SET value. */
    final Map<String, Object> customFolds;
    /** By sorted-index slot: the sort key (text folded), or null when unknown. */
    final Object[] sortKeys;
    int slot = -1;

    Row(T entity, Object[] folds, Map<String, Object> customFolds, Object[] sortKeys) {
        this.entity = entity;
        this.id = entity.entityId();
        this.folds = folds;
        this.customFolds = customFolds;
        this.sortKeys = sortKeys;
    }

    @Override
    public Object sortKey(int index) {
        return sortKeys[index];
    }

    @Override
    public EntityId keyId() {
        return id;
    }

    @Override
    public int bias() {
        return 0;
    }
}

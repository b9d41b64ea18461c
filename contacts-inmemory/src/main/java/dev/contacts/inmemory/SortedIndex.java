package dev.contacts.inmemory;

import dev.contacts.model.Attributed;
import dev.contacts.model.EntityId;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rows of a table in the order of one attribute: rows with a known value in a tree
 * ordered by (sort key, id), rows with an unknown value in a tree ordered by id. A find
 * in that order walks the tree from the seek position and stops after {@code limit}
 * matches instead of sorting every match.
 *
 * @param <T> entity type
 */
final class SortedIndex<T extends Attributed> {
    /** A row, or a probe marking a position in the tree. */
    interface Keyed {
        /**
         * @param index sorted-index slot
         * @return the sort key (text folded), never null in the known tree
         */
        Object sortKey(int index);

        /** @return the id, or null for a probe before (bias −1) or after (bias +1) every id */
        EntityId keyId();

        /** @return 0 for rows; −1 or +1 for probes placed just before or after their key and id */
        int bias();
    }

    /**
     * A position in the known tree.
     *
     * @param key  sort key
     * @param id   id, or null for before/after every id with that key
     * @param bias −1 before, +1 after, 0 at the id
     */
    record Probe(Object key, EntityId id, int bias) implements Keyed {
        @Override
        public Object sortKey(int index) {
            return key;
        }

        @Override
        public EntityId keyId() {
            return id;
        }
    }

    final String attribute;
    final int slot;
    final Comparator<Keyed> order;
    final TreeSet<Keyed> known;
    final TreeMap<EntityId, Row<T>> unknown = new TreeMap<>(ValueOrder::compareIds);

    SortedIndex(String attribute, int slot) {
        this.attribute = attribute;
        this.slot = slot;
        this.order = (a, b) -> {
            int c = ValueOrder.compare(a.sortKey(slot), b.sortKey(slot));
            if (c != 0) {
                return c;
            }
            EntityId x = a.keyId();
            EntityId y = b.keyId();
            if (x == null || y == null) {
                if (x == null && y == null) {
                    return Integer.compare(a.bias(), b.bias());
                }
                return x == null ? a.bias() : -b.bias();
            }
            c = ValueOrder.compareIds(x, y);
            return c != 0 ? c : Integer.compare(a.bias(), b.bias());
        };
        this.known = new TreeSet<>(order);
    }

    void add(Row<T> row) {
        if (row.sortKeys[slot] == null) {
            unknown.put(row.id, row);
        } else {
            known.add(row);
        }
    }

    void remove(Row<T> row) {
        if (row.sortKeys[slot] == null) {
            unknown.remove(row.id);
        } else {
            known.remove(row);
        }
    }
}

package dev.contacts.internal;

import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Operator;
import dev.contacts.model.EntityId;
import dev.contacts.query.Direction;
import dev.contacts.query.Sort;
import dev.contacts.spi.SeekOrder;
import java.util.List;

/**
 * Plans keyset paging (docs/filter-semantics.md §8) once for every store: for a sort and the position
 * after which the page starts, one or two phases, each a seek predicate to AND with the
 * user's filter and an order. Phase one walks the known values of the sort key, in the
 * sort's direction, ties by id; phase two walks the unknown ones by id. Unknown values
 * come last in both directions because they are simply the second phase.
 */
public final class KeysetPlanner {
    /** The pseudo-attribute that seek predicates use for the id. */
    public static final String ID = "id";

    private KeysetPlanner() {
    }

    /**
     * One phase of a page.
     *
     * @param predicate seek predicate, to AND with the user's filter
     * @param order     the order of the phase's rows
     */
    public record Phase(Filter predicate, SeekOrder order) {
    }

    /**
     * Where the previous page ended.
     *
     * @param value the sort value of its last item, or null when unknown
     * @param id    the id of its last item
     */
    public record Position(Object value, EntityId id) {
    }

    /**
     * @param sort  the sort
     * @param after where the previous page ended, or null for the first page
     * @return the phases to run in order until the page is full
     */
    public static List<Phase> plan(Sort sort, Position after) {
        String k = sort.attribute();
        Direction dir = sort.direction();
        Operator beyond = dir == Direction.ASC ? Operator.GT : Operator.LT;
        Operator beyondOrAt = dir == Direction.ASC ? Operator.GE : Operator.LE;
        Phase unknowns = new Phase(Condition.of(k, Operator.IS_UNKNOWN), new SeekOrder(null, dir));
        if (after == null) {
            return List.of(new Phase(Condition.of(k, Operator.HAS_ANY_VALUE), new SeekOrder(k, dir)), unknowns);
        }
        if (after.value() == null) {
            return List.of(new Phase(Filter.and(Condition.of(k, Operator.IS_UNKNOWN), Condition.of(ID, beyond, after.id())),
                    new SeekOrder(null, dir)));
        }
        // k >= v AND (k > v OR id > last): the first conjunct lets an index on k bound the scan.
        Filter seek = Filter.and(Condition.of(k, beyondOrAt, after.value()),
                Filter.or(Condition.of(k, beyond, after.value()), Condition.of(ID, beyond, after.id())));
        return List.of(new Phase(seek, new SeekOrder(k, dir)), unknowns);
    }
}

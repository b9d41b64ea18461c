package dev.contacts.filter;

/**
 * The operators of a NUMBER attribute (docs/filter-semantics.md §3), for
 * {@code Filter.attr(Attr.TOTAL_TICKETS)}. Any number of at most 18 integer and 6 fraction
 * digits is an operand, also for a counter ({@code totalTickets > 2.5} is a valid, if
 * roundabout, way to say {@code >= 3}).
 */
public interface NumberConditions extends AttributeConditions {
    /**
     * @param v number
     * @return equal
     */
    Filter eq(Number v);

    /**
     * @param v number
     * @return not equal, or unknown
     */
    Filter ne(Number v);

    /**
     * @param v number
     * @return less than
     */
    Filter lt(Number v);

    /**
     * @param v number
     * @return at most
     */
    Filter le(Number v);

    /**
     * @param v number
     * @return greater than
     */
    Filter gt(Number v);

    /**
     * @param v number
     * @return at least
     */
    Filter ge(Number v);

    /**
     * @param a low
     * @param b high
     * @return a ≤ x ≤ b
     */
    Filter between(Number a, Number b);
}

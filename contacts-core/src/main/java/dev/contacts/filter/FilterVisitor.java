package dev.contacts.filter;

/**
 * Visits a {@link Filter}; stores translate the normalised form with one of these.
 *
 * @param <R> result type
 */
public interface FilterVisitor<R> {
    /** @return the result for {@link All} */
    R visitAll();

    /** @return the result for {@link None} */
    R visitNone();

    /**
     * @param condition the leaf
     * @return its result
     */
    R visitCondition(Condition condition);

    /**
     * @param and the conjunction
     * @return its result
     */
    R visitAnd(And and);

    /**
     * @param or the disjunction
     * @return its result
     */
    R visitOr(Or or);

    /**
     * @param not the complement
     * @return its result
     */
    R visitNot(Not not);
}

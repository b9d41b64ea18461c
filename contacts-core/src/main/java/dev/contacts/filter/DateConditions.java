package dev.contacts.filter;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The operators of a DATE attribute (docs/filter-semantics.md §3), for {@code Filter.attr(Attr.LAST_SEEN)}:
 * local days in the query's zone, periods relative to the query's {@code now}, and instants.
 */
public interface DateConditions extends AttributeConditions {
    /**
     * @param t instant
     * @return before the instant
     */
    Filter lt(Instant t);

    /**
     * @param t instant
     * @return at or before the instant
     */
    Filter le(Instant t);

    /**
     * @param t instant
     * @return after the instant
     */
    Filter gt(Instant t);

    /**
     * @param t instant
     * @return at or after the instant
     */
    Filter ge(Instant t);

    /**
     * @param d local day
     * @return on that day in the query's zone
     */
    Filter on(LocalDate d);

    /**
     * @param d local day
     * @return complement of {@link #on(LocalDate)}
     */
    Filter notOn(LocalDate d);

    /**
     * @param d local day
     * @return before the start of that day
     */
    Filter before(LocalDate d);

    /**
     * @param d local day
     * @return at or after the start of the next day
     */
    Filter after(LocalDate d);

    /**
     * @param a first day
     * @param b last day
     * @return from the start of a to the end of b
     */
    Filter between(LocalDate a, LocalDate b);

    /**
     * @param amount 1..100000
     * @param unit unit
     * @return now − amount ≤ x ≤ now
     */
    Filter withinLast(long amount, PeriodUnit unit);

    /**
     * @param amount 1..100000
     * @param unit unit
     * @return x &lt; now − amount
     */
    Filter moreThanAgo(long amount, PeriodUnit unit);

    /**
     * @param amount 1..100000
     * @param unit unit
     * @return now ≤ x ≤ now + amount
     */
    Filter withinNext(long amount, PeriodUnit unit);
}

package dev.contacts.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Builds conditions on one attribute: {@code Filter.attr("tags").is("vip")}. Each method
 * is one operator of docs/filter-semantics.md §3; which ones fit depends on the attribute's type,
 * checked when the filter is used. {@code Filter.attr} with a typed key
 * ({@code Filter.attr(Attr.TAGS)}) returns this builder seen through the interface of the
 * key's type, so that only fitting operators compile.
 *
 * @param name the attribute name
 */
public record FilterAttribute(String name) implements TextSetConditions, NumberConditions, DateConditions, BooleanConditions,
        OrganizationConditions {

    private Filter c(Operator op, Object... operands) {
        return new Condition(name, op, Arrays.asList(operands));
    }

    private static BigDecimal n(Number v) {
        if (v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(v.doubleValue());
        }
        return BigDecimal.valueOf(v.longValue());
    }

    /** @return the value is known */
    public Filter hasAnyValue() { return c(Operator.HAS_ANY_VALUE); }

    /** @return the value is unknown */
    public Filter isUnknown() { return c(Operator.IS_UNKNOWN); }

    /**
     * @param v text or organization id
     * @return fold-equal (sets: some element)
     */
    public Filter is(String v) { return c(Operator.IS, v); }

    /**
     * @param v text
     * @return complement of {@link #is(String)}
     */
    public Filter isNot(String v) { return c(Operator.IS_NOT, v); }

    /** @return BOOLEAN is true */
    public Filter isTrue() { return c(Operator.IS, Boolean.TRUE); }

    /** @return BOOLEAN is false */
    public Filter isFalse() { return c(Operator.IS, Boolean.FALSE); }

    /** @return BOOLEAN is false or unknown */
    public Filter isNotTrue() { return c(Operator.IS_NOT, Boolean.TRUE); }

    /** @return BOOLEAN is true or unknown */
    public Filter isNotFalse() { return c(Operator.IS_NOT, Boolean.FALSE); }

    /**
     * @param v texts
     * @return fold-equal to one of them
     */
    public Filter isAnyOf(String... v) { return isAnyOf(List.of(v)); }

    /**
     * @param v texts
     * @return fold-equal to one of them
     */
    public Filter isAnyOf(List<String> v) { return new Condition(name, Operator.IS_ANY_OF, List.copyOf(v)); }

    /**
     * @param v texts
     * @return complement of {@link #isAnyOf(String...)}
     */
    public Filter isNoneOf(String... v) { return new Condition(name, Operator.IS_NONE_OF, List.of((Object[]) v)); }

    /**
     * @param v texts
     * @return every listed value is an element of the set
     */
    public Filter isAllOf(String... v) { return new Condition(name, Operator.IS_ALL_OF, List.of((Object[]) v)); }

    /**
     * @param v texts
     * @return complement of {@link #isAllOf(String...)}
     */
    public Filter isNotAllOf(String... v) { return new Condition(name, Operator.IS_NOT_ALL_OF, List.of((Object[]) v)); }

    /**
     * @param v text
     * @return fold substring
     */
    public Filter contains(String v) { return c(Operator.CONTAINS, v); }

    /**
     * @param v text
     * @return complement of {@link #contains(String)}
     */
    public Filter doesNotContain(String v) { return c(Operator.DOES_NOT_CONTAIN, v); }

    /**
     * @param v text
     * @return fold prefix
     */
    public Filter startsWith(String v) { return c(Operator.STARTS_WITH, v); }

    /**
     * @param v text
     * @return complement of {@link #startsWith(String)}
     */
    public Filter doesNotStartWith(String v) { return c(Operator.DOES_NOT_START_WITH, v); }

    /**
     * @param v text
     * @return fold suffix
     */
    public Filter endsWith(String v) { return c(Operator.ENDS_WITH, v); }

    /**
     * @param v text
     * @return complement of {@link #endsWith(String)}
     */
    public Filter doesNotEndWith(String v) { return c(Operator.DOES_NOT_END_WITH, v); }

    /**
     * @param v number
     * @return equal
     */
    public Filter eq(Number v) { return c(Operator.EQ, n(v)); }

    /**
     * @param v number
     * @return not equal, or unknown
     */
    public Filter ne(Number v) { return c(Operator.NE, n(v)); }

    /**
     * @param v number
     * @return less than
     */
    public Filter lt(Number v) { return c(Operator.LT, n(v)); }

    /**
     * @param v number
     * @return at most
     */
    public Filter le(Number v) { return c(Operator.LE, n(v)); }

    /**
     * @param v number
     * @return greater than
     */
    public Filter gt(Number v) { return c(Operator.GT, n(v)); }

    /**
     * @param v number
     * @return at least
     */
    public Filter ge(Number v) { return c(Operator.GE, n(v)); }

    /**
     * @param a low
     * @param b high
     * @return a ≤ x ≤ b
     */
    public Filter between(Number a, Number b) { return c(Operator.BETWEEN, n(a), n(b)); }

    /**
     * @param t instant
     * @return before the instant
     */
    public Filter lt(Instant t) { return c(Operator.LT, t); }

    /**
     * @param t instant
     * @return at or before the instant
     */
    public Filter le(Instant t) { return c(Operator.LE, t); }

    /**
     * @param t instant
     * @return after the instant
     */
    public Filter gt(Instant t) { return c(Operator.GT, t); }

    /**
     * @param t instant
     * @return at or after the instant
     */
    public Filter ge(Instant t) { return c(Operator.GE, t); }

    /**
     * @param d local day
     * @return on that day in the query's zone
     */
    public Filter on(LocalDate d) { return c(Operator.ON, d); }

    /**
     * @param d local day
     * @return complement of {@link #on(LocalDate)}
     */
    public Filter notOn(LocalDate d) { return c(Operator.NOT_ON, d); }

    /**
     * @param d local day
     * @return before the start of that day
     */
    public Filter before(LocalDate d) { return c(Operator.BEFORE, d); }

    /**
     * @param d local day
     * @return at or after the start of the next day
     */
    public Filter after(LocalDate d) { return c(Operator.AFTER, d); }

    /**
     * @param a first day
     * @param b last day
     * @return from the start of a to the end of b
     */
    public Filter between(LocalDate a, LocalDate b) { return c(Operator.BETWEEN, a, b); }

    /**
     * @param amount 1..100000
     * @param unit   unit
     * @return now − amount ≤ x ≤ now
     */
    public Filter withinLast(long amount, PeriodUnit unit) { return c(Operator.WITHIN_LAST, new RelativePeriod(amount, unit)); }

    /**
     * @param amount 1..100000
     * @param unit   unit
     * @return x &lt; now − amount
     */
    public Filter moreThanAgo(long amount, PeriodUnit unit) { return c(Operator.MORE_THAN_AGO, new RelativePeriod(amount, unit)); }

    /**
     * @param amount 1..100000
     * @param unit   unit
     * @return now ≤ x ≤ now + amount
     */
    public Filter withinNext(long amount, PeriodUnit unit) { return c(Operator.WITHIN_NEXT, new RelativePeriod(amount, unit)); }

}

package dev.contacts.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A filter over contacts or organizations (docs/filter-semantics.md §3–§5): {@code all}, {@code none},
 * a condition, or an {@code and}, {@code or} or {@code not} of filters. Values are
 * immutable and always canonical: the factories flatten nested {@code and}/{@code or},
 * unwrap one-child groups, drop identity elements, spell the complement of a condition
 * with its negative operator where one exists, and remove double negation. Two filters
 * that print to the same canonical text are {@code equals}.
 *
 * <pre>{@code
 * Filter f = Filter.and(
 *     Filter.attr("tags").is("vip"),
 *     Filter.or(Filter.attr("country").is("FR"), Filter.attr("city").isUnknown()),
 *     Filter.attr("lastSeen").withinLast(30, PeriodUnit.DAYS));
 * }</pre>
 */
public sealed interface Filter permits All, None, Condition, And, Or, Not {

    /**
     * @param visitor the visitor
     * @param <R>     its result type
     * @return what the visitor returns for this node
     */
    <R> R accept(FilterVisitor<R> visitor);

    /** @return the filter that matches everything */
    static Filter all() {
        return All.INSTANCE;
    }

    /** @return the filter that matches nothing ({@code or()} of nothing) */
    static Filter none() {
        return None.INSTANCE;
    }

    /**
     * Starts a condition on an attribute.
     *
     * @param attribute a built-in name, {@code custom.<key>} or {@code organization.name}
     * @return a factory of conditions on that attribute
     */
    static FilterAttribute attr(String attribute) {
        return new FilterAttribute(attribute);
    }

    /**
     * @param filters the operands
     * @return their conjunction, canonical: {@code and()} is {@code all}, one operand is itself
     */
    static Filter and(Filter... filters) {
        return and(Arrays.asList(filters));
    }

    /**
     * @param filters the operands
     * @return their conjunction, canonical
     */
    static Filter and(List<? extends Filter> filters) {
        List<Filter> flat = new ArrayList<>();
        for (Filter f : filters) {
            Objects.requireNonNull(f, "filter");
            if (f instanceof And) {
                flat.addAll(((And) f).filters());
            } else if (!(f instanceof All)) {
                flat.add(f);
            }
        }
        if (flat.isEmpty()) {
            return All.INSTANCE;
        }
        return flat.size() == 1 ? flat.get(0) : new And(flat);
    }

    /**
     * @param filters the operands
     * @return their disjunction, canonical: {@code or()} is {@code none}, one operand is itself
     */
    static Filter or(Filter... filters) {
        return or(Arrays.asList(filters));
    }

    /**
     * @param filters the operands
     * @return their disjunction, canonical
     */
    static Filter or(List<? extends Filter> filters) {
        List<Filter> flat = new ArrayList<>();
        for (Filter f : filters) {
            Objects.requireNonNull(f, "filter");
            if (f instanceof Or) {
                flat.addAll(((Or) f).filters());
            } else if (!(f instanceof None)) {
                flat.add(f);
            }
        }
        if (flat.isEmpty()) {
            return None.INSTANCE;
        }
        return flat.size() == 1 ? flat.get(0) : new Or(flat);
    }

    /**
     * @param filter the operand
     * @return its exact complement, canonical: a condition with a negative spelling becomes
     *         that condition, {@code not not f} is {@code f}, {@code not all} is {@code none}
     */
    static Filter not(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter instanceof All) {
            return None.INSTANCE;
        }
        if (filter instanceof None) {
            return All.INSTANCE;
        }
        if (filter instanceof Not) {
            return ((Not) filter).filter();
        }
        if (filter instanceof Condition) {
            Condition c = (Condition) filter;
            if (c.operator().complement() != null) {
                return new Condition(c.attribute(), c.operator().complement(), c.operands());
            }
        }
        return new Not(filter);
    }
}

package dev.contacts.filter;

import dev.contacts.model.BooleanKey;
import dev.contacts.model.DateKey;
import dev.contacts.model.NumberKey;
import dev.contacts.model.OrganizationsKey;
import dev.contacts.model.TextKey;
import dev.contacts.model.TextSetKey;
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
 *
 * <p>With the typed keys of {@link dev.contacts.model.Attr} the compiler also checks that
 * each operator fits the attribute's type: {@code Filter.attr(Attr.TOTAL_TICKETS).gt(3)}
 * compiles, {@code Filter.attr(Attr.NAME).gt(3)} does not. Names as strings stay accepted
 * (custom attributes, names read from text) and are checked when the filter is used.
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
     * Starts a condition on a TEXT attribute; only text operators compile.
     *
     * @param key a typed key, e.g. {@code Attr.NAME} or {@code TextKey.custom("plan")}
     * @return a factory of conditions on that attribute
     */
    static TextConditions attr(TextKey key) {
        return new FilterAttribute(key.name());
    }

    /**
     * Starts a condition on a TEXT_SET attribute; only set-of-text operators compile.
     *
     * @param key a typed key, e.g. {@code Attr.TAGS}
     * @return a factory of conditions on that attribute
     */
    static TextSetConditions attr(TextSetKey key) {
        return new FilterAttribute(key.name());
    }

    /**
     * Starts a condition on a NUMBER attribute; only number operators compile.
     *
     * @param key a typed key, e.g. {@code Attr.TOTAL_TICKETS}
     * @return a factory of conditions on that attribute
     */
    static NumberConditions attr(NumberKey key) {
        return new FilterAttribute(key.name());
    }

    /**
     * Starts a condition on a DATE attribute; only date operators compile.
     *
     * @param key a typed key, e.g. {@code Attr.LAST_SEEN}
     * @return a factory of conditions on that attribute
     */
    static DateConditions attr(DateKey key) {
        return new FilterAttribute(key.name());
    }

    /**
     * Starts a condition on a BOOLEAN attribute; only true/false operators compile.
     *
     * @param key a typed key, e.g. {@code BooleanKey.custom("vip")}
     * @return a factory of conditions on that attribute
     */
    static BooleanConditions attr(BooleanKey key) {
        return new FilterAttribute(key.name());
    }

    /**
     * Starts a condition on the organizations a contact is linked to, by id.
     *
     * @param key {@code Attr.ORGANIZATION}
     * @return a factory of conditions on that attribute
     */
    static OrganizationConditions attr(OrganizationsKey key) {
        return new FilterAttribute(key.name());
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

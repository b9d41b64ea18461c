package dev.contacts.filter;

import java.util.List;

/**
 * The operators of a TEXT attribute (docs/filter-semantics.md §3), for {@code Filter.attr(Attr.NAME)}:
 * comparisons by fold; each negative is the exact complement of its positive, so it
 * matches unknown values.
 */
public interface TextConditions extends AttributeConditions {
    /**
     * @param v text
     * @return fold-equal
     */
    Filter is(String v);

    /**
     * @param v text
     * @return complement of {@link #is(String)}
     */
    Filter isNot(String v);

    /**
     * @param v texts
     * @return fold-equal to one of them
     */
    Filter isAnyOf(String... v);

    /**
     * @param v texts
     * @return fold-equal to one of them
     */
    Filter isAnyOf(List<String> v);

    /**
     * @param v texts
     * @return complement of {@link #isAnyOf(String...)}
     */
    Filter isNoneOf(String... v);

    /**
     * @param v text
     * @return fold substring
     */
    Filter contains(String v);

    /**
     * @param v text
     * @return complement of {@link #contains(String)}
     */
    Filter doesNotContain(String v);

    /**
     * @param v text
     * @return fold prefix
     */
    Filter startsWith(String v);

    /**
     * @param v text
     * @return complement of {@link #startsWith(String)}
     */
    Filter doesNotStartWith(String v);

    /**
     * @param v text
     * @return fold suffix
     */
    Filter endsWith(String v);

    /**
     * @param v text
     * @return complement of {@link #endsWith(String)}
     */
    Filter doesNotEndWith(String v);
}

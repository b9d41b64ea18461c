package dev.contacts.filter;

/**
 * The operators of a TEXT_SET attribute (docs/filter-semantics.md §3), for {@code Filter.attr(Attr.TAGS)}:
 * those of text, each true when some element matches, and {@code is all of}.
 */
public interface TextSetConditions extends TextConditions {
    /**
     * @param v texts
     * @return every listed value is an element of the set
     */
    Filter isAllOf(String... v);

    /**
     * @param v texts
     * @return complement of {@link #isAllOf(String...)}
     */
    Filter isNotAllOf(String... v);
}

package dev.contacts.filter;

/**
 * The operators of a BOOLEAN attribute (docs/filter-semantics.md §3), for
 * {@code Filter.attr(BooleanKey.custom("vip"))}; the negatives match unknown values.
 */
public interface BooleanConditions extends AttributeConditions {
    /**
     * @return is true
     */
    Filter isTrue();

    /**
     * @return is false
     */
    Filter isFalse();

    /**
     * @return is false or unknown
     */
    Filter isNotTrue();

    /**
     * @return is true or unknown
     */
    Filter isNotFalse();
}

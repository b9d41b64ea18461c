package dev.contacts.filter;

import java.util.Locale;

/**
 * Filter operators with their canonical spelling (docs/filter-semantics.md §3, §6). Every negative
 * operator is the exact complement of its positive twin ({@link #complement()}), so it
 * matches unknown values; positives never do.
 */
public enum Operator {
    /** The value is known. */
    HAS_ANY_VALUE("has any value", Arity.NONE, true),
    /** The value is unknown (complement of {@link #HAS_ANY_VALUE}). */
    IS_UNKNOWN("is unknown", Arity.NONE, false),
    /** TEXT: fold-equal; TEXT_SET: some element fold-equal; BOOLEAN: equal; organization: linked. */
    IS("is", Arity.ONE, true),
    /** Complement of {@link #IS}. */
    IS_NOT("is not", Arity.ONE, false),
    /** Fold-equal to one of the values (TEXT_SET: some element is). */
    IS_ANY_OF("is any of", Arity.LIST, true),
    /** Complement of {@link #IS_ANY_OF}. */
    IS_NONE_OF("is none of", Arity.LIST, false),
    /** TEXT_SET: every listed value is an element. */
    IS_ALL_OF("is all of", Arity.LIST, true),
    /** Complement of {@link #IS_ALL_OF}. */
    IS_NOT_ALL_OF("is not all of", Arity.LIST, false),
    /** Fold substring (TEXT_SET: of some element). */
    CONTAINS("contains", Arity.ONE, true),
    /** Complement of {@link #CONTAINS}. */
    DOES_NOT_CONTAIN("does not contain", Arity.ONE, false),
    /** Fold prefix (TEXT_SET: of some element). */
    STARTS_WITH("starts with", Arity.ONE, true),
    /** Complement of {@link #STARTS_WITH}. */
    DOES_NOT_START_WITH("does not start with", Arity.ONE, false),
    /** Fold suffix (TEXT_SET: of some element). */
    ENDS_WITH("ends with", Arity.ONE, true),
    /** Complement of {@link #ENDS_WITH}. */
    DOES_NOT_END_WITH("does not end with", Arity.ONE, false),
    /** NUMBER equal. */
    EQ("=", Arity.ONE, true),
    /** Complement of {@link #EQ}. */
    NE("!=", Arity.ONE, false),
    /** Less than (NUMBER, DATE instant). */
    LT("<", Arity.ONE, true),
    /** Less than or equal. */
    LE("<=", Arity.ONE, true),
    /** Greater than. */
    GT(">", Arity.ONE, true),
    /** Greater than or equal. */
    GE(">=", Arity.ONE, true),
    /** Inclusive range of numbers, or of local days for DATE. */
    BETWEEN("between", Arity.TWO, true),
    /** DATE on a local day. */
    ON("on", Arity.ONE, true),
    /** Complement of {@link #ON}. */
    NOT_ON("not on", Arity.ONE, false),
    /** DATE before the start of a local day. */
    BEFORE("before", Arity.ONE, true),
    /** DATE at or after the start of the day after a local day. */
    AFTER("after", Arity.ONE, true),
    /** DATE within the last N units: now − N ≤ x ≤ now. */
    WITHIN_LAST("within last", Arity.ONE, true),
    /** DATE more than N units ago: x &lt; now − N. */
    MORE_THAN_AGO("more than", Arity.ONE, true),
    /** DATE within the next N units: now ≤ x ≤ now + N. */
    WITHIN_NEXT("within next", Arity.ONE, true);

    /** How many operands an operator takes. */
    public enum Arity {
        /** None. */
        NONE,
        /** One value. */
        ONE,
        /** Two values (a range). */
        TWO,
        /** A non-empty list of values. */
        LIST
    }

    private final String spelling;
    private final Arity arity;
    private final boolean positive;

    Operator(String spelling, Arity arity, boolean positive) {
        this.spelling = spelling;
        this.arity = arity;
        this.positive = positive;
    }

    /** @return the canonical spelling, e.g. {@code does not contain}; {@code more than} is followed by {@code N unit ago} */
    public String spelling() {
        return spelling;
    }

    /** @return how many operands it takes */
    public Arity arity() {
        return arity;
    }

    /** @return true for operators that never match an unknown value */
    public boolean isPositive() {
        return positive;
    }

    /** @return the operator spelled as the exact complement of this one, or null when the complement has no spelling */
    public Operator complement() {
        switch (this) {
            case HAS_ANY_VALUE: return IS_UNKNOWN;
            case IS_UNKNOWN: return HAS_ANY_VALUE;
            case IS: return IS_NOT;
            case IS_NOT: return IS;
            case IS_ANY_OF: return IS_NONE_OF;
            case IS_NONE_OF: return IS_ANY_OF;
            case IS_ALL_OF: return IS_NOT_ALL_OF;
            case IS_NOT_ALL_OF: return IS_ALL_OF;
            case CONTAINS: return DOES_NOT_CONTAIN;
            case DOES_NOT_CONTAIN: return CONTAINS;
            case STARTS_WITH: return DOES_NOT_START_WITH;
            case DOES_NOT_START_WITH: return STARTS_WITH;
            case ENDS_WITH: return DOES_NOT_END_WITH;
            case DOES_NOT_END_WITH: return ENDS_WITH;
            case EQ: return NE;
            case NE: return EQ;
            case ON: return NOT_ON;
            case NOT_ON: return ON;
            default: return null;
        }
    }

    @Override
    public String toString() {
        return spelling.toLowerCase(Locale.ROOT);
    }
}

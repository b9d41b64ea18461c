package dev.contacts.filter;

import dev.contacts.FilterLimitException;
import java.nio.charset.StandardCharsets;

/**
 * The limits of docs/filter-semantics.md §5, checked on a filter as the user gave it, before
 * organization names are resolved or seek predicates added.
 *
 * <p>Depth: every {@code and}, {@code or} and {@code not} is a level, at most
 * {@value #MAX_DEPTH}. Text is measured as written, by {@link FilterParser#parse} itself: a
 * 17th nested {@code not} or group is refused even where the filter it denotes is shallower
 * ({@code not not f} is {@code f}, {@code a and (b and c)} is one {@code and}). A filter
 * built in Java is measured by its structure: the factories already removed double
 * negation and flattened nested groups when they built it, so {@code Filter.not(Filter.not(f))}
 * is {@code f} and adds no level; every level the value has counts.
 */
public final class FilterLimits {
    /** Deepest nesting of {@code and}, {@code or} and {@code not}. */
    public static final int MAX_DEPTH = 16;
    /** Most conditions in one filter. */
    public static final int MAX_CONDITIONS = 64;
    /** Most values in one list operand. */
    public static final int MAX_LIST = 100;
    /** Most code points of one text operand. */
    public static final int MAX_LITERAL = 500;
    /** Most UTF-8 bytes of the canonical text. */
    public static final int MAX_TEXT_BYTES = 8 * 1024;

    private FilterLimits() {
    }

    /**
     * @param filter a filter
     * @throws FilterLimitException naming the first limit it breaks
     */
    public static void check(Filter filter) {
        checkDepth(depth(filter));
        int conditions = conditions(filter);
        if (conditions > MAX_CONDITIONS) {
            throw new FilterLimitException("conditions", "the filter has " + conditions + " conditions; at most " + MAX_CONDITIONS
                    + " are allowed (save parts as segments or use 'is any of')");
        }
        checkOperands(filter);
        int bytes = FilterPrinter.print(filter).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw new FilterLimitException("text", "the filter's canonical text has " + bytes + " bytes; at most " + MAX_TEXT_BYTES + " are allowed");
        }
    }

    /**
     * The depth check, shared by {@link #check} (on a filter's structure) and
     * {@link FilterParser} (on the text as written, where {@code not not f} counts two
     * levels although it reads back as {@code f}).
     */
    static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new FilterLimitException("depth", "the filter nests and/or/not " + depth + " deep; at most " + MAX_DEPTH
                    + " levels are allowed (every and, or and not counts)");
        }
    }

    private static int depth(Filter f) {
        if (f instanceof And) {
            return 1 + ((And) f).filters().stream().mapToInt(FilterLimits::depth).max().orElse(0);
        }
        if (f instanceof Or) {
            return 1 + ((Or) f).filters().stream().mapToInt(FilterLimits::depth).max().orElse(0);
        }
        if (f instanceof Not) {
            return 1 + depth(((Not) f).filter());
        }
        return 0;
    }

    private static int conditions(Filter f) {
        if (f instanceof Condition) {
            return 1;
        }
        if (f instanceof And) {
            return ((And) f).filters().stream().mapToInt(FilterLimits::conditions).sum();
        }
        if (f instanceof Or) {
            return ((Or) f).filters().stream().mapToInt(FilterLimits::conditions).sum();
        }
        if (f instanceof Not) {
            return conditions(((Not) f).filter());
        }
        return 0;
    }

    private static void checkOperands(Filter f) {
        if (f instanceof And) {
            ((And) f).filters().forEach(FilterLimits::checkOperands);
        } else if (f instanceof Or) {
            ((Or) f).filters().forEach(FilterLimits::checkOperands);
        } else if (f instanceof Not) {
            checkOperands(((Not) f).filter());
        } else if (f instanceof Condition) {
            Condition c = (Condition) f;
            if (c.operator().arity() == Operator.Arity.LIST && c.operands().size() > MAX_LIST) {
                throw new FilterLimitException("list", "'" + c.attribute() + " " + c.operator().spelling() + "' lists "
                        + c.operands().size() + " values; at most " + MAX_LIST + " are allowed");
            }
            for (Object o : c.operands()) {
                if (o instanceof String) {
                    String s = (String) o;
                    int length = s.codePointCount(0, s.length());
                    if (length > MAX_LITERAL) {
                        throw new FilterLimitException("literal", "a value of '" + c.attribute() + "' has " + length
                                + " characters; at most " + MAX_LITERAL + " are allowed");
                    }
                }
            }
        }
    }
}

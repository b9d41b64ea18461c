package dev.contacts.filter;

import java.util.List;

/**
 * Conjunction of at least two filters, none of them {@code all} or an {@code and}. Build
 * with {@link Filter#and(Filter...)}, which keeps it canonical.
 *
 * @param filters the operands, in order
 */
public record And(List<Filter> filters) implements Filter {
    /**
     * @param filters the operands, in order
     * @throws IllegalArgumentException if the operands are not canonical
     */
    public And {
        filters = List.copyOf(filters);
        if (filters.size() < 2) {
            throw new IllegalArgumentException("an and needs two operands or more; use Filter.and(...)");
        }
        for (Filter f : filters) {
            if (f instanceof And || f instanceof All) {
                throw new IllegalArgumentException("and is not canonical (nested and or all); use Filter.and(...)");
            }
        }
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitAnd(this);
    }
}

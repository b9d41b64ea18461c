package dev.contacts.filter;

import java.util.List;

/**
 * Disjunction of at least two filters, none of them {@code none} or an {@code or}; the
 * product's "filter groups" are an {@code or} of {@code and}s. Build with
 * {@link Filter#or(Filter...)}, which keeps it canonical.
 *
 * @param filters the operands, in order
 */
public record Or(List<Filter> filters) implements Filter {
    /**
     * @param filters the operands, in order
     * @throws IllegalArgumentException if the operands are not canonical
     */
    public Or {
        filters = List.copyOf(filters);
        if (filters.size() < 2) {
            throw new IllegalArgumentException("an or needs two operands or more; use Filter.or(...)");
        }
        for (Filter f : filters) {
            if (f instanceof Or || f instanceof None) {
                throw new IllegalArgumentException("or is not canonical (nested or or none); use Filter.or(...)");
            }
        }
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitOr(this);
    }
}

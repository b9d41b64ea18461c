package dev.contacts.filter;

import java.util.Objects;

/**
 * Exact complement of a filter: it matches exactly what the operand does not, unknown
 * values included. The operand is an {@code and}, an {@code or}, or a condition whose
 * operator has no negative spelling (such as {@code <} or {@code between}). Build with
 * {@link Filter#not(Filter)}, which keeps it canonical.
 *
 * @param filter the operand
 */
public record Not(Filter filter) implements Filter {
    /**
     * @param filter the operand
     * @throws IllegalArgumentException if the operand should have been simplified
     */
    public Not {
        Objects.requireNonNull(filter, "filter");
        if (filter instanceof All || filter instanceof None || filter instanceof Not
                || (filter instanceof Condition && ((Condition) filter).operator().complement() != null)) {
            throw new IllegalArgumentException("not is not canonical here; use Filter.not(...)");
        }
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}

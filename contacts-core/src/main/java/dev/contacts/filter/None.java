package dev.contacts.filter;

/** The filter that matches nothing ({@code or()} of nothing); printed {@code not all}. Use {@link Filter#none()}. */
public record None() implements Filter {
    static final None INSTANCE = new None();

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitNone();
    }
}

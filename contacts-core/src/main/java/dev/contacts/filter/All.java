package dev.contacts.filter;

/** The filter that matches everything; printed {@code all}. Use {@link Filter#all()}. */
public record All() implements Filter {
    static final All INSTANCE = new All();

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitAll();
    }
}

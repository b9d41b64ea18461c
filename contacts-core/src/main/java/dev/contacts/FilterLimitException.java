package dev.contacts;

/**
 * A filter breaks one of the limits of docs/filter-semantics.md §5 (depth, number of conditions,
 * list size, literal length, canonical text size). Split the filter, or save parts of it
 * as segments.
 */
public class FilterLimitException extends InvalidFilterException {
    private static final long serialVersionUID = 1L;
    /** Which limit was broken. */
    private final String limit;

    /**
     * @param limit   which limit: {@code depth}, {@code conditions}, {@code list}, {@code literal} or {@code text}
     * @param message the limit, the value found and what to do
     */
    public FilterLimitException(String limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** @return which limit was broken: {@code depth}, {@code conditions}, {@code list}, {@code literal} or {@code text} */
    public String limit() {
        return limit;
    }
}

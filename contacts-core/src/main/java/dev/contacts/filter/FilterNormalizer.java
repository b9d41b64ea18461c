package dev.contacts.filter;

/**
 * Pushes {@code not} down to the leaves (De Morgan) so that every leaf is a condition —
 * positive, or spelled with its negative operator — or the complement ({@link Not}) of a
 * condition whose operator has no negative spelling. The result is equivalent to the
 * input; stores translate only this form.
 */
public final class FilterNormalizer {
    private FilterNormalizer() {
    }

    /**
     * @param filter any filter
     * @return an equivalent filter whose {@code not}s stand only directly above conditions
     */
    public static Filter normalize(Filter filter) {
        if (filter instanceof And) {
            return Filter.and(((And) filter).filters().stream().map(FilterNormalizer::normalize).toList());
        }
        if (filter instanceof Or) {
            return Filter.or(((Or) filter).filters().stream().map(FilterNormalizer::normalize).toList());
        }
        if (filter instanceof Not) {
            return negate(((Not) filter).filter());
        }
        return filter;
    }

    private static Filter negate(Filter filter) {
        if (filter instanceof And) {
            return Filter.or(((And) filter).filters().stream().map(FilterNormalizer::negate).toList());
        }
        if (filter instanceof Or) {
            return Filter.and(((Or) filter).filters().stream().map(FilterNormalizer::negate).toList());
        }
        if (filter instanceof Not) {
            return normalize(((Not) filter).filter());
        }
        return Filter.not(filter);
    }
}

package dev.contacts.filter;

/**
 * Units of relative date filters. Minutes and hours are exact durations; days, weeks and
 * months are calendar arithmetic on the local date-time in the query's zone, so "within
 * last 1 days" across a DST change spans 23 or 25 hours.
 */
public enum PeriodUnit {
    /** Exact minutes. */
    MINUTES("minute"),
    /** Exact hours. */
    HOURS("hour"),
    /** Calendar days in the zone. */
    DAYS("day"),
    /** Calendar weeks in the zone. */
    WEEKS("week"),
    /** Calendar months in the zone. */
    MONTHS("month");

    private final String singular;

    PeriodUnit(String singular) {
        this.singular = singular;
    }

    /** @return the singular spelling, e.g. {@code day} */
    public String singular() {
        return singular;
    }

    /** @return the plural spelling, used when printing, e.g. {@code days} */
    public String plural() {
        return singular + "s";
    }

    /**
     * @param word a unit word, singular or plural, any case
     * @return the unit, or null when the word is not a unit
     */
    public static PeriodUnit parse(String word) {
        for (PeriodUnit u : values()) {
            if (u.singular.equalsIgnoreCase(word) || u.plural().equalsIgnoreCase(word)) {
                return u;
            }
        }
        return null;
    }
}

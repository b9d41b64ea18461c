package dev.contacts.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one store should reach in one scenario, from issue 16 ("Performance round two"): a bound
 * on the ratio to the hand-written baseline and, because a ratio to a slow baseline hides a
 * slow plan, absolute budgets — a time per operation, a rate (import rows/s, ingestion
 * events/s), or for H2 a time within a factor of PostgreSQL's SDK in the same run. The
 * absolute budgets are set for 1,000,000 contacts on the 2-core benchmark machine.
 *
 * @param maxRatio       the ratio bound, or null
 * @param strictRatio    whether the ratio must stay below the bound rather than at most reach it
 * @param maxMillis      the time budget per operation in milliseconds, or null
 * @param minRate        the rate budget (rows/s for an import, events/s for ingestion), or null
 * @param postgresFactor the SDK's time at most this many times PostgreSQL's SDK time of the same run, or null
 * @param functionalOnly whether the store's numbers say nothing about performance (mongo-java-server)
 */
record Goal(Double maxRatio, boolean strictRatio, Double maxMillis, Double minRate, Double postgresFactor, boolean functionalOnly) {
    /** No goal. */
    static final Goal NONE = new Goal(null, false, null, null, null, false);

    private static Goal ratio(double max) {
        return new Goal(max, false, null, null, null, false);
    }

    /**
     * @param store    a store name
     * @param scenario a scenario
     * @return its goal ({@link #NONE} when the issue sets none)
     */
    static Goal of(String store, Scenario scenario) {
        switch (store) {
            case "inmemory":
                switch (scenario.kind()) {
                    case IMPORT: return new Goal(3.0, false, null, 100_000.0, null, false);
                    case INGEST: return new Goal(3.0, false, null, 300_000.0, null, false);
                    default: return ratio(3.0);
                }
            case "postgresql":
                return postgres(scenario, true);
            case "mariadb":
                return postgres(scenario, false);
            case "h2": {
                Goal pg = postgres(scenario, true);
                boolean page = scenario.kind() == Scenario.Kind.FIRST_PAGE || scenario.kind() == Scenario.Kind.DEEP_PAGE
                        || scenario.kind() == Scenario.Kind.TIMELINE;
                if (!page) {
                    return new Goal(pg.maxRatio, pg.strictRatio, null, null, null, false);
                }
                return new Goal(pg.maxRatio, pg.strictRatio, pg.maxMillis == null ? null : 2 * pg.maxMillis, null,
                        pg.maxMillis == null ? 2.0 : null, false);
            }
            case "mongo":
                return new Goal(null, false, null, null, null, true);
            default:
                return NONE;
        }
    }

    /** PostgreSQL's goals, with or without its absolute budgets (MariaDB: the same ratio goals only). */
    private static Goal postgres(Scenario scenario, boolean budgets) {
        switch (scenario) {
            case OR_OF_GROUPS_FIRST_PAGE: return new Goal(0.2, true, budgets ? 15.0 : null, null, null, false);
            case RARE_OR_FIRST_PAGE: return ratio(1.1); // the bounded walk of a common or must cost a rare one next to nothing
            case CUSTOM_ATTRIBUTE_FIRST_PAGE: return budgets ? new Goal(null, false, 8.0, null, null, false) : NONE;
            case SELECTIVE_FIRST_PAGE:
            case BROAD_SORTED_FIRST_PAGE:
            case NEGATIVE_FIRST_PAGE:
            case DEEP_PAGE:
            case BROAD_COUNT:
                return ratio(1.1);
            case TIMELINE_PAGE: return ratio(2.0);
            case IMPORT_CONTACTS: return budgets ? new Goal(null, false, null, 25_000.0, null, false) : NONE;
            case INGEST_EVENTS: return ratio(1.0);
            default: return NONE;
        }
    }

    /** @return whether there is anything to check */
    boolean isSet() {
        return maxRatio != null || maxMillis != null || minRate != null || postgresFactor != null;
    }

    /**
     * @param rateUnit "rows/s" or "events/s"
     * @return the goal in words, e.g. "ratio < 0.2, ≤ 15 ms"
     */
    String text(String rateUnit) {
        if (functionalOnly) {
            return "functional only, not performance";
        }
        List<String> parts = new ArrayList<>();
        if (maxRatio != null) {
            parts.add("ratio " + (strictRatio ? "< " : "≤ ") + plain(maxRatio));
        }
        if (maxMillis != null) {
            parts.add("≤ " + plain(maxMillis) + " ms");
        }
        if (minRate != null) {
            parts.add(String.format(Locale.ROOT, "≥ %,.0f %s", minRate, rateUnit));
        }
        if (postgresFactor != null) {
            parts.add("≤ " + plain(postgresFactor) + "× PostgreSQL's SDK");
        }
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }

    /**
     * @param ratio      the SDK's cost over the baseline's
     * @param millis     the SDK's time per operation in milliseconds (NaN for throughput scenarios)
     * @param rate       the SDK's rate (rows/s or events/s; NaN for reads)
     * @param rateUnit   the rate's unit
     * @param postgresMs PostgreSQL's SDK time of the same scenario in the same run in milliseconds, or NaN when not measured
     * @return "met", "MISSED: …" with each missed bound, "" when there is no goal, or the functional-only label
     */
    String check(double ratio, double millis, double rate, String rateUnit, double postgresMs) {
        if (functionalOnly) {
            return "functional only, not performance";
        }
        if (!isSet()) {
            return "";
        }
        List<String> missed = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        if (maxRatio != null && (strictRatio ? ratio >= maxRatio : ratio > maxRatio)) {
            missed.add(String.format(Locale.ROOT, "ratio %.2f %s %s", ratio, strictRatio ? "≥" : ">", plain(maxRatio)));
        }
        if (maxMillis != null && !Double.isNaN(millis) && millis > maxMillis) {
            missed.add(String.format(Locale.ROOT, "%s ms > %s ms", ResultsReport.number(millis), plain(maxMillis)));
        }
        if (minRate != null && !Double.isNaN(rate) && rate < minRate) {
            missed.add(String.format(Locale.ROOT, "%,.0f < %,.0f %s", rate, minRate, rateUnit));
        }
        if (postgresFactor != null) {
            if (Double.isNaN(postgresMs) || Double.isNaN(millis)) {
                unchecked.add("PostgreSQL not measured in this run");
            } else if (millis > postgresFactor * postgresMs) {
                missed.add(String.format(Locale.ROOT, "%s ms > %s× PostgreSQL's %s ms", ResultsReport.number(millis), plain(postgresFactor),
                        ResultsReport.number(postgresMs)));
            }
        }
        String note = unchecked.isEmpty() ? "" : " (not checked: " + String.join(", ", unchecked) + ")";
        return missed.isEmpty() ? "met" + note : "MISSED: " + String.join("; ", missed) + note;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

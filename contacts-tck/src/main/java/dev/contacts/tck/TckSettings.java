package dev.contacts.tck;

/**
 * Knobs of a TCK run, read from system properties so any run can be replayed:
 * {@code -Dcontacts.tck.seed=N} (default 20261125) fixes the dataset and every random
 * case; {@code -Dcontacts.tck.cases=N} sets how many random cases each random test runs.
 *
 * @param seed  the seed of the dataset and the cases
 * @param cases random cases per random test
 */
public record TckSettings(long seed, int cases) {
    /** Seed used when none is given. */
    public static final long DEFAULT_SEED = 20261125L;
    /** Cases used when none is given: keeps a module's verify well under its time budget. */
    public static final int DEFAULT_CASES = 200;

    /** @return the settings of this JVM */
    public static TckSettings fromSystemProperties() {
        return new TckSettings(longProperty("contacts.tck.seed", DEFAULT_SEED), (int) longProperty("contacts.tck.cases", DEFAULT_CASES));
    }

    private static long longProperty(String name, long fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + "=" + v + " is not a whole number", e);
        }
    }

    /** @return how to replay this run */
    public String replay() {
        return "-Dcontacts.tck.seed=" + seed + " -Dcontacts.tck.cases=" + cases;
    }
}

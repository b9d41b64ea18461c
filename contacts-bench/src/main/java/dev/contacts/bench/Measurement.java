package dev.contacts.bench;

/**
 * One benchmark's result: a store, a side, a scenario, JMH's score with its 99.9% error and
 * unit.
 *
 * @param store    the store name
 * @param side     sdk or baseline
 * @param scenario what was measured
 * @param score    the score (time per operation, or operations per second for ingestion)
 * @param error    the half-width of the 99.9% confidence interval (NaN when JMH has too few samples)
 * @param unit     JMH's unit, e.g. {@code us/op}, {@code ms/op}, {@code ops/s}
 */
record Measurement(String store, String side, Scenario scenario, double score, double error, String unit) {
    /** @return whether a larger score is better (throughput) */
    boolean higherIsBetter() {
        return unit.endsWith("/s");
    }
}

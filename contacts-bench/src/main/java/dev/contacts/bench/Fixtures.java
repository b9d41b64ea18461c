package dev.contacts.bench;

import java.util.List;

/** The stores the suite knows, by the name used in {@code --stores} and in the results. */
final class Fixtures {
    /** Every store name, in the order of the results page. */
    static final List<String> ALL = List.of("inmemory", "postgresql", "h2", "mongo", "mongo-server");

    private Fixtures() {
    }

    /**
     * @param store     a store name of {@link #ALL}
     * @param workload  the data
     * @param verifying whether it serves the equality check
     * @return the fixture, not loaded yet
     */
    static Fixture open(String store, Workload workload, boolean verifying) {
        switch (store) {
            case "inmemory": return new InMemoryFixture(workload, verifying);
            case "postgresql": return new PostgresFixture(workload, verifying);
            default:
                throw new IllegalArgumentException("unknown store '" + store + "'; the stores are " + ALL);
        }
    }
}

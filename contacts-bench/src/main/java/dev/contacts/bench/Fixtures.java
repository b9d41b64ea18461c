package dev.contacts.bench;

import java.util.List;

/** The stores the suite knows, by the name used in {@code --stores} and in the results. */
final class Fixtures {
    /** Every store name, in the order of the results page. */
    static final List<String> ALL = List.of("inmemory", "postgresql", "mariadb", "h2", "mongo", "mongo-server");

    private Fixtures() {
    }

    /**
     * @param store     a store name of {@link #ALL}
     * @param workload  the data
     * @param verifying whether it serves the equality check
     * @return the fixture, not loaded yet
     * @throws IllegalArgumentException for an unknown store, or mongo-server without {@code CONTACTS_MONGO_URI}
     */
    static Fixture open(String store, Workload workload, boolean verifying) {
        switch (store) {
            case "inmemory": return new InMemoryFixture(workload, verifying);
            case "postgresql": return new PostgresFixture(workload, verifying);
            case "mariadb": return new MariaDbFixture(workload, verifying);
            case "h2": return new H2Fixture(workload, verifying);
            case "mongo": return MongoFixture.inProcess(workload, verifying);
            case "mongo-server": return MongoFixture.onServer(workload, verifying);
            default:
                throw new IllegalArgumentException("unknown store '" + store + "'; the stores are " + ALL);
        }
    }
}

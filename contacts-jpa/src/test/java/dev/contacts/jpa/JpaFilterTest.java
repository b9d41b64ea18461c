package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.FilterTck;
import org.junit.jupiter.api.BeforeAll;

/**
 * The JPA store runs the TCK's {@link FilterTck} on the database of {@link TestDatabase}.
 * After the TCK has loaded its dataset (its {@code @BeforeAll} runs first), the database's
 * planner statistics are refreshed, as autovacuum or InnoDB would do a little later: the
 * cases then run on the plans a database in service uses, not on plans made for empty tables.
 */
class JpaFilterTest extends FilterTck {
    /**
     * The bounded walk of a filter with an {@code or} over other tables runs on PostgreSQL
     * only, and reads 100 rows per row of the page before it gives up, more than the TCK's
     * dataset holds: here it runs on every database, with 2, so that the random cases meet
     * walks that find their page and walks cut short (then the plain query answers), and both
     * must give the reference answer.
     */
    private static final BoundedWalks SHORT_WALKS_EVERYWHERE = new BoundedWalks(2, true);
    private ContactStore loaded;

    @Override
    protected ContactStore createStore() {
        ContactStore store = TestDatabase.newStore();
        TestDatabase.jpa(store).boundedWalks(SHORT_WALKS_EVERYWHERE);
        if (loaded == null) {
            loaded = store; // the first store is the one the TCK loads its dataset into
        }
        return store;
    }

    @BeforeAll
    void updateStatisticsAfterTheLoad() {
        TestDatabase.jpa(loaded).updateStatistics();
    }
}

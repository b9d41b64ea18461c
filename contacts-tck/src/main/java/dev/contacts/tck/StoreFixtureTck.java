package dev.contacts.tck;

import dev.contacts.spi.ContactStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the behavioural TCK classes: a new store with a fresh fixture before each
 * test, closed after it.
 *
 * @param <F> the fixture type
 */
public abstract class StoreFixtureTck<F> {
    /** The store of the current test. */
    protected ContactStore store;
    /** The fixture of the current test. */
    protected F fx;

    /** @return a new, empty store */
    protected abstract ContactStore createStore();

    /**
     * @param store the new store
     * @return the fixture created in it
     */
    abstract F createFixture(ContactStore store);

    @BeforeEach
    void createStoreAndFixture() {
        store = createStore();
        fx = createFixture(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}

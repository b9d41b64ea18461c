package dev.contacts.tck;

import dev.contacts.spi.ContactStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the behavioural TCK classes: a new store with a {@link TckFixture} before each
 * test, closed after it.
 */
public abstract class FixtureTck {
    /** The store of the current test. */
    protected ContactStore store;
    /** The fixture of the current test. */
    protected TckFixture fx;

    /** @return a new, empty store */
    protected abstract ContactStore createStore();

    @BeforeEach
    void createFixture() {
        store = createStore();
        fx = new TckFixture(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}

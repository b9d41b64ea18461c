package dev.contacts.tck;

import dev.contacts.spi.ContactStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the TCK classes of the helpdesk services (notes, activity, the timeline): a new
 * store with a {@link TicketFixture} (movable clock, a directory of agents, a recording
 * mailer, a blob store) before each test, closed after it.
 */
public abstract class HelpdeskFixtureTck {
    /** The store of the current test. */
    protected ContactStore store;
    /** The fixture of the current test. */
    protected TicketFixture fx;

    /** @return a new, empty store */
    protected abstract ContactStore createStore();

    @BeforeEach
    void createFixture() {
        store = createStore();
        fx = new TicketFixture(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}

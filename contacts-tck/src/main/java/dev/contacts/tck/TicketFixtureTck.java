package dev.contacts.tck;

import dev.contacts.Contacts;
import dev.contacts.spi.ContactStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the TCK classes of the helpdesk services (tickets, email dispatch, notes,
 * activity, the timeline): a new store with a {@link TicketFixture} (movable clock, a
 * directory of agents, a recording mailer, a blob store) before each test, closed after it.
 */
public abstract class TicketFixtureTck {
    /** The store of the current test. */
    protected ContactStore store;
    /** The fixture of the current test. */
    protected TicketFixture fx;

    /** @return a new, empty store */
    protected abstract ContactStore createStore();

    /**
     * More settings of the fixture's SDK; none by default.
     *
     * @param builder the builder of {@link TicketFixture#sdk}
     */
    protected void configure(Contacts.Builder builder) {
        // the fixture's defaults
    }

    @BeforeEach
    void createFixture() {
        store = createStore();
        fx = new TicketFixture(store, this::configure);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}

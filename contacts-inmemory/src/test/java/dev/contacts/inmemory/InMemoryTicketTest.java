package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.TicketTck;

/** The in-memory store runs the TCK's {@link TicketTck}. */
class InMemoryTicketTest extends TicketTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.TicketFaultTck;

/** The in-memory store runs the TCK's {@link TicketFaultTck}. */
class InMemoryTicketFaultTest extends TicketFaultTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

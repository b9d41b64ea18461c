package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.TicketFaultTck;

/** The JPA store runs the TCK's {@link TicketFaultTck} on the database of {@link TestDatabase}. */
class JpaTicketFaultTest extends TicketFaultTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

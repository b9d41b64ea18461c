package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.TicketTck;

/** The JPA store runs the TCK's {@link TicketTck} on the database of {@link TestDatabase}. */
class JpaTicketTest extends TicketTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ConcurrencyTck;

/** The JPA store runs the TCK's {@link ConcurrencyTck} on the database of {@link TestDatabase}. */
class JpaConcurrencyTest extends ConcurrencyTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

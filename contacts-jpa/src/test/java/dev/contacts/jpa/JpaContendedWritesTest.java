package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ContendedWritesTck;

/** The JPA store runs the TCK's {@link ContendedWritesTck} on the database of {@link TestDatabase}. */
class JpaContendedWritesTest extends ContendedWritesTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

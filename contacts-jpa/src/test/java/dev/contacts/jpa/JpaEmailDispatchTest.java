package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.EmailDispatchTck;

/** The JPA store runs the TCK's {@link EmailDispatchTck} on the database of {@link TestDatabase}. */
class JpaEmailDispatchTest extends EmailDispatchTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

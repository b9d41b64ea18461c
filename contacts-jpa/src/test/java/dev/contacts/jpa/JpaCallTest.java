package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.CallTck;

/** The JPA store runs the TCK's {@link CallTck} on the database of {@link TestDatabase}. */
class JpaCallTest extends CallTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ActivityTck;

/** The JPA store runs the TCK's {@link ActivityTck} on the database of {@link TestDatabase}. */
class JpaActivityTest extends ActivityTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

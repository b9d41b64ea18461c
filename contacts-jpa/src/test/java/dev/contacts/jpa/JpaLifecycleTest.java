package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.LifecycleTck;

/** The JPA store runs the TCK's {@link LifecycleTck} on the database of {@link TestDatabase}. */
class JpaLifecycleTest extends LifecycleTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.NoteTck;

/** The JPA store runs the TCK's {@link NoteTck} on the database of {@link TestDatabase}. */
class JpaNoteTest extends NoteTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

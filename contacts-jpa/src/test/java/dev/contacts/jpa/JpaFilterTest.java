package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.FilterTck;

/** The JPA store runs the TCK's {@link FilterTck} on the database of {@link TestDatabase}. */
class JpaFilterTest extends FilterTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.BulkUpsertTck;

/** The JPA store runs the TCK's {@link BulkUpsertTck} on the database of {@link TestDatabase}. */
class JpaBulkUpsertTest extends BulkUpsertTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

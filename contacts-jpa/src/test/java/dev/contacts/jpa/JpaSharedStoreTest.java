package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.SharedStoreTck;

/** This store runs the TCK's {@link SharedStoreTck}. */
class JpaSharedStoreTest extends SharedStoreTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

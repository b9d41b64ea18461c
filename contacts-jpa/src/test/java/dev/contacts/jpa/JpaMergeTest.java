package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.MergeTck;

/** The JPA store runs the TCK's {@link MergeTck} on the database of {@link TestDatabase}. */
class JpaMergeTest extends MergeTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ListViewTck;

/** The JPA store runs the TCK's {@link ListViewTck} on the database of {@link TestDatabase}. */
class JpaListViewTest extends ListViewTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ListViewTck;

/** The in-memory store runs the TCK's {@link ListViewTck}. */
class InMemoryListViewTest extends ListViewTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.FilterTck;

/** The in-memory store runs the TCK's {@link FilterTck}. */
class InMemoryFilterTest extends FilterTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

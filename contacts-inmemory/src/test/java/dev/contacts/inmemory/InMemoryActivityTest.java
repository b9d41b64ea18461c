package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ActivityTck;

/** The in-memory store runs the TCK's {@link ActivityTck}. */
class InMemoryActivityTest extends ActivityTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

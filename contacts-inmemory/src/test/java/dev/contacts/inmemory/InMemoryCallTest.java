package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.CallTck;

/** The in-memory store runs the TCK's {@link CallTck}. */
class InMemoryCallTest extends CallTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

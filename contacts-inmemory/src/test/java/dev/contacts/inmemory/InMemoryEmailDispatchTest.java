package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.EmailDispatchTck;

/** The in-memory store runs the TCK's {@link EmailDispatchTck}. */
class InMemoryEmailDispatchTest extends EmailDispatchTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.LifecycleTck;

/** The in-memory store runs the TCK's {@link LifecycleTck}. */
class InMemoryLifecycleTest extends LifecycleTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

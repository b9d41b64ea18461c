package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ConcurrencyTck;

/** The in-memory store runs the TCK's {@link ConcurrencyTck}. */
class InMemoryConcurrencyTest extends ConcurrencyTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

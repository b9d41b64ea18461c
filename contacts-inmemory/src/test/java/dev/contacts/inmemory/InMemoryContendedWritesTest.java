package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ContendedWritesTck;

/** The in-memory store runs the TCK's {@link ContendedWritesTck}. */
class InMemoryContendedWritesTest extends ContendedWritesTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.NoteTck;

/** The in-memory store runs the TCK's {@link NoteTck}. */
class InMemoryNoteTest extends NoteTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

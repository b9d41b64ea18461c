package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.MergeTck;

/** The in-memory store runs the TCK's {@link MergeTck}. */
class InMemoryMergeTest extends MergeTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.SharedStoreTck;

/** This store runs the TCK's {@link SharedStoreTck}. */
class InMemorySharedStoreTest extends SharedStoreTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

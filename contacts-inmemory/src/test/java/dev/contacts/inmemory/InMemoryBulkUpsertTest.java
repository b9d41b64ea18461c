package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.BulkUpsertTck;

/** The in-memory store runs the TCK's {@link BulkUpsertTck}. */
class InMemoryBulkUpsertTest extends BulkUpsertTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.DefaultBlobStoreTck;
import java.util.Optional;

/** The in-memory store runs the TCK's {@link DefaultBlobStoreTck}; its data does not outlive it, so it cannot be reopened. */
class InMemoryDefaultBlobStoreTest extends DefaultBlobStoreTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }

    @Override
    protected Optional<ContactStore> reopenStore() {
        return Optional.empty();
    }
}

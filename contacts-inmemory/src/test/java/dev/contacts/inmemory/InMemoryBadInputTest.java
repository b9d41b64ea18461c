package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.BadInputTck;

/** The in-memory store runs the TCK's {@link BadInputTck}. */
class InMemoryBadInputTest extends BadInputTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.AttributeGuardTck;

/** The in-memory store runs the TCK's {@link AttributeGuardTck}. */
class InMemoryAttributeGuardTest extends AttributeGuardTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.SegmentTck;

/** The in-memory store runs the TCK's {@link SegmentTck}. */
class InMemorySegmentTest extends SegmentTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

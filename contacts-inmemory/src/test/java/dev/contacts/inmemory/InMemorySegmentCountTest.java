package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.SegmentCountTck;

/** The in-memory store runs the TCK's {@link SegmentCountTck}. */
class InMemorySegmentCountTest extends SegmentCountTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.TimelineTck;

/** The in-memory store runs the TCK's {@link TimelineTck}. */
class InMemoryTimelineTest extends TimelineTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.FixedAnswerTck;

/** The in-memory store runs the TCK's {@link FixedAnswerTck}. */
class InMemoryFixedAnswerTest extends FixedAnswerTck {
    @Override
    protected ContactStore createStore() {
        return new InMemoryStore();
    }
}

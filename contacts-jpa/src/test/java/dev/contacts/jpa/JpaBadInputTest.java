package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.BadInputTck;

/** The JPA store runs the TCK's {@link BadInputTck} on the database of {@link TestDatabase}. */
class JpaBadInputTest extends BadInputTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

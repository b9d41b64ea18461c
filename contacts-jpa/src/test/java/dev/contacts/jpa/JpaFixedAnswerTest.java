package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.FixedAnswerTck;

/** The JPA store runs the TCK's {@link FixedAnswerTck} on the database of {@link TestDatabase}. */
class JpaFixedAnswerTest extends FixedAnswerTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

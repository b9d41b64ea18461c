package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.TimelineTck;

/** The JPA store runs the TCK's {@link TimelineTck} on the database of {@link TestDatabase}. */
class JpaTimelineTest extends TimelineTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

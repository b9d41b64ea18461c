package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.SegmentTck;

/** The JPA store runs the TCK's {@link SegmentTck} on the database of {@link TestDatabase}. */
class JpaSegmentTest extends SegmentTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

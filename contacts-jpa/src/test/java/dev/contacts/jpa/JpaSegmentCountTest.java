package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.SegmentCountTck;

/** The JPA store runs the TCK's {@link SegmentCountTck} on the database of {@link TestDatabase}. */
class JpaSegmentCountTest extends SegmentCountTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.AttributeGuardTck;

/** The JPA store runs the TCK's {@link AttributeGuardTck} on the database of {@link TestDatabase}. */
class JpaAttributeGuardTest extends AttributeGuardTck {
    @Override
    protected ContactStore createStore() {
        return TestDatabase.newStore();
    }
}

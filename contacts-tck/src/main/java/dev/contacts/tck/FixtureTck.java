package dev.contacts.tck;

import dev.contacts.spi.ContactStore;

/** Base of the behavioural TCK classes that work on a {@link TckFixture}. */
public abstract class FixtureTck extends StoreFixtureTck<TckFixture> {
    @Override
    TckFixture createFixture(ContactStore store) {
        return new TckFixture(store);
    }
}

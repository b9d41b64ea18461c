package dev.contacts.tck;

import dev.contacts.spi.ContactStore;

/** Base of the TCK classes that work on a {@link TicketFixture} (mailer, blobs, clock, directory). */
public abstract class TicketFixtureTck extends StoreFixtureTck<TicketFixture> {
    @Override
    TicketFixture createFixture(ContactStore store) {
        return new TicketFixture(store);
    }
}

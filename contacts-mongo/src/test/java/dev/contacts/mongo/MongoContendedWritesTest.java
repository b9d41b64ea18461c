package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ContendedWritesTck;

/** The MongoDB store runs the TCK's {@link ContendedWritesTck} (in-process, or on CONTACTS_MONGO_URI). */
class MongoContendedWritesTest extends ContendedWritesTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.SharedStoreTck;

/** This store runs the TCK's {@link SharedStoreTck}. */
class MongoSharedStoreTest extends SharedStoreTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

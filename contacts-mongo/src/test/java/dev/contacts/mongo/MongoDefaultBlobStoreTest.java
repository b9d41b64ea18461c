package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.DefaultBlobStoreTck;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MongoDB store runs the TCK's {@link DefaultBlobStoreTck} (on the server {@link MongoTestStores} picks): the
 * store is opened again on the same database of the same server.
 */
@ExtendWith(MongoTestStores.class)
class MongoDefaultBlobStoreTest extends DefaultBlobStoreTck {
    private String database;

    @Override
    protected ContactStore createStore() {
        database = MongoTestStores.newDatabaseName();
        return MongoStore.create(MongoTestStores.client(), database, MongoTestStores.capabilities());
    }

    @Override
    protected Optional<ContactStore> reopenStore() {
        return Optional.of(MongoStore.create(MongoTestStores.client(), database, MongoTestStores.capabilities()));
    }

    @Override
    protected void dropData() {
        if (database != null) {
            MongoTestStores.client().getDatabase(database).drop();
        }
    }
}

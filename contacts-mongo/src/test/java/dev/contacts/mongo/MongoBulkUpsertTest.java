package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.BulkUpsertTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link BulkUpsertTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoBulkUpsertTest extends BulkUpsertTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

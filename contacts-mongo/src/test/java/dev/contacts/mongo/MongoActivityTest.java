package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ActivityTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link ActivityTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoActivityTest extends ActivityTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

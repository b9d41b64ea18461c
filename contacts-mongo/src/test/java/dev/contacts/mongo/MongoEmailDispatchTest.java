package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.EmailDispatchTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link EmailDispatchTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoEmailDispatchTest extends EmailDispatchTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

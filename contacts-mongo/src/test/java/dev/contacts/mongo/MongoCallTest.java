package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.CallTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link CallTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoCallTest extends CallTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

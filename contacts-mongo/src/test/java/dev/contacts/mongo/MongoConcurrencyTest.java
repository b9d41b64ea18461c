package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ConcurrencyTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link ConcurrencyTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoConcurrencyTest extends ConcurrencyTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

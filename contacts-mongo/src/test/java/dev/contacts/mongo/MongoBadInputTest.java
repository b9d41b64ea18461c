package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.BadInputTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link BadInputTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoBadInputTest extends BadInputTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

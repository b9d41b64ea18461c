package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.FilterTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link FilterTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoFilterTest extends FilterTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

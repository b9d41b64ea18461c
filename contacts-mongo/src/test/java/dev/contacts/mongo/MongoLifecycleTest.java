package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.LifecycleTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link LifecycleTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoLifecycleTest extends LifecycleTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.TimelineTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link TimelineTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoTimelineTest extends TimelineTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

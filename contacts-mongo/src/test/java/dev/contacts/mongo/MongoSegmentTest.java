package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.SegmentTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link SegmentTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoSegmentTest extends SegmentTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.SegmentCountTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link SegmentCountTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoSegmentCountTest extends SegmentCountTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

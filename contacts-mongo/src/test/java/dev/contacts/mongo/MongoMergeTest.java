package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.MergeTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link MergeTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoMergeTest extends MergeTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.NoteTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link NoteTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoNoteTest extends NoteTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

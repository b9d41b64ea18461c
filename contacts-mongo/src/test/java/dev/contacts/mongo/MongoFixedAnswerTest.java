package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.FixedAnswerTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link FixedAnswerTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoFixedAnswerTest extends FixedAnswerTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

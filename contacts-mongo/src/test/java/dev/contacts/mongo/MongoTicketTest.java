package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.TicketTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link TicketTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoTicketTest extends TicketTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

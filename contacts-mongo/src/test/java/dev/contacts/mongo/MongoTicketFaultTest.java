package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.TicketFaultTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link TicketFaultTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoTicketFaultTest extends TicketFaultTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

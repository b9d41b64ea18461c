package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.AttributeGuardTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link AttributeGuardTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoAttributeGuardTest extends AttributeGuardTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

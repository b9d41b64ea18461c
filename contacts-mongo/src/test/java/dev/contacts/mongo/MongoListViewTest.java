package dev.contacts.mongo;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.ListViewTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MongoDB store runs the TCK's {@link ListViewTck} (on the server {@link MongoTestStores} picks). */
@ExtendWith(MongoTestStores.class)
class MongoListViewTest extends ListViewTck {
    @Override
    protected ContactStore createStore() {
        return MongoTestStores.newStore();
    }
}

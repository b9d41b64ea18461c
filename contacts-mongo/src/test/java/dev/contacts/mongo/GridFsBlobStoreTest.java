package dev.contacts.mongo;

import dev.contacts.host.BlobStore;
import dev.contacts.tck.BlobStoreTck;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link GridFsBlobStore} runs the TCK's {@link BlobStoreTck}: small contents inline, large ones in GridFS. */
@ExtendWith(MongoTestStores.class)
class GridFsBlobStoreTest extends BlobStoreTck {
    private String database;

    @Override
    protected BlobStore createBlobStore() {
        database = MongoTestStores.newDatabaseName();
        return GridFsBlobStore.create(MongoTestStores.client().getDatabase(database), 1024);
    }

    @Override
    protected void closeBlobStore() {
        MongoTestStores.client().getDatabase(database).drop();
    }
}

package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.DefaultBlobStoreTck;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JPA store runs the TCK's {@link DefaultBlobStoreTck} on the database of {@link TestDatabase}: an H2 file (an
 * in-memory H2 database goes with its store) or a fresh PostgreSQL schema or MariaDB database, opened again by a new
 * store after the first was closed.
 */
class JpaDefaultBlobStoreTest extends DefaultBlobStoreTck {
    @TempDir
    Path dir;
    private TestDatabase.Fresh db;

    @Override
    protected ContactStore createStore() {
        db = TestDatabase.NAME.equals("h2") ? new TestDatabase.Fresh("jdbc:h2:" + dir.resolve("contacts"), null, null, null, null)
                : TestDatabase.fresh();
        return JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE);
    }

    @Override
    protected Optional<ContactStore> reopenStore() {
        return Optional.of(JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.VALIDATE));
    }

    @Override
    protected void dropData() {
        if (db != null) {
            db.drop();
        }
    }
}

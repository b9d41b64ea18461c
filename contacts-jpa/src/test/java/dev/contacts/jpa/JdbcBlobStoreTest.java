package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.NotFoundException;
import dev.contacts.host.BlobStore;
import dev.contacts.model.Property;
import dev.contacts.spi.ContactStore;
import dev.contacts.tck.BlobStoreTck;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcBlobStore} runs the TCK's {@link BlobStoreTck} on the database of {@link TestDatabase}, in a store where
 * the properties of the TCK's keys exist; and refuses what its table cannot hold.
 */
class JdbcBlobStoreTest extends BlobStoreTck {
    private ContactStore store;

    @Override
    protected BlobStore createBlobStore() {
        store = TestDatabase.newStore();
        for (String property : PROPERTIES) {
            store.properties().create(Property.of(property, property, ZoneOffset.UTC));
        }
        return store.blobStore().orElseThrow();
    }

    @Override
    protected void closeBlobStore() {
        store.close();
    }

    @Test
    void keysThatAreNotTheSdksOrOfAMissingPropertyAreRefusedAndFindNothing() {
        assertThatThrownBy(() -> blobs.put("other/p1/a", new byte[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tickets/<property>/");
        assertThatThrownBy(() -> blobs.put("tickets/p1/é", new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.put("tickets/p1/" + "x".repeat(JdbcBlobStore.MAX_KEY_LENGTH), new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.put("tickets/nope/a", new byte[] {1})).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("property nope does not exist");
        assertThat(blobs.get("other/p1/a")).isEmpty();
        assertThat(blobs.get("tickets/p1/é")).isEmpty();
        assertThat(blobs.delete("tickets/nope/a")).isFalse();
        assertThat(blobs.list("tickets/p1/é")).isEmpty();
        assertThat(blobs.list("tickets/")).isEmpty();
    }

    @Test
    void deletingAPropertyDeletesItsBlobsInTheSameStatement() {
        blobs.put("tickets/p1/t/m/1-0", new byte[] {1});
        blobs.put("tickets/p2/t/m/1-0", new byte[] {2});
        assertThat(store.properties().delete(dev.contacts.model.PropertyId.of("p1"))).isTrue();
        assertThat(blobs.get("tickets/p1/t/m/1-0")).isEmpty();
        assertThat(blobs.list("tickets/")).containsExactly("tickets/p2/t/m/1-0");
    }
}

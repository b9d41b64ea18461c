package dev.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.contacts.host.BlobStore;
import dev.contacts.internal.InMemoryBlobStore;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.PropertyRepository;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Which blob store {@code Contacts.builder().build()} gives the SDK: the host's, else the store's, else a refusal
 * naming {@code .blobStore(...)}, unless the host opted in to memory (with a warning when the store keeps its data
 * elsewhere). The SDK's choice is observed through {@link Contacts#deleteProperty}, which lists and deletes the
 * property's attachments in the blob store it uses.
 */
class BlobStoreChoiceTest {
    private static final PropertyId P1 = PropertyId.of("p1");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger contactsLog = (Logger) LoggerFactory.getLogger(Contacts.class);

    @BeforeEach
    void captureLog() {
        log.start();
        contactsLog.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        contactsLog.detachAppender(log);
    }

    /** A store whose properties all delete as absent and which offers the given blob store. */
    private static ContactStore store(Optional<BlobStore> offered) {
        InvocationHandler properties = (self, method, args) -> method.getName().equals("delete") ? Boolean.FALSE : null;
        PropertyRepository repo = (PropertyRepository) Proxy.newProxyInstance(BlobStoreChoiceTest.class.getClassLoader(),
                new Class<?>[] {PropertyRepository.class}, properties);
        return (ContactStore) Proxy.newProxyInstance(BlobStoreChoiceTest.class.getClassLoader(), new Class<?>[] {ContactStore.class},
                (self, method, args) -> {
                    switch (method.getName()) {
                        case "properties":
                            return repo;
                        case "blobStore":
                            return offered;
                        case "toString":
                            return "FakeStore";
                        case "whenUnitOfWorkEnds":
                            ((Runnable) args[0]).run(); // no transactions: the write is visible already
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    /** A blob store (as a database store would offer, not the SDK's in-memory one) holding one attachment of p1. */
    private static BlobStore holdingOneAttachment() {
        BlobStore memory = holdingOneAttachmentInMemory();
        return new BlobStore() {
            @Override
            public void put(String key, byte[] bytes) {
                memory.put(key, bytes);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return memory.get(key);
            }

            @Override
            public boolean delete(String key) {
                return memory.delete(key);
            }

            @Override
            public List<String> list(String prefix) {
                return memory.list(prefix);
            }
        };
    }

    /** The SDK's in-memory blob store (as the in-memory store offers) holding one attachment of p1. */
    private static BlobStore holdingOneAttachmentInMemory() {
        BlobStore blobs = new InMemoryBlobStore();
        blobs.put("tickets/p1/t/m/1-0", new byte[] {1});
        return blobs;
    }

    private static boolean used(BlobStore blobs) {
        return blobs.list("tickets/p1/").isEmpty();
    }

    private List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        log.list.stream().filter(e -> e.getLevel() == Level.WARN).forEach(e -> warnings.add(e.getFormattedMessage()));
        return warnings;
    }

    @Test
    void theHostsBlobStoreComesBeforeTheStores() {
        BlobStore stores = holdingOneAttachment();
        BlobStore hosts = holdingOneAttachment();
        Contacts.builder().store(store(Optional.of(stores))).blobStore(hosts).build().deleteProperty(P1);
        assertThat(used(hosts)).isTrue();
        assertThat(used(stores)).isFalse();
    }

    @Test
    void withoutTheHostsTheStoresOwnIsUsedAndStillReachableThroughTheObservedStore() {
        BlobStore stores = holdingOneAttachment();
        Contacts sdk = Contacts.builder().store(store(Optional.of(stores))).build();
        assertThat(sdk.store().blobStore()).as("the write-observing wrapper passes it through").containsSame(stores);
        sdk.deleteProperty(P1);
        assertThat(used(stores)).isTrue();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aStoreOfferingNoneIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> Contacts.builder().store(store(Optional.empty())).build())
                .isInstanceOf(NotConfiguredException.class).hasMessageContaining("FakeStore offers no blob store")
                .hasMessageContaining("Contacts.builder().blobStore(").hasMessageContaining(".inMemoryBlobStore()");
        assertThatThrownBy(() -> Contacts.builder().build()).isInstanceOf(NotConfiguredException.class)
                .hasMessageContaining("Contacts.builder().store(");
    }

    @Test
    void memoryIsAnExplicitOptInThatWarnsWhenTheStoreKeepsItsDataElsewhere() {
        BlobStore durable = holdingOneAttachment();
        Contacts.builder().store(store(Optional.empty())).inMemoryBlobStore().build();
        assertThat(warnings()).singleElement().asString().contains("memory of this JVM").contains("FakeStore");

        log.list.clear();
        Contacts.builder().store(store(Optional.of(durable))).inMemoryBlobStore().build().deleteProperty(P1);
        assertThat(used(durable)).as("memory replaces the store's durable blob store").isFalse();
        assertThat(warnings()).hasSize(1);

        log.list.clear();
        BlobStore inMemoryStores = holdingOneAttachmentInMemory();
        Contacts.builder().store(store(Optional.of(inMemoryStores))).inMemoryBlobStore().build().deleteProperty(P1);
        assertThat(used(inMemoryStores)).as("an in-memory store's own memory is the same choice").isTrue();
        assertThat(warnings()).as("the store's data is in memory too").isEmpty();
    }

    @Test
    void theLastChoiceOnTheBuilderWins() {
        BlobStore hosts = holdingOneAttachment();
        Contacts.builder().store(store(Optional.empty())).inMemoryBlobStore().blobStore(hosts).build().deleteProperty(P1);
        assertThat(used(hosts)).isTrue();
        BlobStore unused = holdingOneAttachment();
        Contacts.builder().store(store(Optional.empty())).blobStore(unused).inMemoryBlobStore().build().deleteProperty(P1);
        assertThat(used(unused)).isFalse();
    }
}

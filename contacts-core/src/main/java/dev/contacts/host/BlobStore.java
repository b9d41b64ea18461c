package dev.contacts.host;

import java.util.List;
import java.util.Optional;

/**
 * Where the bytes of ticket attachments live.
 *
 * <p>Which one the SDK uses is settled by {@code Contacts.builder().build()}: the one given to
 * {@code .blobStore(...)}; else the one the store offers ({@code ContactStore.blobStore()}:
 * a table of the SDK's schema for the JPA store, GridFS for the MongoDB store, memory for the
 * in-memory store); else none, and the build is refused unless the host opts in to keeping
 * attachments in memory with {@code .inMemoryBlobStore()} (for tests and demos: they are lost
 * when the JVM stops). A host may plug in its own, such as S3 or a file system.
 *
 * <p>Keys are made by the SDK from printable ASCII:
 * {@code tickets/<property>/<ticket>/<message>/<created millis>-<n>}; every key starts with
 * {@code tickets/} and the id of the property whose ticket it belongs to, which exists when
 * the key is put. The SDK writes a key once and never overwrites it with other bytes.
 * Implementations must be thread-safe. Errors are reported by throwing any
 * {@link RuntimeException}; the SDK reports them as {@link dev.contacts.StoreException}.
 */
public interface BlobStore {
    /**
     * Stores bytes under a key; storing the same bytes again under the same key is allowed
     * and changes nothing.
     *
     * @param key   the key
     * @param bytes the content
     */
    void put(String key, byte[] bytes);

    /**
     * @param key a key
     * @return the bytes stored under it, if any
     */
    Optional<byte[]> get(String key);

    /**
     * @param key a key
     * @return whether something was deleted
     */
    boolean delete(String key);

    /**
     * Lists keys, so that {@code Contacts.recover()} can delete attachments whose message
     * was never stored (after a crash) and a deleted property's files.
     *
     * @param prefix a key prefix
     * @return every key starting with it, in any order
     */
    List<String> list(String prefix);
}

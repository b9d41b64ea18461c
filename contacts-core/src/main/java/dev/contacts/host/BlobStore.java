package dev.contacts.host;

import java.util.List;
import java.util.Optional;

/**
 * Where the bytes of ticket attachments live, given to
 * {@code Contacts.builder().blobStore(...)}; the default keeps them in memory (for tests
 * and demos only). Store modules offer durable ones (GridFS for MongoDB, a table for JPA),
 * and a host may plug in S3 or a file system.
 *
 * <p>Keys are made by the SDK from printable ASCII ({@code tickets/<property>/<ticket>/…});
 * the SDK writes a key once and never overwrites it with other bytes. Implementations
 * must be thread-safe. Errors are reported by throwing any {@link RuntimeException}; the
 * SDK reports them as {@link dev.contacts.StoreException}.
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

package dev.contacts.internal;

import dev.contacts.host.BlobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link BlobStore} in a concurrent map of this JVM, lost when it stops: the blob store of
 * the in-memory store (whose data goes the same way), and of
 * {@code Contacts.builder().inMemoryBlobStore()} for tests and demos.
 */
public final class InMemoryBlobStore implements BlobStore {
    private final ConcurrentMap<String, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    public void put(String key, byte[] bytes) {
        blobs.put(Objects.requireNonNull(key, "key"), bytes.clone());
    }

    @Override
    public Optional<byte[]> get(String key) {
        byte[] bytes = blobs.get(key);
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }

    @Override
    public boolean delete(String key) {
        return blobs.remove(key) != null;
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        for (String key : blobs.keySet()) {
            if (key.startsWith(prefix)) {
                keys.add(key);
            }
        }
        return keys;
    }
}

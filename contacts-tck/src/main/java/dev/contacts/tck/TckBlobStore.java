package dev.contacts.tck;

import dev.contacts.host.BlobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link BlobStore} in a concurrent map that tests share between several SDK instances
 * over one store (a faulty one and a healthy one) and inspect directly.
 */
public final class TckBlobStore implements BlobStore {
    private final ConcurrentSkipListMap<String, byte[]> blobs = new ConcurrentSkipListMap<>();

    @Override
    public void put(String key, byte[] bytes) {
        blobs.put(key, bytes.clone());
    }

    @Override
    public Optional<byte[]> get(String key) {
        byte[] b = blobs.get(key);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    @Override
    public boolean delete(String key) {
        return blobs.remove(key) != null;
    }

    @Override
    public List<String> list(String prefix) {
        return new ArrayList<>(blobs.subMap(prefix, true, prefix + Character.MAX_VALUE, false).keySet());
    }

    /** @return every key, sorted */
    public List<String> keys() {
        return new ArrayList<>(blobs.keySet());
    }
}

package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.host.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link BlobStore} (where ticket attachments live): bytes come back
 * exactly, the same put twice changes nothing, delete says whether something went, list
 * finds keys by prefix and only by prefix (no pattern characters), large contents survive,
 * and concurrent use is safe. Every key is of the SDK's form {@code tickets/<property>/…},
 * for the properties of {@link #PROPERTIES}. A blob store module runs it by extending this
 * class.
 */
public abstract class BlobStoreTck {
    /**
     * The properties of the keys the tests use; a blob store that keeps each property's blobs
     * with the property (a table with a foreign key) creates them in {@link #createBlobStore()}.
     */
    protected static final List<String> PROPERTIES = List.of("p1", "p2", "p_1", "px1", "p_1x", "p_10");

    /** The store of the current test. */
    protected BlobStore blobs;

    /** @return a new, empty blob store */
    protected abstract BlobStore createBlobStore();

    /** @return a size above the threshold where the implementation changes how it stores bytes (0 if it never does) */
    protected int largeSize() {
        return 3 * 1024 * 1024 + 17;
    }

    /** Releases what {@link #createBlobStore()} opened; by default nothing. */
    protected void closeBlobStore() {
    }

    @BeforeEach
    void open() {
        blobs = createBlobStore();
    }

    @AfterEach
    void close() {
        closeBlobStore();
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void bytesComeBackExactlyAndDeleteSaysWhetherSomethingWent() {
        byte[] small = "total: 42 EUR".getBytes(StandardCharsets.UTF_8);
        blobs.put("tickets/p1/t1/a.txt", small);
        assertThat(blobs.get("tickets/p1/t1/a.txt")).hasValueSatisfying(b -> assertThat(b).isEqualTo(small));
        assertThat(blobs.get("tickets/p1/t1/b.txt")).isEmpty();
        assertThat(blobs.delete("tickets/p1/t1/a.txt")).isTrue();
        assertThat(blobs.delete("tickets/p1/t1/a.txt")).isFalse();
        assertThat(blobs.get("tickets/p1/t1/a.txt")).isEmpty();
    }

    @Test
    void emptyAndLargeContentsSurvive() {
        byte[] large = random(largeSize(), 7);
        blobs.put("tickets/p1/t1/empty", new byte[0]);
        blobs.put("tickets/p1/t1/large.bin", large);
        assertThat(blobs.get("tickets/p1/t1/empty")).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(blobs.get("tickets/p1/t1/large.bin")).hasValueSatisfying(b -> assertThat(b).isEqualTo(large));
        assertThat(blobs.list("tickets/p1/")).containsExactlyInAnyOrder("tickets/p1/t1/empty", "tickets/p1/t1/large.bin");
        assertThat(blobs.delete("tickets/p1/t1/large.bin")).isTrue();
        assertThat(blobs.get("tickets/p1/t1/large.bin")).isEmpty();
        assertThat(blobs.list("tickets/p1/")).containsExactly("tickets/p1/t1/empty");
    }

    @Test
    void puttingTheSameBytesAgainChangesNothing() {
        byte[] large = random(largeSize(), 11);
        for (int i = 0; i < 2; i++) {
            blobs.put("tickets/p1/k/small", new byte[] {1, 2, 3});
            blobs.put("tickets/p1/k/large", large);
        }
        assertThat(blobs.list("tickets/p1/k/")).containsExactlyInAnyOrder("tickets/p1/k/small", "tickets/p1/k/large");
        assertThat(blobs.get("tickets/p1/k/large")).hasValueSatisfying(b -> assertThat(b).isEqualTo(large));
        assertThat(blobs.delete("tickets/p1/k/large")).isTrue();
        assertThat(blobs.get("tickets/p1/k/large")).as("one delete removes the key").isEmpty();
    }

    @Test
    void listMatchesThePrefixLiterally() {
        // '_' and '%' are LIKE's pattern characters; the prefix also occurs inside a key of another property
        for (String key : List.of("tickets/p_1/a", "tickets/p_1/%x", "tickets/px1/a", "tickets/p_1x/a", "tickets/p_10/a",
                "tickets/p1/tickets/p_1/a")) {
            blobs.put(key, key.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(blobs.list("tickets/p_1/")).containsExactlyInAnyOrder("tickets/p_1/a", "tickets/p_1/%x");
        assertThat(blobs.list("tickets/p_1/%")).containsExactly("tickets/p_1/%x");
        assertThat(blobs.list("tickets/p_1")).containsExactlyInAnyOrder("tickets/p_1/a", "tickets/p_1/%x", "tickets/p_1x/a",
                "tickets/p_10/a");
        assertThat(blobs.list("tickets/")).hasSize(6);
        assertThat(blobs.list("tickets/p2/")).isEmpty();
        assertThat(blobs.list("nothing/")).isEmpty();
    }

    @Test
    void concurrentPutsGetsAndDeletesOfDifferentKeysAreSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String key = "tickets/p2/" + thread + "/" + i;
                        byte[] bytes = random(100 + i, thread * 100L + i);
                        blobs.put(key, bytes);
                        assertThat(blobs.get(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
                        if (i % 2 == 0) {
                            assertThat(blobs.delete(key)).isTrue();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(blobs.list("tickets/p2/")).hasSize(8 * 12);
    }
}

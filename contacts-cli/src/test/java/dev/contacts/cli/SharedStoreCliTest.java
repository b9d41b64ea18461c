package dev.contacts.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What tests of commands building on each other share: a {@code shared:NAME} in-memory store
 * (forgotten after each test) at a fixed clock, and a directory for their files.
 */
abstract class SharedStoreCliTest {
    @TempDir
    Path dir;
    final Cli cli;

    /** @param store the name of the shared store */
    SharedStoreCliTest(String store) {
        this.cli = new Cli("--store", "shared:" + store, "--now", "2026-01-01T00:00:00Z");
    }

    @AfterEach
    void forget() {
        SharedMemoryStores.reset();
    }

    /** @return a file of the test's directory holding the text, UTF-8 */
    Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}

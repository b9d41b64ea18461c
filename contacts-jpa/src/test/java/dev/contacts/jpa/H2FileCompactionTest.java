package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.filter.Filter;
import dev.contacts.model.PropertyId;
import dev.contacts.sample.SampleData;
import dev.contacts.sample.SampleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 file the store opened itself is not left several times larger than its data after a
 * bulk import ({@link H2FileCompaction}). Runs on an H2 file of its own whatever
 * {@code contacts.jpa.database} says. Sizes, not timings.
 */
class H2FileCompactionTest {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompactionTest.class);

    @TempDir
    Path dir;

    @Test
    void aStoreClosedAfterABulkImportLeavesAFileTheSizeOfItsData() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("contacts");
        int contacts = (int) H2FileCompaction.ROWS + 2_000;
        SampleData data = SampleData.generate(SampleSpec.realistic(20261207L, contacts));
        JpaStore store = JpaStore.create(url, null, null);
        try {
            PropertyId property = SampleLoad.firstProperty(store, data);
            assertThat(store.contacts().count(property, Filter.all())).isEqualTo(contacts);
        } finally {
            store.close();
        }
        Path file = dir.resolve("contacts.mv.db");
        long closed = Files.size(file);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT"); // what the live data needs
        }
        long compact = Files.size(file);
        LOG.info("{} contacts imported: {} bytes after the store's close, {} after SHUTDOWN COMPACT", contacts, closed, compact);
        assertThat(closed).as("file size after the store's close, against its data compacted (%d bytes)", compact)
                .isLessThanOrEqualTo(compact * 3 / 2);
    }
}

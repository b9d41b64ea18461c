package dev.contacts.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded H2 file that the store opened itself from growing with every bulk write.
 * H2 writes changed pages to new places in its file and reuses the old ones only after a
 * retention time, and compacts for at most 200 ms when the database closes: importing 100,000
 * contacts left a 1.9 GB file whose live data fit in 122 MB, and every later command spent
 * about 4 s more opening it. After bulk writes of {@value #ROWS} contacts or more, closing the
 * store ends with {@code SHUTDOWN COMPACT}, which rewrites the file with its live pages only
 * (9.5 s for that file). Shortening H2's retention time instead is unsafe: with it at 0 H2 may
 * reuse pages a chunk map still lists, and the file then refuses to open.
 *
 * <p>Thread-safe: writers count concurrently; {@link #closed} runs once, at the store's close.
 */
final class H2FileCompaction {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);
    /** Contacts written in bulk (inserted or replaced) after which the file is compacted at close. */
    static final long ROWS = 10_000;

    private final LongAdder written = new LongAdder();
    private final String url;
    private final String user;
    private final String password;

    /**
     * @param url      the JDBC URL of an H2 file database the store opened itself, or null when
     *                 nothing is to be compacted (a host's factory, another database, H2 in memory)
     * @param user     its user, or null
     * @param password its password, or null
     */
    H2FileCompaction(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * @param url an H2 JDBC URL
     * @return whether it opens a file in this process that no other process shares: not an
     *         in-memory database, a server's ({@code tcp:}, {@code ssl:}), a read-only
     *         {@code zip:} or one opened in {@code AUTO_SERVER} mode
     */
    static boolean isOwnFile(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:") && !lower.startsWith("jdbc:h2:zip:") && !lower.replace(" ", "").contains("auto_server=true");
    }

    /** @return a compaction that never runs */
    static H2FileCompaction none() {
        return new H2FileCompaction(null, null, null);
    }

    /** Counts contacts a committed bulk insert or update wrote. */
    void written(int contacts) {
        if (url != null) {
            written.add(contacts);
        }
    }

    /**
     * Compacts the file when enough was written, once the store's factory is closed: a
     * connection of its own reopens the database (H2 closed it with the factory's last
     * connection) and shuts it down compacting.
     */
    void closed() {
        long rows = written.sum();
        if (url == null || rows < ROWS) {
            return;
        }
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
            LOG.info("compacted the H2 file after {} contacts written in bulk, in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            // the data is safe either way: only the file's size is at stake
            LOG.warn("could not compact the H2 file at close ({}); it keeps its unused pages until a later compaction", e.toString());
        }
    }
}

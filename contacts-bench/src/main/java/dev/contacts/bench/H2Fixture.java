package dev.contacts.bench;

import java.nio.file.Path;

/**
 * The JPA store on H2 in a file database of its own per workload,
 * {@code <data>/h2-<size>-<seed>/contacts.mv.db}, where {@code <data>} is the system property
 * {@value #DATA_PROPERTY} (default {@code bench/data}, git-ignored; the build's own check
 * uses {@code target/}). Like PostgreSQL's schema, the file stays between runs: the data is
 * loaded once through the store's batched inserts, analysed, and reused by every later fork
 * (forks run one after the other, so only one process opens the file at a time). Its
 * baseline is {@link SqlBaseline} in the {@link SqlDialect#H2} dialect.
 */
final class H2Fixture extends JpaFixture {
    /** The system property naming the folder of the suite's database files. */
    static final String DATA_PROPERTY = "contacts.bench.data";

    H2Fixture(Workload workload, boolean verifying) {
        super(workload, verifying, SqlDialect.H2, url(workload), url(workload), null, null);
    }

    private static String url(Workload workload) {
        Path file = Path.of(System.getProperty(DATA_PROPERTY, "bench/data"), "h2-" + workload.size() + "-" + workload.seed(), "contacts")
                .toAbsolutePath();
        // the store adds this lock timeout itself; the baseline's connections wait as long
        return "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000";
    }

    @Override
    public String name() {
        return "h2";
    }
}

package dev.contacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.Contacts;
import dev.contacts.inmemory.InMemoryStore;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Failures of the store: one sentence without --debug, and a property created on first use by two commands at once. */
class StoreFailureTest {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFailureTest.class);
    private static final String POSTGRES = System.getProperty("contacts.cli.postgresql", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @AfterEach
    void forget() {
        SharedMemoryStores.reset();
    }

    /**
     * A command's result and what was logged meanwhile.
     *
     * @param result the command's result
     * @param logged the process's standard error, where logging goes
     */
    private record Logged(Cli.Result result, String logged) {
    }

    private static Logged withStandardError(Cli cli, String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Cli.Result r = cli.run(args);
            return new Logged(r, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void aServerThatCannotBeReachedIsOneSentenceWithoutDebug() {
        Logged r = withStandardError(new Cli("--store", "jdbc:postgresql://127.0.0.1:1/test?user=postgres"), "count");
        assertThat(r.result().code()).as(r.toString()).isEqualTo(1);
        assertThat(r.result().err().strip()).startsWith("contacts: ").contains("Connection to 127.0.0.1:1 refused")
                .doesNotContain("\n").doesNotContain("org.hibernate");
        assertThat(r.logged()).as("logged to standard error").doesNotContain("HHH").doesNotContain("\tat ").doesNotContain("WARN");

        Logged debug = withStandardError(new Cli("--debug", "--store", "jdbc:postgresql://127.0.0.1:1/test?user=postgres"), "count");
        assertThat(debug.result().code()).isEqualTo(1);
        assertThat(debug.result().err() + debug.logged()).contains("\tat ");
    }

    @Test
    void anH2FileInUseByAnotherProcessIsOneSentence() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cli17-h2");
        String file = dir.resolve("busy").toString();
        try (Connection busy = DriverManager.getConnection("jdbc:h2:file:" + file)) {
            // the tool in a process of its own, as ./contacts runs it: H2 shares an open file within one JVM
            Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--store", "h2:" + file, "count")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(err).isEqualTo(1);
            assertThat(err.strip()).startsWith("contacts: ").contains("already in use").doesNotContain("\n")
                    .doesNotContain("HHH").doesNotContain("\tat ").doesNotContain("org.hibernate");
        }
    }

    @Test
    void createPropertyIfAbsentReturnsTheStoredPropertyAndNeverConflicts() throws Exception {
        Contacts contacts = Contacts.builder().store(new InMemoryStore()).build();
        Property first = contacts.createPropertyIfAbsent(Property.of("p1", "First", ZoneOffset.UTC));
        assertThat(first.name()).isEqualTo("First");
        Property again = contacts.createPropertyIfAbsent(Property.of("p1", "Second", ZoneId.of("Europe/Paris")));
        assertThat(again).isEqualTo(first);
        assertThat(contacts.property(PropertyId.of("p1")).property()).isEqualTo(first);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String id = "race-" + round;
                CyclicBarrier start = new CyclicBarrier(8);
                List<Future<Property>> created = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int n = t;
                    created.add(pool.submit(() -> {
                        start.await();
                        return contacts.createPropertyIfAbsent(Property.of(id, "by " + n, ZoneOffset.UTC));
                    }));
                }
                List<Property> returned = new ArrayList<>();
                for (Future<Property> f : created) {
                    returned.add(f.get());
                }
                Property stored = contacts.property(id).property();
                assertThat(returned).containsOnly(stored);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoCommandsCreatingTheSamePropertyOnPostgresqlBothSucceed() throws Exception {
        String schema = "cli17_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            LOG.info("skipped: no PostgreSQL at {} ({})", POSTGRES, e.getMessage());
            Assumptions.abort("no PostgreSQL at " + POSTGRES);
        }
        String url = POSTGRES + "&currentSchema=" + schema;
        try {
            assertThat(new Cli("--store", url).run("count").code()).isZero(); // the schema, created once
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int round = 0; round < 2; round++) {
                    String property = "new-" + round;
                    CyclicBarrier start = new CyclicBarrier(4);
                    List<Future<Cli.Result>> runs = new ArrayList<>();
                    for (int t = 0; t < 4; t++) {
                        runs.add(pool.submit(() -> {
                            start.await();
                            return new Cli("--store", url, "--property", property).run("count");
                        }));
                    }
                    for (Future<Cli.Result> f : runs) {
                        Cli.Result r = f.get();
                        assertThat(r.code()).as(r.toString()).isZero();
                        assertThat(r.out().strip()).isEqualTo("0");
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}

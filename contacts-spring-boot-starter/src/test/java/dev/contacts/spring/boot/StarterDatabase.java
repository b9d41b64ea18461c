package dev.contacts.spring.boot;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's {@code DataSource} in the starter's JPA tests, on the database chosen by
 * {@code -Dcontacts.starter.database=h2|postgresql|mariadb} (default h2): each application
 * context gets a fresh database of its own (an in-memory H2 database, a PostgreSQL schema, a
 * MariaDB database named after this run's random id), dropped when the context closes. The
 * servers are read from {@code CONTACTS_PG_URL}/{@code CONTACTS_PG_USER}/{@code CONTACTS_PG_PASSWORD}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, postgres, none) and
 * {@code CONTACTS_MARIADB_URL}/{@code CONTACTS_MARIADB_USER}/{@code CONTACTS_MARIADB_PASSWORD}
 * (default {@code jdbc:mariadb://127.0.0.1:3306/test}, root, none). An unreachable server fails
 * the tests: nothing is skipped.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StarterDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(StarterDatabase.class);
    /** The database of this run. */
    static final String NAME = System.getProperty("contacts.starter.database", "h2").strip().toLowerCase(Locale.ROOT);
    private static final String RUN = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private static final AtomicInteger COUNT = new AtomicInteger();

    /** @return a pool on a fresh database, which closing drops */
    @Bean(destroyMethod = "close")
    FreshDataSource dataSource() {
        return fresh();
    }

    /** @return a pool on a fresh database of its own, which closing drops */
    static FreshDataSource fresh() {
        String name = "starter_" + RUN + "_" + COUNT.incrementAndGet();
        FreshDataSource ds;
        switch (NAME) {
            case "h2" -> {
                ds = new FreshDataSource(null, null);
                ds.setJdbcUrl("jdbc:h2:mem:" + name);
            }
            case "postgresql" -> {
                String url = env("CONTACTS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                String user = env("CONTACTS_PG_USER", "postgres");
                String password = env("CONTACTS_PG_PASSWORD", "");
                Runnable drop = () -> execute(url, user, password, "DROP SCHEMA " + name + " CASCADE");
                execute(url, user, password, "CREATE SCHEMA " + name);
                ds = new FreshDataSource(drop, name);
                ds.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
                ds.setUsername(user);
                ds.setPassword(password);
            }
            case "mariadb" -> {
                String url = env("CONTACTS_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
                String user = env("CONTACTS_MARIADB_USER", "root");
                String password = env("CONTACTS_MARIADB_PASSWORD", "");
                execute(url, user, password, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
                ds = new FreshDataSource(() -> execute(url, user, password, "DROP DATABASE " + name), name);
                int slash = url.indexOf('/', "jdbc:mariadb://".length());
                int query = url.indexOf('?', slash);
                ds.setJdbcUrl(url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query)));
                ds.setUsername(user);
                ds.setPassword(password);
            }
            default -> throw new IllegalStateException("-Dcontacts.starter.database=" + NAME
                    + " is not one of h2, postgresql, mariadb");
        }
        ds.setMaximumPoolSize(4);
        LOG.info("starter test database: {} {}", NAME, ds.getJdbcUrl());
        return ds;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + url + " as " + user + ": " + e.getMessage(), e);
        }
    }

    /** A pool whose close also drops its database. */
    static final class FreshDataSource extends HikariDataSource {
        private final Runnable drop;
        private final String database;

        FreshDataSource(Runnable drop, String database) {
            this.drop = drop;
            this.database = database;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                if (drop != null && !isDropped()) {
                    drop.run();
                    LOG.info("starter test database {} dropped", database);
                }
            }
        }

        private volatile boolean dropped;

        private boolean isDropped() {
            boolean was = dropped;
            dropped = true;
            return was;
        }
    }
}

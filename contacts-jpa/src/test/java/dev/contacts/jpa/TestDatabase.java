package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database the tests of this JVM run on, chosen by {@code -Dcontacts.jpa.database=h2|postgresql|mariadb}
 * (default h2). Every store gets a fresh database of its own, dropped when the store is
 * closed: an in-memory H2 database, a PostgreSQL schema or a MariaDB database whose name
 * holds this run's random id, so runs never collide. The servers are read from
 * {@code CONTACTS_PG_URL} / {@code CONTACTS_PG_USER} / {@code CONTACTS_PG_PASSWORD} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, postgres, none) and {@code CONTACTS_MARIADB_URL} /
 * {@code CONTACTS_MARIADB_USER} / {@code CONTACTS_MARIADB_PASSWORD} (default
 * {@code jdbc:mariadb://127.0.0.1:3306/test}, root, none). An unreachable server fails the
 * tests: nothing is skipped.
 */
final class TestDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    /** The database of this run. */
    static final String NAME = System.getProperty("contacts.jpa.database", "h2").strip().toLowerCase(Locale.ROOT);
    private static final String RUN = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private static final AtomicInteger STORES = new AtomicInteger();

    private TestDatabase() {
    }

    /** @return whether this run is on PostgreSQL */
    static boolean postgres() {
        return NAME.equals("postgresql");
    }

    /** The JPA stores behind the stores {@link #newStore()} returned, until closed. */
    private static final Map<ContactStore, JpaStore> OPEN = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * @param store a store {@link #newStore()} returned, still open
     * @return the JPA store it is
     */
    static JpaStore jpa(ContactStore store) {
        return store instanceof JpaStore ? (JpaStore) store : Objects.requireNonNull(OPEN.get(store), "not an open store of TestDatabase");
    }

    /** @return a new store on a fresh, empty database of its own, dropped when the store is closed */
    static ContactStore newStore() {
        Fresh db = fresh();
        try {
            JpaStore store = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE);
            return db.server() == null ? store : dropping(store, db);
        } catch (RuntimeException e) {
            db.drop();
            throw e;
        }
    }

    /**
     * A fresh, empty database (H2 in memory, a PostgreSQL schema, a MariaDB database).
     *
     * @param url      its JDBC URL
     * @param user     the user
     * @param password the password
     * @param server   the server it lives on, or null for H2
     * @param dropSql  what drops it
     */
    record Fresh(String url, String user, String password, Server server, String dropSql) {
        /** Drops the database (an in-memory H2 database goes with its last store). */
        void drop() {
            if (server != null) {
                server.execute(dropSql);
            }
        }
    }

    /**
     * Closes what a test opened on a fresh database, then drops the database even when a
     * close failed.
     *
     * @param db   the database, or null when the test did not get as far as creating it
     * @param open connections and stores, in closing order; nulls are skipped
     * @throws Exception the first close's failure
     */
    static void closeThenDrop(Fresh db, AutoCloseable... open) throws Exception {
        try {
            for (AutoCloseable c : open) {
                if (c != null) {
                    c.close();
                }
            }
        } finally {
            if (db != null) {
                db.drop();
            }
        }
    }

    /** @return a fresh, empty database of its own */
    static Fresh fresh() {
        String name = "contacts_" + RUN + "_" + STORES.incrementAndGet();
        switch (NAME) {
            case "h2":
                return new Fresh("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, null, null, null);
            case "postgresql": {
                Server s = Server.postgres();
                s.execute("CREATE SCHEMA " + name);
                return new Fresh(s.url + (s.url.contains("?") ? "&" : "?") + "currentSchema=" + name, s.user, s.password, s,
                        "DROP SCHEMA " + name + " CASCADE");
            }
            case "mariadb": {
                Server s = Server.mariadb();
                s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
                return new Fresh(s.withDatabase(name), s.user, s.password, s, "DROP DATABASE " + name);
            }
            default:
                throw new IllegalStateException("-Dcontacts.jpa.database=" + NAME + " is not one of h2, postgresql, mariadb");
        }
    }

    /** A store whose close also drops its schema or database. */
    private static ContactStore dropping(JpaStore store, Fresh db) {
        ContactStore dropping = (ContactStore) Proxy.newProxyInstance(ContactStore.class.getClassLoader(), new Class<?>[] {ContactStore.class},
                (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(store, args);
                        if (method.getName().equals("close")) {
                            OPEN.remove(proxy);
                            db.drop();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        OPEN.put(dropping, store);
        return dropping;
    }

    /** A database server reached with JDBC for creating and dropping the stores' databases. */
    static final class Server {
        final String url;
        final String user;
        final String password;

        private Server(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        static Server postgres() {
            return new Server(env("CONTACTS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"), env("CONTACTS_PG_USER", "postgres"),
                    env("CONTACTS_PG_PASSWORD", null));
        }

        static Server mariadb() {
            return new Server(env("CONTACTS_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test"), env("CONTACTS_MARIADB_USER", "root"),
                    env("CONTACTS_MARIADB_PASSWORD", null));
        }

        private static String env(String name, String fallback) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? fallback : v;
        }

        /** @return the URL with another database name (jdbc:mariadb://host:port/DB?params) */
        String withDatabase(String database) {
            int hostStart = url.indexOf("//") + 2;
            int slash = url.indexOf('/', hostStart);
            int query = url.indexOf('?');
            String head = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
            String tail = query < 0 ? "" : url.substring(query);
            return head + "/" + database + tail;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        void execute(String sql) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot run '" + sql + "' on " + url + " as " + user + ": " + e.getMessage()
                        + " (set CONTACTS_PG_URL / CONTACTS_MARIADB_URL and their _USER, _PASSWORD)", e);
            }
        }
    }

    static {
        LOG.info("JPA store tests run on {} (choose with -Dcontacts.jpa.database=h2|postgresql|mariadb)", NAME);
    }
}

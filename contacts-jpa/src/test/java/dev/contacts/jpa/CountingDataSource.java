package dev.contacts.jpa;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test data source over {@link DriverManager} that counts the statements executed and the
 * connections taken, and hands out at most {@code maxConnections} at once (a pool of that
 * size: a caller waiting more than 5 s for a connection gets an error).
 */
final class CountingDataSource extends ProxyingDataSource {
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate",
            "executeLargeBatch");
    private final String url;
    private final String user;
    private final String password;
    private final Semaphore connections;
    final AtomicInteger statements = new AtomicInteger();
    /** Rollbacks that failed on purpose (while {@link #failRollbacks} is set). */
    final AtomicInteger failedRollbacks = new AtomicInteger();
    /** When set, every connection's rollback() throws, as a connection closed under the pool would. */
    volatile boolean failRollbacks;
    final AtomicInteger connectionsTaken = new AtomicInteger();

    CountingDataSource(TestDatabase.Fresh db, int maxConnections) {
        this(db.url(), db, maxConnections);
    }

    /** A data source on another URL of the same database (e.g. with session settings added). */
    CountingDataSource(String url, TestDatabase.Fresh db, int maxConnections) {
        this.url = url;
        this.user = db.user();
        this.password = db.password();
        this.connections = new Semaphore(maxConnections);
    }

    /**
     * @param entities the host's own entity classes, beside the store's
     * @return a host persistence unit whose connections come from this data source
     */
    jakarta.persistence.EntityManagerFactory hostUnit(Class<?>... entities) {
        org.hibernate.jpa.HibernatePersistenceConfiguration unit = new org.hibernate.jpa.HibernatePersistenceConfiguration("host")
                .managedClasses(JpaStore.entityClasses()).managedClasses(entities)
                .property("hibernate.connection.datasource", this)
                .property("hibernate.jdbc.time_zone", "UTC");
        if (TestDatabase.NAME.equals("mariadb")) {
            unit.property("hibernate.type.preferred_uuid_jdbc_type", "BINARY"); // ids are BINARY(16) there
        }
        return unit.createEntityManagerFactory();
    }

    /** Resets the counters. */
    void reset() {
        statements.set(0);
        connectionsTaken.set(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            if (!connections.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new SQLException("test pool exhausted: no connection free within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
        Connection real;
        try {
            real = DriverManager.getConnection(url, user, password);
        } catch (SQLException | RuntimeException e) {
            connections.release();
            throw e;
        }
        connectionsTaken.incrementAndGet();
        AtomicInteger released = new AtomicInteger();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
            if (m.getName().equals("close") && released.getAndIncrement() == 0) {
                connections.release();
            }
            if (failRollbacks && m.getName().equals("rollback") && (args == null || args.length == 0)) {
                failedRollbacks.incrementAndGet();
                throw new SQLException("rollback failed on purpose (the test's connection is broken)", "08003");
            }
            Object result = invoke(real, m, args);
            return result instanceof Statement ? counting((Statement) result, m.getReturnType()) : result;
        });
    }

    private Object counting(Statement statement, Class<?> type) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (EXECUTIONS.contains(m.getName())) {
                statements.incrementAndGet();
            }
            return invoke(statement, m, args);
        });
    }
}

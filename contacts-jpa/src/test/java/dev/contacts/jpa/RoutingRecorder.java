package dev.contacts.jpa;

import dev.contacts.tck.CallerOrigin;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Observes every SQL statement the JPA store sends in this JVM and checks each with
 * {@link CitusRouting}. It replaces each registered JDBC driver with a wrapper whose
 * connections and statements report every execution (so the store's own Hikari pool, a
 * host's data source over {@link DriverManager} and {@link CountingDataSource} are all
 * seen). A statement counts as the store's when the innermost {@code dev.contacts} frame of
 * the executing thread is a main class (the store, or Hibernate called by it); statements a
 * test sends itself (creating and dropping its databases, tampering with rows) are counted
 * apart and not checked. Thread-safe.
 */
final class RoutingRecorder {
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    private static final Set<String> BATCH_EXECUTIONS = Set.of("executeBatch", "executeLargeBatch");
    private static final Set<Class<?>> OBSERVERS = Set.of(RoutingRecorder.class, CountingDataSource.class);
    private static final CitusRouting CHECKER = CitusRouting.ofSchema();
    private static final Map<String, CitusRouting.Verdict> VERDICTS = new ConcurrentHashMap<>();
    private static boolean installed;

    /** Statements the store sent, by verdict. */
    private static final Map<CitusRouting.Kind, LongAdder> BY_KIND = new ConcurrentHashMap<>();
    /** Exempted statements, by the reason of their exemption. */
    private static final Map<String, LongAdder> BY_EXEMPTION = new ConcurrentHashMap<>();
    /** Statements the tests sent themselves (not checked). */
    private static final LongAdder TESTS_OWN = new LongAdder();
    /** Every violation, in order: the statement and why. */
    private static final List<String> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());

    private RoutingRecorder() {
    }

    /** Wraps every registered JDBC driver, once per JVM. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        // load the drivers the tests use, so that they are registered before being wrapped
        for (String name : List.of("org.h2.Driver", "org.postgresql.Driver", "org.mariadb.jdbc.Driver")) {
            try {
                Class.forName(name);
            } catch (ClassNotFoundException e) {
                // not on this class path: nothing to wrap
            }
        }
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            if (d instanceof Recording) {
                continue;
            }
            try {
                DriverManager.deregisterDriver(d);
                DriverManager.registerDriver(new Recording(d));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot wrap the JDBC driver " + d.getClass().getName(), e);
            }
        }
        installed = true;
    }

    /**
     * The counts so far.
     *
     * @param byKind       store statements by verdict
     * @param byExemption  exempted store statements by reason
     * @param testsOwn     statements the tests sent themselves
     * @param violations   violations so far (statement and reason)
     */
    record Totals(Map<CitusRouting.Kind, Long> byKind, Map<String, Long> byExemption, long testsOwn, int violations) {
        /** @return every statement of the store */
        long store() {
            return byKind.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return store() + " store statements " + byKind + ", exempt " + byExemption + ", " + testsOwn
                    + " sent by the tests themselves (not checked), " + violations + " violations";
        }
    }

    /** @return the counts so far */
    static Totals totals() {
        Map<CitusRouting.Kind, Long> kinds = new TreeMap<>();
        BY_KIND.forEach((k, v) -> kinds.put(k, v.sum()));
        Map<String, Long> exemptions = new TreeMap<>();
        BY_EXEMPTION.forEach((k, v) -> exemptions.put(k, v.sum()));
        return new Totals(kinds, exemptions, TESTS_OWN.sum(), VIOLATIONS.size());
    }

    /**
     * @param from the number of violations before
     * @return the violations recorded since
     */
    static List<String> violationsSince(int from) {
        synchronized (VIOLATIONS) {
            return List.copyOf(VIOLATIONS.subList(from, VIOLATIONS.size()));
        }
    }

    /** @return whether the calling thread is running the store's code (not a test's own JDBC) */
    static boolean issuedByStore() {
        return CallerOrigin.isMainCode(OBSERVERS);
    }

    /**
     * Records one execution.
     *
     * @param sql the statement
     */
    static void executed(String sql) {
        if (sql == null) {
            return;
        }
        if (!issuedByStore()) {
            TESTS_OWN.increment();
            return;
        }
        CitusRouting.Verdict v = VERDICTS.computeIfAbsent(sql, CHECKER::check);
        BY_KIND.computeIfAbsent(v.kind(), k -> new LongAdder()).increment();
        if (v.kind() == CitusRouting.Kind.EXEMPT) {
            BY_EXEMPTION.computeIfAbsent(v.detail(), k -> new LongAdder()).increment();
        } else if (v.kind() == CitusRouting.Kind.VIOLATION) {
            VIOLATIONS.add(v.detail() + ": " + sql);
        }
    }

    private static Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(RoutingRecorder.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
            Object result = ProxyingDataSource.invoke(real, m, args);
            switch (m.getName()) {
                case "createStatement":
                    return statement((Statement) result, Statement.class, null);
                case "prepareStatement":
                    return statement((Statement) result, PreparedStatement.class, (String) args[0]);
                case "prepareCall":
                    return statement((Statement) result, CallableStatement.class, (String) args[0]);
                default:
                    return result;
            }
        });
    }

    private static Object statement(Statement real, Class<? extends Statement> type, String prepared) {
        List<String> batch = new ArrayList<>();
        return Proxy.newProxyInstance(RoutingRecorder.class.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            String name = m.getName();
            if (EXECUTIONS.contains(name)) {
                executed(args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : prepared);
            } else if (BATCH_EXECUTIONS.contains(name)) {
                if (prepared != null) {
                    executed(prepared);
                }
                synchronized (batch) {
                    batch.forEach(RoutingRecorder::executed);
                    batch.clear();
                }
            } else if (name.equals("addBatch") && args != null && args.length == 1) {
                synchronized (batch) {
                    batch.add((String) args[0]);
                }
            } else if (name.equals("clearBatch")) {
                synchronized (batch) {
                    batch.clear();
                }
            }
            return ProxyingDataSource.invoke(real, m, args);
        });
    }

    /** A driver whose connections report their statements. */
    private static final class Recording implements Driver {
        private final Driver real;

        Recording(Driver real) {
            this.real = real;
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            Connection c = real.connect(url, info);
            return c == null ? null : connection(c);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return real.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return real.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return real.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return real.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return real.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return real.getParentLogger();
        }
    }
}

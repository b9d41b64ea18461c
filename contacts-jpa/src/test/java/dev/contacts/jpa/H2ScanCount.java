package dev.contacts.jpa;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test data source on an H2 database that, while {@link #recording} is set, runs every
 * prepared statement a second time as {@code EXPLAIN ANALYZE} with the same parameters
 * and keeps the largest {@code scanCount} H2 reports for a table of it: how many rows the
 * statement read from one table, a measure of the plan that does not depend on timing (a
 * seek reads the rows it returns, a scan the whole property). A statement that writes or
 * locks ({@code DELETE}, {@code UPDATE}, {@code MERGE}, {@code SELECT … FOR UPDATE}) is
 * explained inside a savepoint rolled back before the statement itself runs; one run
 * outside a transaction is not explained. Inserts and batches are not explained.
 */
final class H2ScanCount extends ProxyingDataSource {
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");
    private static final Pattern SETTER = Pattern.compile("set[A-Z]\\w*");
    private static final Set<String> EXECUTES = Set.of("executeQuery", "executeUpdate", "execute", "executeLargeUpdate");
    private final String url;
    /** SQL text of each explained statement, with its largest scan count. */
    final List<Map.Entry<String, Long>> explained = Collections.synchronizedList(new ArrayList<>());
    /** The plans, by SQL text. */
    final Map<String, String> plans = Collections.synchronizedMap(new TreeMap<>());
    volatile boolean recording;

    H2ScanCount(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("an H2 URL, not " + url);
        }
        this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = DriverManager.getConnection(url);
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
            Object result = invoke(real, m, args);
            if (m.getName().equals("prepareStatement") && args != null && args[0] instanceof String && result instanceof PreparedStatement) {
                return explaining(real, (String) args[0], (PreparedStatement) result);
            }
            return result;
        });
    }

    private PreparedStatement explaining(Connection real, String sql, PreparedStatement statement) {
        List<Object[]> parameters = new ArrayList<>(); // [setter, args]
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (p, m, args) -> {
                    if (SETTER.matcher(m.getName()).matches() && args != null && args.length >= 2 && args[0] instanceof Integer) {
                        parameters.add(new Object[] {m, args});
                    } else if (m.getName().equals("clearParameters")) {
                        parameters.clear();
                    } else if (recording && EXECUTES.contains(m.getName()) && (args == null || args.length == 0)) {
                        String start = sql.stripLeading().toUpperCase(Locale.ROOT);
                        boolean select = start.startsWith("SELECT") || start.startsWith("WITH");
                        if (select && !sql.contains("FOR UPDATE")) {
                            explain(real, sql, parameters);
                        } else if ((select || start.startsWith("DELETE") || start.startsWith("UPDATE") || start.startsWith("MERGE"))
                                && !real.getAutoCommit()) {
                            Savepoint before = real.setSavepoint();
                            try {
                                explain(real, sql, parameters);
                            } finally {
                                real.rollback(before);
                            }
                        }
                    }
                    return invoke(statement, m, args);
                });
    }

    private void explain(Connection real, String sql, List<Object[]> parameters) throws Throwable {
        try (PreparedStatement ps = real.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            for (Object[] set : parameters) {
                invoke(ps, (Method) set[0], (Object[]) set[1]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
                long most = 0;
                Matcher m = SCAN_COUNT.matcher(plan);
                while (m.find()) {
                    most = Math.max(most, Long.parseLong(m.group(1)));
                }
                explained.add(Map.entry(sql, most));
                plans.put(sql, plan.toString());
            }
        }
    }


    /**
     * @return a persistence unit whose connections come from this data source
     */
    jakarta.persistence.EntityManagerFactory unit() {
        return new org.hibernate.jpa.HibernatePersistenceConfiguration("h2-scan-count").managedClasses(JpaStore.entityClasses())
                .property("hibernate.connection.datasource", this).property("hibernate.jdbc.time_zone", "UTC")
                .createEntityManagerFactory();
    }
}

package dev.contacts.bench;

import dev.contacts.jpa.JpaStore;
import dev.contacts.jpa.SchemaMode;
import dev.contacts.spi.ContactStore;

/**
 * The JPA store on one of its databases (H2, PostgreSQL, MariaDB) with data that stays between
 * runs, and its baseline: {@link SqlBaseline} in the database's {@link SqlDialect}, on the
 * schema the store creates.
 */
abstract class JpaFixture extends Fixture {
    private final SqlDialect dialect;
    private final String url;
    private final String scratchUrl;
    private final String user;
    private final String password;
    private JpaStore store;

    /**
     * @param dialect    the baseline's dialect
     * @param url        the JDBC URL of the main data
     * @param scratchUrl where the baseline's write scenarios write
     * @param user       the user, or null
     * @param password   the password, or null
     */
    JpaFixture(Workload workload, boolean verifying, SqlDialect dialect, String url, String scratchUrl, String user, String password) {
        super(workload, verifying);
        this.dialect = dialect;
        this.url = url;
        this.scratchUrl = scratchUrl;
        this.user = user;
        this.password = password;
    }

    @Override
    protected synchronized ContactStore store() {
        if (store == null) {
            store = JpaStore.create(url, user, password, SchemaMode.CREATE);
        }
        return store;
    }

    @Override
    protected void afterLoad() {
        ((JpaStore) store()).updateStatistics();
    }

    @Override
    protected Side baseline() {
        store(); // the schema exists before the baseline's first query
        return new SqlBaseline(workload, this, dialect, url, scratchUrl, user, password);
    }
}

package dev.contacts.jpa;

import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The persistence unit of a host application on a test database: the store's entity classes
 * plus one entity of the host's own ({@link HostOrderEntity}), with the host's settings.
 */
final class HostPersistenceUnit {
    private HostPersistenceUnit() {
    }

    /**
     * @param db       the database
     * @param settings the host's Hibernate settings (e.g. {@code hibernate.hbm2ddl.auto})
     * @return the host's factory, to close by the test
     */
    static EntityManagerFactory open(TestDatabase.Fresh db, Map<String, Object> settings) {
        HibernatePersistenceConfiguration unit = new HibernatePersistenceConfiguration("host")
                .managedClasses(JpaStore.entityClasses())
                .managedClass(HostOrderEntity.class)
                .jdbcUrl(db.url())
                .property("hibernate.jdbc.time_zone", "UTC");
        if (TestDatabase.NAME.equals("mariadb")) {
            unit.property("hibernate.type.preferred_uuid_jdbc_type", "BINARY");
        }
        if (db.user() != null) {
            unit.jdbcUsername(db.user());
        }
        if (db.password() != null) {
            unit.jdbcPassword(db.password());
        }
        settings.forEach(unit::property);
        return unit.createEntityManagerFactory();
    }
}

package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.contacts.StoreException;
import dev.contacts.model.Property;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host whose persistence unit lists the store's entity classes and runs Hibernate's
 * {@code hibernate.hbm2ddl.auto=update}: without {@link ContactsSchemaFilterProvider},
 * hbm2ddl creates the SDK's tables itself (no unique email key, no foreign keys, no
 * code-point collation), which {@link SchemaMode#VALIDATE} and {@link SchemaMode#CREATE}
 * refuse with an explanation; with it, hbm2ddl leaves them to the SDK's files.
 */
class HibernateHostSchemaTest {
    private static final Logger LOG = LoggerFactory.getLogger(HibernateHostSchemaTest.class);
    private static final Map<String, Object> HBM2DDL_UPDATE = Map.of("hibernate.hbm2ddl.auto", "update");
    private static final Map<String, Object> HBM2DDL_UPDATE_FILTERED = Map.of("hibernate.hbm2ddl.auto", "update",
            "hibernate.hbm2ddl.schema_filter_provider", ContactsSchemaFilterProvider.class.getName());

    @Test
    void validationRefusesTablesMadeByHbm2ddlAndSaysHowToFixThem() throws Exception {
        Throwable refused = openOnTablesMadeByHbm2ddl(SchemaMode.VALIDATE);
        assertThat(refused).isInstanceOf(StoreException.class)
                .hasMessageContaining("contacts_schema_version")
                .hasMessageContaining("uq_contact_email_fold")
                .hasMessageContaining("ix_contact_name")
                .hasMessageContaining("fk_contact_email_owner")
                .hasMessageContaining("hbm2ddl")
                .hasMessageContaining(ContactsSchemaFilterProvider.class.getName())
                .hasMessageContaining("SchemaMode.CREATE");
        if (TestDatabase.postgres()) {
            assertThat(refused).hasMessageContaining("contact.name_fold").hasMessageContaining("collation \"C\"");
        }
    }

    @Test
    void creationOnTablesMadeByHbm2ddlExplainsInsteadOfFailingOnAnExistingTable() throws Exception {
        Throwable refused = openOnTablesMadeByHbm2ddl(SchemaMode.CREATE);
        assertThat(refused).isInstanceOf(StoreException.class)
                .hasMessageContaining("contacts_schema_version")
                .hasMessageContaining("hbm2ddl")
                .hasMessageContaining(ContactsSchemaFilterProvider.class.getName())
                .hasMessageNotContaining("already exists");
    }

    /** @return what opening a store in the mode throws on a fresh database where a host's hbm2ddl made the SDK's tables */
    private static Throwable openOnTablesMadeByHbm2ddl(SchemaMode mode) throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        EntityManagerFactory host = null;
        try {
            host = HostPersistenceUnit.open(db, HBM2DDL_UPDATE);
            EntityManagerFactory emf = host;
            Throwable refused = catchThrowable(() -> JpaStore.create(emf, mode).close());
            LOG.info("{} on hbm2ddl's tables: {}", mode, refused == null ? "no error" : refused.getMessage());
            return refused;
        } finally {
            TestDatabase.closeThenDrop(db, host);
        }
    }

    @Test
    void withTheFilterHbm2ddlLeavesTheSdkTablesToTheSdk() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        EntityManagerFactory host = null;
        EntityManagerFactory reopened = null;
        try {
            host = HostPersistenceUnit.open(db, HBM2DDL_UPDATE_FILTERED);
            try (JpaStore store = JpaStore.create(host, SchemaMode.CREATE)) {
                store.properties().create(Property.of("p1", "One", ZoneOffset.UTC));
            }
            persistOrder(host, 1);
            host.close();
            host = null;
            // the next start of the host: hbm2ddl=update again, now with the SDK's tables in place
            reopened = HostPersistenceUnit.open(db, HBM2DDL_UPDATE_FILTERED);
            persistOrder(reopened, 2);
            try (JpaStore validated = JpaStore.create(reopened, SchemaMode.VALIDATE)) {
                assertThat(validated.properties().list()).extracting(p -> p.id().value()).containsExactly("p1");
            }
        } finally {
            TestDatabase.closeThenDrop(db, reopened, host);
        }
    }

    /** The host's own table was created by hbm2ddl: its entities can be stored. */
    private static void persistOrder(EntityManagerFactory emf, long id) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(new HostOrderEntity(id, "ada@example.com"));
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }
}

package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.ConflictException;
import dev.contacts.Contacts;
import dev.contacts.ContactsClosedException;
import dev.contacts.PropertyContacts;
import dev.contacts.StoreException;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.model.TimelineKind;
import dev.contacts.query.Segment;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store inside a host application's own JPA persistence unit: SDK calls joined to the
 * host's transaction commit and roll back with the host's own writes (a contact, a ticket and
 * its queued email), use the host's connection (a pool of one connection is enough, a row the
 * host locked is not waited for), a failing SDK call is undone alone, and a segment count
 * another thread took before the host's commit is dropped by the commit; outside a host
 * transaction each call is one transaction of its own, with the statement counts printed.
 */
class HostTransactionTest {
    private static final Logger LOG = LoggerFactory.getLogger(HostTransactionTest.class);
    private TestDatabase.Fresh db;
    private CountingDataSource dataSource;
    private EntityManagerFactory emf;
    private JpaStore store;
    private Contacts sdk;
    private PropertyContacts acme;

    private void open(int maxConnections) throws SQLException {
        db = TestDatabase.fresh();
        dataSource = new CountingDataSource(db, maxConnections);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE host_order (id BIGINT PRIMARY KEY, customer VARCHAR(100))");
        }
        emf = dataSource.hostUnit(HostOrder.class);
        store = JpaStore.create(emf, SchemaMode.CREATE);
        sdk = Contacts.builder().store(store).mailer(email -> { }).build();
        sdk.createProperty(Property.of("acme", "ACME", ZoneOffset.UTC));
        acme = sdk.property("acme");
    }

    @AfterEach
    void close() throws Exception {
        TestDatabase.closeThenDrop(db, sdk, store, emf);
    }

    private long orders(EntityManager em) {
        return em.createQuery("select count(o) from HostOrder o", Long.class).getSingleResult();
    }

    private void inHostTransaction(boolean commit, Runnable sdkCalls) {
        inHostTransaction(commit, em -> sdkCalls.run());
    }

    private void inHostTransaction(boolean commit, java.util.function.Consumer<EntityManager> sdkCalls) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(new HostOrder(1, "ada@example.com"));
            try (JpaStore.Joined joined = store.join(em)) {
                sdkCalls.accept(em);
            }
            if (commit) {
                em.getTransaction().commit();
            } else {
                em.getTransaction().rollback();
            }
        } finally {
            em.close();
        }
    }

    private long stored(EntityManager em) {
        return orders(em);
    }

    private void ticketForAda() {
        Contact ada = acme.contacts().upsertByEmail("ada@example.com", AttributeChanges.builder().set("name", "Ada").build()).contact();
        acme.tickets().create(NewTicket.builder(ada.id(), "ada@example.com").subject("Invoice").body("Attached.").build());
    }

    @Test
    void hostRollbackLeavesNothingOfTheSdkWrites() throws SQLException {
        open(10);

        inHostTransaction(false, this::ticketForAda);

        EntityManager em = emf.createEntityManager();
        try {
            assertThat(stored(em)).isZero();
        } finally {
            em.close();
        }
        assertThat(acme.contacts().count(Filter.all())).as("contacts").isZero();
        assertThat(acme.tickets().list(0, 10)).as("tickets").isEmpty();
        assertThat(sdk.emailDispatcher().runOnce().sent()).as("queued emails").isZero();
    }

    @Test
    void hostCommitKeepsBoth() throws SQLException {
        open(10);

        inHostTransaction(true, this::ticketForAda);

        EntityManager em = emf.createEntityManager();
        try {
            assertThat(stored(em)).isEqualTo(1);
        } finally {
            em.close();
        }
        assertThat(acme.contacts().count(Filter.all())).isEqualTo(1);
        assertThat(acme.tickets().list(0, 10)).hasSize(1);
        assertThat(sdk.emailDispatcher().runOnce().sent()).isEqualTo(1);
    }

    @Test
    void aSegmentCountTakenBeforeTheHostCommitIsNotServedAfterIt() throws Exception {
        open(10);
        Segment all = acme.segments().save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            inHostTransaction(true, () -> {
                acme.contacts().create(AttributeChanges.builder().set("name", "Ada").build());
                // another thread counts before the host commits: it sees no contact, and caches that
                assertThat(await(other.submit(() -> acme.segments().list(Target.CONTACT).get(0).count())))
                        .as("counted before the host's commit").hasValue(0L);
            });
        } finally {
            other.shutdownNow();
        }

        assertThat(acme.segments().list(Target.CONTACT).get(0).count()).as("the host's commit dropped that count").hasValue(1L);
        assertThat(acme.segments().count(all.id())).isEqualTo(1);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other thread's call did not finish", e);
        }
    }

    @Test
    void aPoolOfOneConnectionIsEnoughInsideTheHostTransaction() throws SQLException {
        open(1);

        inHostTransaction(true, () -> {
            ticketForAda();
            assertThat(acme.contacts().count(Filter.all())).isEqualTo(1);
            assertThat(acme.timeline().page(acme.contacts().find(dev.contacts.query.Query.of(Filter.all())).items().get(0).id(), Set.of(TimelineKind.TICKET), 10, null)
                    .items()).hasSize(1);
        });

        assertThat(acme.tickets().list(0, 10)).hasSize(1);
    }

    @Test
    void aRowTheHostLockedIsUpdatedWithoutWaiting() throws SQLException {
        open(10);
        Contact ada = acme.contacts().create(AttributeChanges.builder().set("emails", List.of("ada@example.com")).build());

        inHostTransaction(true, em -> {
            // the host locks the property's contacts in its own transaction
            List<?> locked = em.createNativeQuery("SELECT id FROM contact WHERE property_id = 'acme' FOR UPDATE").getResultList();
            assertThat(locked).hasSize(1);
            acme.contacts().update(ada.id(), AttributeChanges.builder().set("name", "Ada").build()); // same transaction: no wait
            acme.contacts().update(ada.id(), AttributeChanges.builder().set("city", "London").build());
        });

        Contact end = acme.contacts().get(ada.id());
        assertThat(end.name()).isEqualTo("Ada");
        assertThat(end.value("city")).isEqualTo("London");
    }

    @Test
    void aFailingSdkCallIsUndoneAloneAndTheHostTransactionGoesOn() throws SQLException {
        open(10);
        acme.contacts().create(AttributeChanges.builder().set("emails", List.of("taken@example.com")).build());
        Contact bob = acme.contacts().create(AttributeChanges.builder().set("emails", List.of("bob@example.com")).build());

        inHostTransaction(true, () -> {
            acme.contacts().update(bob.id(), AttributeChanges.builder().set("name", "Bob").build());
            assertThatThrownBy(() -> acme.contacts().update(bob.id(), AttributeChanges.builder()
                    .set("emails", List.of("bob@example.com", "taken@example.com")).build())).isInstanceOf(ConflictException.class);
        });

        EntityManager em = emf.createEntityManager();
        try {
            assertThat(stored(em)).as("the host's own write").isEqualTo(1);
        } finally {
            em.close();
        }
        Contact end = acme.contacts().get(bob.id());
        assertThat(end.name()).as("the SDK's successful call").isEqualTo("Bob");
        assertThat(end.emails()).as("the failed call left nothing").containsExactly("bob@example.com");
    }

    @Test
    void eachCallIsOneTransactionWithFewStatements() throws SQLException {
        open(10);
        Contact ada = acme.contacts().create(AttributeChanges.builder().set("name", "Ada").set("emails", List.of("ada@example.com"))
                .set("tags", List.of("vip")).build());
        for (int i = 0; i < 30; i++) {
            acme.contacts().create(AttributeChanges.builder().set("name", "C" + i).set("emails", List.of("c" + i + "@example.com")).build());
        }
        acme.contacts().count(Filter.all()); // warms the caches (attribute catalog)
        List<String> lines = new ArrayList<>();

        dataSource.reset();
        acme.contacts().update(ada.id(), AttributeChanges.builder().set("city", "London").build());
        lines.add(line("update(id, changes)"));
        int updateConnections = dataSource.connectionsTaken.get();
        int updateStatements = dataSource.statements.get();

        dataSource.reset();
        acme.contacts().find(dev.contacts.query.Query.of(Filter.attr("tags").isNot("x")).withSort(dev.contacts.query.Sort.asc("name"))
                .withPageSize(20));
        lines.add(line("find (first page of 20, by name)"));
        int findConnections = dataSource.connectionsTaken.get();
        int findStatements = dataSource.statements.get();

        dataSource.reset();
        acme.contacts().count(Filter.attr("tags").is("vip"));
        lines.add(line("count"));
        int countConnections = dataSource.connectionsTaken.get();
        int countStatements = dataSource.statements.get();

        dataSource.reset();
        acme.timeline().page(ada.id(), 20);
        lines.add(line("timeline page"));
        int timelineConnections = dataSource.connectionsTaken.get();

        LOG.info("statements per SDK call on {}:\n  {}", TestDatabase.NAME, String.join("\n  ", lines));
        assertThat(List.of(updateConnections, findConnections, countConnections, timelineConnections)).as("one connection per call")
                .containsOnly(1);
        assertThat(updateStatements).as("update(id, changes) of one column").isLessThanOrEqualTo(4);
        assertThat(findStatements).as("a first page").isLessThanOrEqualTo(2);
        assertThat(countStatements).as("a count").isEqualTo(1);
    }

    private String line(String call) {
        return call + ": " + dataSource.statements.get() + " statements, " + dataSource.connectionsTaken.get() + " connection(s)";
    }

    @Test
    void aClosedSdkOrStoreRefusesCalls() throws SQLException {
        open(10);
        store.close();
        assertThatThrownBy(() -> acme.contacts().count(Filter.all())).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        sdk.close();
        assertThatThrownBy(() -> acme.contacts().count(Filter.all())).isInstanceOf(ContactsClosedException.class);
    }
}

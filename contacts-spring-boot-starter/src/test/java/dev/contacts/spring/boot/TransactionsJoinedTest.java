package dev.contacts.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.Contacts;
import dev.contacts.filter.Filter;
import dev.contacts.jpa.JpaStore;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.spi.ContactStore;
import jakarta.persistence.EntityManager;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SDK calls inside a Spring-managed transaction commit or roll back with the host's own JPA
 * writes; outside one, each SDK call commits on its own. On the database of
 * {@code -Dcontacts.starter.database}, with Hibernate creating the host's tables
 * ({@code ddl-auto=create}) and the SDK its own ({@code contacts.schema=create}).
 */
@SpringBootTest(classes = TransactionsJoinedTest.App.class, properties = {
        "contacts.schema=create", "spring.jpa.hibernate.ddl-auto=create"})
@DirtiesContext
class TransactionsJoinedTest {

    /** No component scan: the starter's configuration classes live in this test's package. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({StarterDatabase.class, HelpdeskService.class, FailingHelpdesk.class})
    static class App {
    }

    /** The example service, then a failure of the host after every write. */
    @Service
    static class FailingHelpdesk {
        private final HelpdeskService helpdesk;

        FailingHelpdesk(HelpdeskService helpdesk) {
            this.helpdesk = helpdesk;
        }

        @Transactional
        public void orderOpenTicketThenFail(String email) {
            helpdesk.orderAndOpenTicket(email, "Ada", "Where is my order?");
            throw new IllegalStateException("the host fails after its own write, the upsert and the ticket");
        }
    }

    @Autowired
    Contacts contacts;
    @Autowired
    ContactStore store;
    @Autowired
    HelpdeskService helpdesk;
    @Autowired
    FailingHelpdesk failing;
    @Autowired
    EntityManager entityManager;
    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void emptyProperty() {
        contacts.deleteProperty(dev.contacts.model.PropertyId.of("acme"));
        contacts.createProperty(Property.of("acme", "ACME", ZoneId.of("Europe/Paris")));
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                entityManager.createQuery("delete from HostOrder").executeUpdate());
    }

    private long orders() {
        return new TransactionTemplate(transactionManager).execute(status ->
                entityManager.createQuery("select count(o) from HostOrder o", Long.class).getSingleResult());
    }

    private long contactsCount() {
        return contacts.property("acme").contacts().count(Filter.all());
    }

    private int tickets() {
        return contacts.property("acme").tickets().list(0, 100).size();
    }

    @Test
    void theStoreIsAJpaStoreWhoseCallsRollBackWithATransactionTemplate() {
        assertThat(store).isInstanceOf(JpaStore.class);
        var acme = contacts.property("acme");
        var ada = AttributeChanges.builder().set("name", "Ada").build();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            acme.contacts().upsertByEmail("ada@example.com", ada);
            throw new IllegalStateException("the host fails after the SDK call");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(contactsCount()).isZero();
        transactions.executeWithoutResult(status -> acme.contacts().upsertByEmail("ada@example.com", ada));
        assertThat(contactsCount()).isEqualTo(1);
    }

    @Test
    void aRolledBackServiceMethodLeavesNeitherTheHostsEntityNorTheContactNorTheTicket() {
        assertThat(store).isInstanceOf(JpaStore.class);
        assertThatThrownBy(() -> failing.orderOpenTicketThenFail("ada@example.com"))
                .isInstanceOf(IllegalStateException.class);

        assertThat(orders()).isZero();
        assertThat(contactsCount()).isZero();
        assertThat(tickets()).isZero();
    }

    @Test
    void theSameMethodWithoutAFailureCommitsAllThree() {
        var ticket = helpdesk.orderAndOpenTicket("ada@example.com", "Ada", "Where is my order?");

        assertThat(orders()).isEqualTo(1);
        assertThat(contactsCount()).isEqualTo(1);
        assertThat(tickets()).isEqualTo(1);
        assertThat(contacts.property("acme").tickets().get(ticket.id()).subject()).isEqualTo("Where is my order?");
    }

    @Test
    void outsideAnyTransactionEachSdkCallCommitsOnItsOwn() {
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
        contacts.property("acme").contacts().upsertByEmail("ada@example.com", AttributeChanges.builder().set("name", "Ada").build());

        // a transaction that only reads and then rolls back still sees it: it was committed
        TransactionTemplate rolledBack = new TransactionTemplate(transactionManager);
        long seen = rolledBack.execute(status -> {
            status.setRollbackOnly();
            return contactsCount();
        });
        assertThat(seen).isEqualTo(1);
        assertThat(contactsCount()).isEqualTo(1);
    }

    @Test
    void anSdkCallInARequiresNewTransactionCommitsEvenWhenTheOuterOneRollsBack() {
        TransactionTemplate outer = new TransactionTemplate(transactionManager);
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            entityManager.persist(new HostOrder("ada@example.com"));
            inner.executeWithoutResult(s -> contacts.property("acme").contacts()
                    .upsertByEmail("ada@example.com", AttributeChanges.builder().set("name", "Ada").build()));
            throw new IllegalStateException("the outer transaction fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(orders()).isZero();
        assertThat(contactsCount()).isEqualTo(1);
    }

    @Test
    void anSdkCallInAnInnerRequiredTransactionRollsBackWithTheOuterOne() {
        TransactionTemplate outer = new TransactionTemplate(transactionManager);
        TransactionTemplate inner = new TransactionTemplate(transactionManager); // PROPAGATION_REQUIRED: joins

        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            inner.executeWithoutResult(s -> contacts.property("acme").contacts()
                    .upsertByEmail("ada@example.com", AttributeChanges.builder().set("name", "Ada").build()));
            throw new IllegalStateException("the outer transaction fails after the inner one returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(contactsCount()).isZero();
    }

    @Test
    void aSegmentCountTakenBeforeTheSpringTransactionCommitsIsNotServedAfterIt() throws Exception {
        var segments = contacts.property("acme").segments();
        segments.save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                contacts.property("acme").contacts().upsertByEmail("ada@example.com", AttributeChanges.builder().set("name", "Ada").build());
                // another thread lists the segments before the commit: it counts no contact, and that count is cached
                try {
                    assertThat(other.submit(() -> segments.list(Target.CONTACT).get(0).count())
                            .get(30, TimeUnit.SECONDS)).hasValue(0L);
                } catch (Exception e) {
                    throw new AssertionError("the other thread's count did not finish", e);
                }
            });
        } finally {
            other.shutdownNow();
        }

        assertThat(segments.list(Target.CONTACT).get(0).count()).as("the commit dropped the cached count")
                .hasValue(1L);
    }
}

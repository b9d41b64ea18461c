package dev.contacts.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.Contacts;
import dev.contacts.filter.Filter;
import dev.contacts.jpa.JpaStore;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Property;
import dev.contacts.spi.ContactStore;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** The skeleton's promise: one Contacts bean on the application's H2 persistence unit, joining Spring transactions. */
@SpringBootTest(classes = StarterSmokeTest.App.class, properties = {
        "contacts.schema=create", "spring.datasource.url=jdbc:h2:mem:starter-smoke;DB_CLOSE_DELAY=-1"})
class StarterSmokeTest {

    /** No component scan: the starter's configuration classes live in this test's package. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Autowired
    Contacts contacts;
    @Autowired
    ContactStore store;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aJpaStoreOnTheApplicationsFactoryWhoseCallsRollBackWithTheSpringTransaction() {
        assertThat(store).isInstanceOf(JpaStore.class);
        contacts.createPropertyIfAbsent(Property.of("acme", "ACME", ZoneId.of("Europe/Paris")));
        var acme = contacts.property("acme");
        var ada = AttributeChanges.builder().set("name", "Ada").build();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            acme.contacts().upsertByEmail("ada@example.com", ada);
            throw new IllegalStateException("the host fails after the SDK call");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(acme.contacts().count(Filter.all())).isZero();

        transactions.executeWithoutResult(status -> acme.contacts().upsertByEmail("ada@example.com", ada));
        assertThat(acme.contacts().count(Filter.all())).isEqualTo(1);
    }
}

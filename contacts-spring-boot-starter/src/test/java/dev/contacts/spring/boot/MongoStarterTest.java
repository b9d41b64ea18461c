package dev.contacts.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.contacts.Contacts;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Property;
import dev.contacts.mongo.MongoStore;
import dev.contacts.spi.ContactStore;
import java.time.ZoneId;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

/** With a {@link MongoClient} bean and no JPA, the SDK runs on the MongoDB store, in {@code contacts.mongo.database}. */
@SpringBootTest(classes = MongoStarterTest.App.class, properties = {
        "contacts.mongo.database=helpdesk",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@DirtiesContext
class MongoStarterTest {

    /** An in-process MongoDB (mongo-java-server) and the application's client of it. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean(destroyMethod = "shutdownNow")
        MongoServer mongoServer() {
            return new MongoServer(new MemoryBackend());
        }

        @Bean(destroyMethod = "close")
        MongoClient mongoClient(MongoServer server) {
            return MongoClients.create(server.bindAndGetConnectionString());
        }
    }

    @Autowired
    ContactStore store;
    @Autowired
    Contacts contacts;
    @Autowired
    MongoClient client;

    @Test
    void theMongoStoreOnTheConfiguredDatabase() {
        assertThat(store).isInstanceOf(MongoStore.class);
        contacts.createPropertyIfAbsent(Property.of("acme", "ACME", ZoneId.of("UTC")));
        var acme = contacts.property("acme");
        acme.contacts().upsertByEmail("ada@example.com", AttributeChanges.builder().set("name", "Ada").build());

        assertThat(acme.contacts().count(Filter.all())).isEqualTo(1);
        assertThat(client.listDatabaseNames().into(new ArrayList<>())).contains("helpdesk");
        assertThat(client.getDatabase("helpdesk").listCollectionNames().into(new ArrayList<>())).isNotEmpty();
    }
}

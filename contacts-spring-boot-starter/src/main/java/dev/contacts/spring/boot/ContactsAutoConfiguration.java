package dev.contacts.spring.boot;

import dev.contacts.Contacts;
import dev.contacts.inmemory.InMemoryStore;
import dev.contacts.jpa.ContactsSchemaFilterProvider;
import dev.contacts.jpa.JpaStore;
import dev.contacts.jpa.SchemaMode;
import dev.contacts.jpa.TransactionBinding;
import dev.contacts.mongo.MongoStore;
import dev.contacts.spi.ContactStore;
import com.mongodb.client.MongoClient;
import jakarta.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of one {@link Contacts} bean on the store the application already has:
 * its JPA {@link EntityManagerFactory} (a {@link JpaStore} taking part in Spring-managed
 * transactions), else its {@link MongoClient} (a {@link MongoStore} on
 * {@code contacts.mongo.database}), else the in-memory store with a start-up warning (data
 * lives only as long as the application). Every bean is {@code @ConditionalOnMissingBean}:
 * an application that defines its own {@link ContactStore}, {@link TransactionBinding} or
 * {@link Contacts} keeps it.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration"})
@EnableConfigurationProperties(ContactsProperties.class)
@Import({ContactsAutoConfiguration.JpaEntitiesConfiguration.class,
        ContactsAutoConfiguration.JpaStoreConfiguration.class,
        ContactsAutoConfiguration.MongoStoreConfiguration.class,
        ContactsAutoConfiguration.InMemoryStoreConfiguration.class})
public class ContactsAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ContactsAutoConfiguration.class);

    /** Creates the auto-configuration (Spring calls it). */
    public ContactsAutoConfiguration() {
    }

    /**
     * @param store the store chosen below, or the application's own
     * @return the SDK's entry point, closed with the application context (the store bean
     *         is closed by the context on its own)
     */
    @Bean
    @ConditionalOnMissingBean
    public Contacts contacts(ContactStore store) {
        return Contacts.builder().store(store).build();
    }

    /**
     * Adds the SDK's entity classes to the persistence unit Spring Boot builds for the
     * application, and keeps the SDK's tables out of Hibernate's schema tool
     * ({@code spring.jpa.hibernate.ddl-auto}): they are the SDK's, created and checked from
     * its own SQL files ({@code contacts.schema}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JpaStore.class, EntityManagerFactoryBuilderCustomizer.class})
    static class JpaEntitiesConfiguration {

        @Bean
        EntityManagerFactoryBuilderCustomizer contactsEntityClasses() {
            return builder -> builder.addPersistenceUnitPostProcessors(unit ->
                    JpaStore.entityClasses().forEach(type -> unit.addManagedClassName(type.getName())));
        }

        @Bean
        @ConditionalOnClass(HibernatePropertiesCustomizer.class)
        HibernatePropertiesCustomizer contactsSchemaFilter() {
            return properties -> properties.putIfAbsent("hibernate.hbm2ddl.schema_filter_provider",
                    ContactsSchemaFilterProvider.class.getName());
        }
    }

    /** The JPA store on the application's entity manager factory. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JpaStore.class, EntityManagerFactory.class})
    @ConditionalOnBean(EntityManagerFactory.class)
    static class JpaStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TransactionBinding contactsTransactionBinding() {
            return new SpringTransactionBinding();
        }

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(ContactStore.class)
        JpaStore contactsJpaStore(EntityManagerFactory entityManagerFactory, ContactsProperties properties,
                                  TransactionBinding binding) {
            SchemaMode schema = SchemaMode.valueOf(properties.schema().name());
            LOG.info("contacts: JPA store on the application's EntityManagerFactory (contacts.schema={})",
                    properties.schema().name().toLowerCase(java.util.Locale.ROOT));
            return JpaStore.create(entityManagerFactory, schema, binding);
        }
    }

    /** The MongoDB store on the application's client, when there is no entity manager factory. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MongoStore.class, MongoClient.class})
    @ConditionalOnBean(MongoClient.class)
    @ConditionalOnMissingBean(value = ContactStore.class, type = "jakarta.persistence.EntityManagerFactory")
    static class MongoStoreConfiguration {

        @Bean(destroyMethod = "close")
        MongoStore contactsMongoStore(MongoClient client, ContactsProperties properties) {
            LOG.info("contacts: MongoDB store on database '{}'", properties.mongo().database());
            return MongoStore.create(client, properties.mongo().database());
        }
    }

    /** The in-memory store, when the application has neither JPA nor MongoDB. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(value = ContactStore.class,
            type = {"jakarta.persistence.EntityManagerFactory", "com.mongodb.client.MongoClient"})
    static class InMemoryStoreConfiguration {

        @Bean(destroyMethod = "close")
        InMemoryStore contactsInMemoryStore() {
            LOG.warn("contacts: no EntityManagerFactory or MongoClient bean found; using the in-memory store, "
                    + "whose data is lost when the application stops. Add spring-boot-starter-data-jpa "
                    + "(and a database) or a MongoDB client to keep it.");
            return new InMemoryStore();
        }
    }
}

package dev.contacts.spring.boot;

import dev.contacts.Contacts;
import dev.contacts.DispatchReport;
import dev.contacts.host.BlobStore;
import dev.contacts.host.Directory;
import dev.contacts.host.Mailer;
import dev.contacts.host.OperationListener;
import dev.contacts.host.Telephony;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSender;
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
        "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration"})
@EnableConfigurationProperties(ContactsProperties.class)
@Import({ContactsAutoConfiguration.MailerConfiguration.class,
        ContactsAutoConfiguration.MetricsConfiguration.class,
        ContactsAutoConfiguration.HealthConfiguration.class,
        ContactsAutoConfiguration.JpaEntitiesConfiguration.class,
        ContactsAutoConfiguration.JpaStoreConfiguration.class,
        ContactsAutoConfiguration.MongoStoreConfiguration.class,
        ContactsAutoConfiguration.InMemoryStoreConfiguration.class})
public class ContactsAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ContactsAutoConfiguration.class);

    /** Creates the auto-configuration (Spring calls it). */
    public ContactsAutoConfiguration() {
    }

    /**
     * The SDK on the store, with the application's own host services when it defines them as
     * beans: {@link Directory}, {@link Telephony}, {@link Mailer} (else the one over
     * {@code JavaMailSender}, when there is one), {@link BlobStore} (else the store's own),
     * {@link Clock} (else the system's, UTC) and every {@link OperationListener} (metrics).
     *
     * @param store      the store chosen below, or the application's own
     * @param properties the {@code contacts.*} properties
     * @param directory  the application's agents and departments, if it defines them
     * @param telephony  the application's telephony provider, if any
     * @param mailer     the application's mailer, else the starter's over {@code JavaMailSender}, if any
     * @param blobStore  the application's blob store for attachments, if any
     * @param clock      the application's clock, if any
     * @param listeners  every operation listener of the context (the starter's metrics among them)
     * @return the SDK's entry point, closed with the application context (the store bean
     *         is closed by the context on its own)
     */
    @Bean
    @ConditionalOnMissingBean
    public Contacts contacts(ContactStore store, ContactsProperties properties, ObjectProvider<Directory> directory,
                             ObjectProvider<Telephony> telephony, ObjectProvider<Mailer> mailer,
                             ObjectProvider<BlobStore> blobStore, ObjectProvider<Clock> clock,
                             ObjectProvider<OperationListener> listeners) {
        Contacts.Builder builder = Contacts.builder().store(store);
        directory.ifUnique(builder::directory);
        telephony.ifUnique(builder::telephony);
        mailer.ifUnique(builder::mailer);
        blobStore.ifUnique(builder::blobStore);
        clock.ifUnique(builder::clock);
        List<OperationListener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            builder.operationListener(all.size() == 1 ? all.get(0) : (operation, elapsed, failure) ->
                    all.forEach(listener -> listener.completed(operation, elapsed, failure)));
        }
        String domain = properties.email().messageIdDomain();
        if (domain != null && !domain.isBlank()) {
            builder.messageIdDomain(domain.strip());
        }
        return builder.build();
    }

    /**
     * @param store the store bean
     * @return its type's simple name, as health details and metric tags show it
     */
    static String storeType(ContactStore store) {
        return store.getClass().getSimpleName();
    }

    /** The SDK's mailer over the application's {@code JavaMailSender} (spring-boot-starter-mail). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JavaMailSender.class, jakarta.mail.internet.MimeMessage.class})
    static class MailerConfiguration {

        @Bean
        @ConditionalOnBean(JavaMailSender.class)
        @ConditionalOnMissingBean(Mailer.class)
        JavaMailSenderMailer contactsMailer(JavaMailSender sender, ContactsProperties properties) {
            return new JavaMailSenderMailer(sender, properties.email().from());
        }
    }

    /** Micrometer meters, when the application has a {@code MeterRegistry}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ContactsMetrics contactsMetrics(MeterRegistry registry, ContactStore store) {
            return new ContactsMetrics(registry, storeType(store));
        }

        @Bean
        DispatchObserver contactsEmailMetrics(ContactsMetrics metrics) {
            return metrics::dispatched;
        }
    }

    /** The {@code contacts} health indicator, when Spring Boot's health support is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "contactsHealthIndicator")
        ContactsHealthIndicator contactsHealthIndicator(Contacts contacts, ContactStore store) {
            return new ContactsHealthIndicator(contacts, storeType(store));
        }
    }

    /**
     * Told of the report of every scheduled dispatch of the outbox (the starter's email
     * counters); a bean of this type is picked up by {@link ContactsEmailAutoConfiguration}.
     */
    interface DispatchObserver {
        /** @param report what one dispatch did */
        void dispatched(DispatchReport report);
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

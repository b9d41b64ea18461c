package dev.contacts.examples;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.FilterParser;
import dev.contacts.jpa.JpaStore;
import dev.contacts.jpa.SchemaMode;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Property;
import dev.contacts.spi.ContactStore;
import jakarta.persistence.EntityManagerFactory;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The SDK in the persistence unit the helpdesk already has: its entity classes are listed
 * beside the application's, and the store uses (and never closes) the application's
 * {@link EntityManagerFactory}.
 */
public final class OnYourEntityManagerFactory {
    private OnYourEntityManagerFactory() {
    }

    /**
     * @param args the JDBC URL of the application's database (default: an in-memory H2 database)
     */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "jdbc:h2:mem:helpdesk;DB_CLOSE_DELAY=-1", System.out);
    }

    /**
     * @param jdbcUrl the database
     * @param out     where to print what happens
     * @return how many contacts a second SDK on the same factory counts after the first one closed its store
     */
    public static long run(String jdbcUrl, PrintStream out) {
        // tag::jpa[]
        EntityManagerFactory emf = new HibernatePersistenceConfiguration("helpdesk")
                .managedClasses(JpaStore.entityClasses())                    // plus the application's own entities
                .jdbcUrl(jdbcUrl)
                .property("hibernate.jdbc.time_zone", "UTC")
                .createEntityManagerFactory();
        ContactStore store = JpaStore.create(emf, SchemaMode.CREATE);       // or VALIDATE with Flyway/Liquibase scripts
        Contacts sdk = Contacts.builder().store(store).build();
        sdk.createProperty(Property.of("acme", "ACME support", ZoneId.of("Europe/Paris")));
        PropertyContacts acme = sdk.property("acme");
        acme.contacts().create(AttributeChanges.builder().set("name", "Ada").set("emails", List.of("ada@example.com"))
                .set("tags", List.of("vip")).build());
        long vips = acme.contacts().count(FilterParser.parse("tags is \"vip\""));
        store.close();                                                      // the factory stays open
        // end::jpa[]
        try (ContactStore again = JpaStore.create(emf)) {                   // validates the schema the first one created
            long count = Contacts.builder().store(again).build().property("acme").contacts().count(FilterParser.parse("all"));
            out.println("vips: " + vips + ", contacts seen through the same factory: " + count);
            return count;
        } finally {
            emf.close();
        }
    }
}

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
 * The SDK on the JPA persistence unit the helpdesk already has: the store's entity classes
 * join the application's own, the factory and its pool stay the application's.
 */
public final class OnYourEntityManagerFactory {
    private OnYourEntityManagerFactory() {
    }

    /**
     * @param args a JDBC URL (default: an in-memory H2 database), then optionally user and password
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "jdbc:h2:mem:helpdesk;DB_CLOSE_DELAY=-1";
        run(url, args.length > 1 ? args[1] : null, args.length > 2 ? args[2] : null, System.out);
    }

    /**
     * @param url      a JDBC URL of H2, PostgreSQL or MariaDB
     * @param user     the user, or null
     * @param password the password, or null
     * @param out      where to print what happens
     * @return the number of VIP contacts, read back through a second store on the same factory
     */
    public static long run(String url, String user, String password, PrintStream out) {
        // tag::jpa[]
        HibernatePersistenceConfiguration unit = new HibernatePersistenceConfiguration("helpdesk")
                .managedClasses(JpaStore.entityClasses())           // plus your own entities
                .jdbcUrl(url)
                .property("hibernate.jdbc.time_zone", "UTC");
        if (user != null) {
            unit.jdbcUsername(user).jdbcPassword(password);
        }
        EntityManagerFactory emf = unit.createEntityManagerFactory();
        ContactStore store = JpaStore.create(emf, SchemaMode.CREATE); // applies the SQL files the database lacks
        Contacts sdk = Contacts.builder().store(store).build();
        sdk.createProperty(Property.of("acme", "ACME support", ZoneId.of("Europe/Paris")));
        PropertyContacts acme = sdk.property("acme");
        acme.contacts().upsertByEmail("ada@example.com",
                AttributeChanges.builder().set("name", "Ada").set("tags", List.of("vip")).build());
        store.close();                                                // your factory stays open
        // end::jpa[]
        ContactStore again = JpaStore.create(emf);                    // SchemaMode.VALIDATE: checks the mapping
        long vips = Contacts.builder().store(again).build().property("acme").contacts().count(FilterParser.parse("tags is \"vip\""));
        out.println("vips: " + vips + ", factory open: " + emf.isOpen());
        again.close();
        emf.close();
        return vips;
    }
}

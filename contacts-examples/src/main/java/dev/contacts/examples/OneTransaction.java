package dev.contacts.examples;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.Filter;
import dev.contacts.jpa.JpaStore;
import dev.contacts.jpa.SchemaMode;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Property;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.PrintStream;
import java.time.ZoneId;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * SDK calls and the application's own JPA writes in one transaction: when the application
 * rolls back, neither its entity nor the SDK's contact, ticket and queued email remain.
 */
public final class OneTransaction {
    private OneTransaction() {
    }

    /**
     * @param args a JDBC URL (default: an in-memory H2 database)
     */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "jdbc:h2:mem:one-transaction;DB_CLOSE_DELAY=-1", System.out);
    }

    /**
     * @param url a JDBC URL of H2, PostgreSQL or MariaDB (user and password in the URL)
     * @param out where to print what remains
     * @return how many support cases, contacts and tickets remain after the rollback (all three: 0)
     */
    public static long run(String url, PrintStream out) {
        EntityManagerFactory emf = new HibernatePersistenceConfiguration("helpdesk")
                .managedClasses(JpaStore.entityClasses()).managedClasses(SupportCase.class)
                .jdbcUrl(url).property("hibernate.jdbc.time_zone", "UTC").createEntityManagerFactory();
        JpaStore store = JpaStore.create(emf, SchemaMode.CREATE);
        emf.runInTransaction(em -> em.createNativeQuery("CREATE TABLE support_case (id BIGINT PRIMARY KEY, title VARCHAR(200))")
                .executeUpdate()); // your migrations create your tables
        Contacts sdk = Contacts.builder().store(store).build();
        sdk.createProperty(Property.of("acme", "ACME support", ZoneId.of("Europe/Paris")));
        PropertyContacts acme = sdk.property("acme");
        AttributeChanges changes = AttributeChanges.builder().set("name", "Ada").build();

        // tag::transaction[]
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        em.persist(new SupportCase(42, "Refund for Ada"));                        // your own entity
        try (JpaStore.Joined joined = store.join(em)) {                           // SDK calls join your transaction
            Contact ada = acme.contacts().upsertByEmail("ada@example.com", changes).contact();
            acme.tickets().create(NewTicket.builder(ada.id(), "ada@example.com").subject("Refund").body("On its way.").build());
        }
        em.getTransaction().rollback();                                           // the case, Ada and her ticket: all gone
        em.close();
        // end::transaction[]

        long cases = emf.callInTransaction(e -> e.createQuery("select count(c) from SupportCase c", Long.class).getSingleResult());
        long contacts = acme.contacts().count(Filter.all());
        long tickets = acme.tickets().list(0, 10).size();
        out.println("after the rollback: " + cases + " cases, " + contacts + " contacts, " + tickets + " tickets");
        sdk.close();
        store.close();
        emf.close();
        return cases + contacts + tickets;
    }
}

package dev.contacts.spring.boot;

import dev.contacts.Contacts;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Ticket;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The README's example: a Spring service whose own JPA write and SDK calls commit or roll back together. */
// tag::service[]
@Service
public class HelpdeskService {
    private final EntityManager entityManager;
    private final Contacts contacts;
    public HelpdeskService(EntityManager entityManager, Contacts contacts) {
        this.entityManager = entityManager;
        this.contacts = contacts;
    }
    @Transactional // one transaction: the order, the contact and the ticket, or none of them
    public Ticket orderAndOpenTicket(String email, String name, String subject) {
        entityManager.persist(new HostOrder(email));
        var acme = contacts.property("acme");
        var contact = acme.contacts().upsertByEmail(email, AttributeChanges.builder().set("name", name).build()).contact();
        return acme.tickets().create(NewTicket.builder(contact.id(), email).subject(subject).body("Thanks!").build());
    }
}
// end::service[]

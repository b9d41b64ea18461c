package dev.contacts.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity of the host application itself, in the same persistence unit as the store's. */
@Entity
@Table(name = "host_order")
public class HostOrderEntity {
    @Id
    @Column(name = "id", nullable = false)
    private Long id;

    @Column(name = "customer_email")
    private String customerEmail;

    /** For Hibernate. */
    protected HostOrderEntity() {
    }

    HostOrderEntity(long id, String customerEmail) {
        this.id = id;
        this.customerEmail = customerEmail;
    }
}

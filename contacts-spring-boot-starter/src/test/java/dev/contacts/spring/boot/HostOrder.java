package dev.contacts.spring.boot;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity of the host application, in the same database and transaction as the SDK's tables. */
@Entity
@Table(name = "host_order")
public class HostOrder {
    @Id
    @GeneratedValue
    Long id;
    String customerEmail;

    /** For JPA. */
    protected HostOrder() {
    }

    /** @param customerEmail who ordered */
    public HostOrder(String customerEmail) {
        this.customerEmail = customerEmail;
    }
}

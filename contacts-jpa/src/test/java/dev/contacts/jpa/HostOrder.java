package dev.contacts.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity of a host application, written in the same transaction as SDK calls by {@link HostTransactionTest}. */
@Entity
@Table(name = "host_order")
public class HostOrder {
    @Id
    private long id;
    private String customer;

    /** For JPA. */
    protected HostOrder() {
    }

    HostOrder(long id, String customer) {
        this.id = id;
        this.customer = customer;
    }

    String customer() {
        return customer;
    }
}

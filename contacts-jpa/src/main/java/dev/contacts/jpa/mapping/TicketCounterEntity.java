package dev.contacts.jpa.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The table {@code ticket_counter}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "ticket_counter")
public class TicketCounterEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Column(name = "last_number", nullable = false)
    private Long lastNumber;

    /** For Hibernate. */
    protected TicketCounterEntity() {
    }
}

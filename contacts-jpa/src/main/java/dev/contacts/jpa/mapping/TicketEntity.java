package dev.contacts.jpa.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * The table {@code ticket}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "ticket")
@IdClass(TicketEntity.Key.class)
public class TicketEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "version", nullable = false)
    private Long version;

    @Column(name = "ticket_number", nullable = false)
    private Long ticketNumber;

    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    @Column(name = "to_address", nullable = false)
    private String toAddress;

    @Column(name = "subject", nullable = false)
    private String subject;

    @Column(name = "assignee_kind")
    private String assigneeKind;

    @Column(name = "assignee_id")
    private String assigneeId;

    @Column(name = "priority", nullable = false)
    private String priority;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "tags")
    private String tags;

    @Column(name = "created", nullable = false)
    private Instant created;

    @Column(name = "updated", nullable = false)
    private Instant updated;

    /** For Hibernate. */
    protected TicketEntity() {
    }

    /**
     * The primary key.
     *
     * @param propertyId propertyId
     * @param id id
     * @serial exclude (Serializable only because JPA requires it of an id class)
     */
    public record Key(String propertyId, UUID id) implements Serializable {
    }
}

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
 * The table {@code ticket_message}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "ticket_message")
@IdClass(TicketMessageEntity.Key.class)
public class TicketMessageEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "ticket_id", nullable = false)
    private UUID ticketId;

    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    @Column(name = "seq", nullable = false)
    private Long seq;

    @Column(name = "sender", nullable = false)
    private String sender;

    @Column(name = "agent_id")
    private String agentId;

    @Column(name = "contact_address", nullable = false)
    private String contactAddress;

    @Column(name = "subject", nullable = false)
    private String subject;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "in_reply_to")
    private String inReplyTo;

    @Column(name = "refs")
    private String refs;

    @Column(name = "attachments")
    private String attachments;

    @Column(name = "created", nullable = false)
    private Instant created;

    /** For Hibernate. */
    protected TicketMessageEntity() {
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

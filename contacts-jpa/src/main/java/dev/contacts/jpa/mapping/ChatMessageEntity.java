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
 * The table {@code chat_message}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "chat_message")
@IdClass(ChatMessageEntity.Key.class)
public class ChatMessageEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Id
    @Column(name = "position", nullable = false)
    private Integer position;

    @Column(name = "author", nullable = false)
    private String author;

    @Column(name = "agent_id")
    private String agentId;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "sent", nullable = false)
    private Instant sent;

    /** For Hibernate. */
    protected ChatMessageEntity() {
    }

    /**
     * The primary key.
     *
     * @param propertyId propertyId
     * @param eventId eventId
     * @param position position
     * @serial exclude (Serializable only because JPA requires it of an id class)
     */
    public record Key(String propertyId, UUID eventId, Integer position) implements Serializable {
    }
}

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
 * The table {@code note}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "note")
@IdClass(NoteEntity.Key.class)
public class NoteEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "organization_id")
    private UUID organizationId;

    @Column(name = "version", nullable = false)
    private Long version;

    @Column(name = "author", nullable = false)
    private String author;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "created", nullable = false)
    private Instant created;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "edited_by")
    private String editedBy;

    /** For Hibernate. */
    protected NoteEntity() {
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

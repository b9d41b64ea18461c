package dev.contacts.jpa.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * The table {@code contact_email}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "contact_email")
@IdClass(ContactEmailEntity.Key.class)
public class ContactEmailEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    @Id
    @Column(name = "position", nullable = false)
    private Integer position;

    @Column(name = "display", nullable = false)
    private String display;

    @Column(name = "fold", nullable = false)
    private String fold;

    /** For Hibernate. */
    protected ContactEmailEntity() {
    }

    /**
     * The primary key.
     *
     * @param propertyId propertyId
     * @param contactId contactId
     * @param position position
     * @serial exclude (Serializable only because JPA requires it of an id class)
     */
    public record Key(String propertyId, UUID contactId, Integer position) implements Serializable {
    }
}

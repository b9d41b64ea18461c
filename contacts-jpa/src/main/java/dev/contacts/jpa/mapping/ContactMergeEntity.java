package dev.contacts.jpa.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * The table {@code contact_merge}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "contact_merge")
@IdClass(ContactMergeEntity.Key.class)
public class ContactMergeEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "removed_id", nullable = false)
    private UUID removedId;

    @Column(name = "kept_id", nullable = false)
    private UUID keptId;

    @Column(name = "seq", nullable = false)
    private Long seq;

    /** For Hibernate. */
    protected ContactMergeEntity() {
    }

    /**
     * The primary key.
     *
     * @param propertyId propertyId
     * @param removedId removedId
     * @serial exclude (Serializable only because JPA requires it of an id class)
     */
    public record Key(String propertyId, UUID removedId) implements Serializable {
    }
}

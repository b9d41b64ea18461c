package dev.contacts.jpa.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * The table {@code attribute_definition}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "attribute_definition")
@IdClass(AttributeDefinitionEntity.Key.class)
public class AttributeDefinitionEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "target", nullable = false)
    private String target;

    @Id
    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "label", nullable = false)
    private String label;

    @Column(name = "type", nullable = false)
    private String type;

    @Column(name = "position", nullable = false)
    private Long position;

    /** For Hibernate. */
    protected AttributeDefinitionEntity() {
    }

    /**
     * The primary key.
     *
     * @param propertyId propertyId
     * @param target target
     * @param name name
     * @serial exclude (Serializable only because JPA requires it of an id class)
     */
    public record Key(String propertyId, String target, String name) implements Serializable {
    }
}

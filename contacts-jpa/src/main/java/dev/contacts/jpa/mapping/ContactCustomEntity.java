package dev.contacts.jpa.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The table {@code contact_custom}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "contact_custom")
@IdClass(ContactCustomEntity.Key.class)
public class ContactCustomEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    @Id
    @Column(name = "attr", nullable = false)
    private String attr;

    @Id
    @Column(name = "position", nullable = false)
    private Integer position;

    @Column(name = "kind", nullable = false)
    private String kind;

    @Column(name = "text_value")
    private String textValue;

    @Column(name = "text_fold")
    private String textFold;

    @Column(name = "number_value")
    private BigDecimal numberValue;

    @Column(name = "date_value")
    private Instant dateValue;

    @Column(name = "boolean_value")
    private Boolean booleanValue;

    /** For Hibernate. */
    protected ContactCustomEntity() {
    }

    /**
     * The primary key.
     *
     * @param propertyId propertyId
     * @param contactId contactId
     * @param attr attr
     * @param position position
     * @serial exclude (Serializable only because JPA requires it of an id class)
     */
    public record Key(String propertyId, UUID contactId, String attr, Integer position) implements Serializable {
    }
}

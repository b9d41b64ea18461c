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
 * The table {@code organization_custom}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "organization_custom")
@IdClass(OrganizationCustomEntity.Key.class)
public class OrganizationCustomEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

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
    protected OrganizationCustomEntity() {
    }

    /**
     * The primary key.
     *
     * @param propertyId propertyId
     * @param organizationId organizationId
     * @param attr attr
     * @param position position
     * @serial exclude (Serializable only because JPA requires it of an id class)
     */
    public record Key(String propertyId, UUID organizationId, String attr, Integer position) implements Serializable {
    }
}

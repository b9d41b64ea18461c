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
 * The table {@code organization}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "organization")
@IdClass(OrganizationEntity.Key.class)
public class OrganizationEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "version", nullable = false)
    private Long version;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "name_fold", nullable = false)
    private String nameFold;

    @Column(name = "phone")
    private String phone;

    @Column(name = "phone_fold")
    private String phoneFold;

    @Column(name = "country")
    private String country;

    @Column(name = "country_fold")
    private String countryFold;

    @Column(name = "city")
    private String city;

    @Column(name = "city_fold")
    private String cityFold;

    @Column(name = "region")
    private String region;

    @Column(name = "region_fold")
    private String regionFold;

    @Column(name = "contact_count", nullable = false)
    private Long contactCount;

    @Column(name = "created")
    private Instant created;

    @Column(name = "updated")
    private Instant updated;

    /** For Hibernate. */
    protected OrganizationEntity() {
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

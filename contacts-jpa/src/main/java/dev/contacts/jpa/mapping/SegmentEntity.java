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
 * The table {@code segment}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "segment")
@IdClass(SegmentEntity.Key.class)
public class SegmentEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "target", nullable = false)
    private String target;

    @Column(name = "version", nullable = false)
    private Long version;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "name_fold", nullable = false)
    private String nameFold;

    @Column(name = "filter_text", nullable = false)
    private String filterText;

    @Column(name = "columns_list", nullable = false)
    private String columnsList;

    @Column(name = "sort_order", nullable = false)
    private String sortOrder;

    @Column(name = "created", nullable = false)
    private Instant created;

    @Column(name = "updated", nullable = false)
    private Instant updated;

    /** For Hibernate. */
    protected SegmentEntity() {
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

package dev.contacts.jpa.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * The table {@code list_view}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "list_view")
@IdClass(ListViewEntity.Key.class)
public class ListViewEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "target", nullable = false)
    private String target;

    @Id
    @Column(name = "agent_key", nullable = false)
    private String agentKey;

    @Column(name = "columns_list", nullable = false)
    private String columnsList;

    @Column(name = "sort_order", nullable = false)
    private String sortOrder;

    /** For Hibernate. */
    protected ListViewEntity() {
    }

    /**
     * The primary key.
     *
     * @param propertyId propertyId
     * @param target target
     * @param agentKey agentKey
     * @serial exclude (Serializable only because JPA requires it of an id class)
     */
    public record Key(String propertyId, String target, String agentKey) implements Serializable {
    }
}

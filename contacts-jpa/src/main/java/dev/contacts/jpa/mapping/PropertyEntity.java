package dev.contacts.jpa.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The table {@code property}, mapped so that Hibernate can validate the schema
 * ({@code SchemaMode.VALIDATE}); the store reads and writes it with native SQL.
 */
@Entity
@Table(name = "property")
public class PropertyEntity {
    @Id
    @Column(name = "id", nullable = false)
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "zone", nullable = false)
    private String zone;

    /** For Hibernate. */
    protected PropertyEntity() {
    }
}

package dev.contacts.jpa.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * The table {@code attachment_blob} (schema version 4), mapped so that Hibernate can validate
 * the schema ({@code SchemaMode.VALIDATE}); {@code JdbcBlobStore} reads and writes it with
 * native SQL. The bytes map as variable binary, which Hibernate's validation accepts for
 * {@code VARBINARY} on H2, {@code bytea} on PostgreSQL and {@code LONGBLOB} on MariaDB (a
 * {@code @Lob} would ask for PostgreSQL's {@code oid} large objects).
 */
@Entity
@Table(name = "attachment_blob")
@IdClass(AttachmentBlobEntity.Key.class)
public class AttachmentBlobEntity {
    @Id
    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Id
    @Column(name = "blob_key", nullable = false)
    private String blobKey;

    @Column(name = "content", nullable = false)
    private byte[] content;

    /** For Hibernate. */
    protected AttachmentBlobEntity() {
    }

    /**
     * The primary key.
     *
     * @param propertyId propertyId
     * @param blobKey blobKey
     * @serial exclude (Serializable only because JPA requires it of an id class)
     */
    public record Key(String propertyId, String blobKey) implements Serializable {
    }
}

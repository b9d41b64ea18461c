-- contacts SDK schema, version 4, H2: the bytes of ticket attachments (JdbcBlobStore, the
-- JPA store's default blob store), in the database beside the tickets that refer to them.

-- One row per blob; the key is the SDK's (tickets/<property>/<ticket>/<message>/<n>) and the
-- property is its own column, so every query is scoped by it and deleting a property deletes
-- its attachments with it. The bytes are written and read as streams (H2's largest
-- VARBINARY; the JPA mapping validates it as PostgreSQL's bytea and MariaDB's LONGBLOB).
CREATE TABLE attachment_blob (
    property_id     VARCHAR(63)   NOT NULL,
    blob_key        VARCHAR(500)  NOT NULL,
    content         VARBINARY(1000000000) NOT NULL,
    CONSTRAINT pk_attachment_blob PRIMARY KEY (property_id, blob_key),
    CONSTRAINT fk_attachment_blob_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
);

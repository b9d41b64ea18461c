-- contacts SDK schema, version 4, PostgreSQL: the bytes of ticket attachments (JdbcBlobStore,
-- the JPA store's default blob store), in the database beside the tickets that refer to them.

-- One row per blob; the key is the SDK's (tickets/<property>/<ticket>/<message>/<n>) and the
-- property is its own column, so every query is scoped by it and deleting a property deletes
-- its attachments with it. The bytes are a bytea (TOASTed out of line), written and read as
-- streams; keys compare by code point ("C") so a prefix is an index range.
CREATE TABLE attachment_blob (
    property_id     VARCHAR(63) COLLATE "C" NOT NULL,
    blob_key        VARCHAR(500) COLLATE "C" NOT NULL,
    content         BYTEA         NOT NULL,
    CONSTRAINT pk_attachment_blob PRIMARY KEY (property_id, blob_key),
    CONSTRAINT fk_attachment_blob_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
);

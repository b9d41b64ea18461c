-- contacts SDK schema, version 4, MariaDB: the bytes of ticket attachments (JdbcBlobStore,
-- the JPA store's default blob store), in the database beside the tickets that refer to them.
-- A blob travels in one packet: max_allowed_packet (16 MiB by default) must exceed the
-- largest attachment (10 MiB by default, Contacts.builder().attachmentLimits(...)).

-- One row per blob; the key is the SDK's (tickets/<property>/<ticket>/<message>/<n>), printable
-- ASCII compared byte by byte, and the property is its own column, so every query is scoped by
-- it and deleting a property deletes its attachments with it. The bytes are a LONGBLOB,
-- written and read as streams.
CREATE TABLE attachment_blob (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    blob_key        VARCHAR(500) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    content         LONGBLOB      NOT NULL,
    CONSTRAINT pk_attachment_blob PRIMARY KEY (property_id, blob_key),
    CONSTRAINT fk_attachment_blob_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

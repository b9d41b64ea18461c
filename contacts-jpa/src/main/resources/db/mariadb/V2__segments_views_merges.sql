-- contacts SDK schema, version 2, MariaDB: saved segments, list views, pending contact merges.
-- The segment name fold is TEXT; its unique key is a hash unique key.

CREATE TABLE segment (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id              BINARY(16)          NOT NULL,
    target          VARCHAR(12)   NOT NULL,
    version         BIGINT        NOT NULL,
    name            TEXT NOT NULL,
    name_fold       TEXT NOT NULL,
    filter_text     MEDIUMTEXT NOT NULL,
    columns_list    MEDIUMTEXT NOT NULL,
    sort_order      VARCHAR(200)  NOT NULL,
    created         DATETIME(3) NOT NULL,
    updated         DATETIME(3) NOT NULL,
    CONSTRAINT pk_segment PRIMARY KEY (property_id, id),
    CONSTRAINT uq_segment_name UNIQUE (property_id, target, name_fold),
    CONSTRAINT fk_segment_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- agent_key is '' for the property's own view (an agent id is never blank)
CREATE TABLE list_view (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    target          VARCHAR(12)   NOT NULL,
    agent_key       VARCHAR(500) NOT NULL,
    columns_list    MEDIUMTEXT NOT NULL,
    sort_order      VARCHAR(200)  NOT NULL,
    CONSTRAINT pk_list_view PRIMARY KEY (property_id, target, agent_key),
    CONSTRAINT fk_list_view_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE contact_merge (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    removed_id      BINARY(16)          NOT NULL,
    kept_id         BINARY(16)          NOT NULL,
    seq             BIGINT        NOT NULL,
    CONSTRAINT pk_contact_merge PRIMARY KEY (property_id, removed_id),
    CONSTRAINT fk_contact_merge_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

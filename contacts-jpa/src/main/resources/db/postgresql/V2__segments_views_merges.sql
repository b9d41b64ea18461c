-- contacts SDK schema, version 2, PostgreSQL: saved segments, list views, pending contact merges.

CREATE TABLE segment (
    property_id     VARCHAR(63) COLLATE "C" NOT NULL,
    id              UUID          NOT NULL,
    target          VARCHAR(12)   NOT NULL,
    version         BIGINT        NOT NULL,
    name            VARCHAR(1000) NOT NULL,
    name_fold       VARCHAR(2000) COLLATE "C" NOT NULL,
    filter_text     TEXT NOT NULL,
    columns_list    TEXT NOT NULL,
    sort_order      VARCHAR(200)  NOT NULL,
    created         TIMESTAMPTZ(3) NOT NULL,
    updated         TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT pk_segment PRIMARY KEY (property_id, id),
    CONSTRAINT uq_segment_name UNIQUE (property_id, target, name_fold),
    CONSTRAINT fk_segment_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
);

-- agent_key is '' for the property's own view (an agent id is never blank)
CREATE TABLE list_view (
    property_id     VARCHAR(63) COLLATE "C" NOT NULL,
    target          VARCHAR(12)   NOT NULL,
    agent_key       VARCHAR(1000) COLLATE "C" NOT NULL,
    columns_list    TEXT NOT NULL,
    sort_order      VARCHAR(200)  NOT NULL,
    CONSTRAINT pk_list_view PRIMARY KEY (property_id, target, agent_key),
    CONSTRAINT fk_list_view_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
);

CREATE TABLE contact_merge (
    property_id     VARCHAR(63) COLLATE "C" NOT NULL,
    removed_id      UUID          NOT NULL,
    kept_id         UUID          NOT NULL,
    seq             BIGINT        NOT NULL,
    CONSTRAINT pk_contact_merge PRIMARY KEY (property_id, removed_id),
    CONSTRAINT fk_contact_merge_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
);

-- contacts SDK schema, version 1, MariaDB 10.6+.
-- Rules (contacts-jpa/README.md): property_id first in every key and index; text as the
-- display value plus its fold computed in Java (*_fold) in utf8mb4_nopad_bin (code-point
-- order, trailing spaces significant); ids BINARY(16) (unsigned byte order); dates
-- DATETIME(3) in UTC (TIMESTAMP cannot hold 1900); numbers DECIMAL(24,6). Folds of
-- single-valued text can reach 1000 characters, beyond InnoDB's 3072-byte key limit, so
-- their indexes cover the first 700 characters; the unique organization name is a hash
-- unique key.

CREATE TABLE property (
    id              VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name            TEXT NOT NULL,
    zone            VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_property PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE attribute_definition (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    target          VARCHAR(12)   NOT NULL,
    name            VARCHAR(60)   NOT NULL,
    label           TEXT NOT NULL,
    type            VARCHAR(10)   NOT NULL,
    position        BIGINT        NOT NULL,
    CONSTRAINT pk_attribute_definition PRIMARY KEY (property_id, target, name),
    CONSTRAINT fk_attribute_definition_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE organization (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id              BINARY(16)          NOT NULL,
    version         BIGINT        NOT NULL,
    name            TEXT NOT NULL,
    name_fold       TEXT NOT NULL,
    phone           TEXT,
    phone_fold      TEXT,
    country         TEXT,
    country_fold    TEXT,
    city            TEXT,
    city_fold       TEXT,
    region          TEXT,
    region_fold     TEXT,
    contact_count   BIGINT        NOT NULL,
    created         DATETIME(3),
    updated         DATETIME(3),
    CONSTRAINT pk_organization PRIMARY KEY (property_id, id),
    CONSTRAINT uq_organization_name UNIQUE (property_id, name_fold),
    CONSTRAINT fk_organization_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_organization_created ON organization (property_id, created, id);
CREATE INDEX ix_organization_updated ON organization (property_id, updated, id);
CREATE INDEX ix_organization_country ON organization (property_id, country_fold(700), id);

CREATE TABLE organization_domain (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    organization_id BINARY(16)          NOT NULL,
    position        INT           NOT NULL,
    display         VARCHAR(320) NOT NULL,
    fold            VARCHAR(640) NOT NULL,
    CONSTRAINT pk_organization_domain PRIMARY KEY (property_id, organization_id, position),
    CONSTRAINT fk_organization_domain_owner FOREIGN KEY (property_id, organization_id) REFERENCES organization (property_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_organization_domain_fold ON organization_domain (property_id, fold, organization_id);

CREATE TABLE organization_tag (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    organization_id BINARY(16)          NOT NULL,
    position        INT           NOT NULL,
    display         VARCHAR(320) NOT NULL,
    fold            VARCHAR(640) NOT NULL,
    CONSTRAINT pk_organization_tag PRIMARY KEY (property_id, organization_id, position),
    CONSTRAINT fk_organization_tag_owner FOREIGN KEY (property_id, organization_id) REFERENCES organization (property_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_organization_tag_fold ON organization_tag (property_id, fold, organization_id);

CREATE TABLE organization_custom (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    organization_id BINARY(16)          NOT NULL,
    attr            VARCHAR(60) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    position        INT           NOT NULL,
    kind            VARCHAR(1)    NOT NULL,
    text_value      TEXT,
    text_fold       TEXT,
    number_value    DECIMAL(24, 6),
    date_value      DATETIME(3),
    boolean_value   BOOLEAN,
    CONSTRAINT pk_organization_custom PRIMARY KEY (property_id, organization_id, attr, position),
    CONSTRAINT fk_organization_custom_owner FOREIGN KEY (property_id, organization_id) REFERENCES organization (property_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_organization_custom_text ON organization_custom (property_id, attr, text_fold(700), organization_id);
CREATE INDEX ix_organization_custom_number ON organization_custom (property_id, attr, number_value, organization_id);
CREATE INDEX ix_organization_custom_date ON organization_custom (property_id, attr, date_value, organization_id);
CREATE INDEX ix_organization_custom_boolean ON organization_custom (property_id, attr, boolean_value, organization_id);

CREATE TABLE contact (
    property_id         VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id                  BINARY(16)          NOT NULL,
    version             BIGINT        NOT NULL,
    name                TEXT,
    name_fold           TEXT,
    primary_email       TEXT,
    primary_email_fold  TEXT,
    primary_phone       TEXT,
    primary_phone_fold  TEXT,
    job_title           TEXT,
    job_title_fold      TEXT,
    facebook_url        TEXT,
    facebook_url_fold   TEXT,
    linkedin_url        TEXT,
    linkedin_url_fold   TEXT,
    twitter_handle      TEXT,
    twitter_handle_fold TEXT,
    instagram_handle    TEXT,
    instagram_handle_fold TEXT,
    country             TEXT,
    country_fold        TEXT,
    city                TEXT,
    city_fold           TEXT,
    region              TEXT,
    region_fold         TEXT,
    hostname            TEXT,
    hostname_fold       TEXT,
    ip                  TEXT,
    ip_fold             TEXT,
    os                  TEXT,
    os_fold             TEXT,
    browser             TEXT,
    browser_fold        TEXT,
    first_web_session   DATETIME(3),
    last_web_session    DATETIME(3),
    total_web_sessions  DECIMAL(24, 6),
    pages_viewed        DECIMAL(24, 6),
    time_spent          DECIMAL(24, 6),
    first_live_chat     DATETIME(3),
    last_live_chat      DATETIME(3),
    total_live_chats    DECIMAL(24, 6),
    first_ticket        DATETIME(3),
    last_ticket         DATETIME(3),
    total_tickets       DECIMAL(24, 6),
    created             DATETIME(3),
    updated             DATETIME(3),
    first_seen          DATETIME(3),
    last_seen           DATETIME(3),
    CONSTRAINT pk_contact PRIMARY KEY (property_id, id),
    CONSTRAINT fk_contact_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_contact_last_seen ON contact (property_id, last_seen, id);
CREATE INDEX ix_contact_first_seen ON contact (property_id, first_seen, id);
CREATE INDEX ix_contact_created ON contact (property_id, created, id);
CREATE INDEX ix_contact_updated ON contact (property_id, updated, id);
CREATE INDEX ix_contact_name ON contact (property_id, name_fold(700), id);
CREATE INDEX ix_contact_primary_email ON contact (property_id, primary_email_fold(700), id);
CREATE INDEX ix_contact_country ON contact (property_id, country_fold(700), id);
CREATE INDEX ix_contact_city ON contact (property_id, city_fold(700), id);

CREATE TABLE contact_email (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    contact_id      BINARY(16)          NOT NULL,
    position        INT           NOT NULL,
    display         VARCHAR(320) NOT NULL,
    fold            VARCHAR(640) NOT NULL,
    CONSTRAINT pk_contact_email PRIMARY KEY (property_id, contact_id, position),
    CONSTRAINT uq_contact_email_fold UNIQUE (property_id, fold),
    CONSTRAINT fk_contact_email_owner FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE contact_phone (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    contact_id      BINARY(16)          NOT NULL,
    position        INT           NOT NULL,
    display         VARCHAR(320) NOT NULL,
    fold            VARCHAR(640) NOT NULL,
    CONSTRAINT pk_contact_phone PRIMARY KEY (property_id, contact_id, position),
    CONSTRAINT fk_contact_phone_owner FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_contact_phone_fold ON contact_phone (property_id, fold, contact_id);

CREATE TABLE contact_tag (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    contact_id      BINARY(16)          NOT NULL,
    position        INT           NOT NULL,
    display         VARCHAR(320) NOT NULL,
    fold            VARCHAR(640) NOT NULL,
    CONSTRAINT pk_contact_tag PRIMARY KEY (property_id, contact_id, position),
    CONSTRAINT fk_contact_tag_owner FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_contact_tag_fold ON contact_tag (property_id, fold, contact_id);

CREATE TABLE contact_organization (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    contact_id      BINARY(16)          NOT NULL,
    organization_id BINARY(16)          NOT NULL,
    position        INT           NOT NULL,
    CONSTRAINT pk_contact_organization PRIMARY KEY (property_id, contact_id, organization_id),
    CONSTRAINT fk_contact_organization_owner FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_organization_organization FOREIGN KEY (property_id, organization_id) REFERENCES organization (property_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_contact_organization_organization ON contact_organization (property_id, organization_id, contact_id);

CREATE TABLE contact_custom (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    contact_id      BINARY(16)          NOT NULL,
    attr            VARCHAR(60) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    position        INT           NOT NULL,
    kind            VARCHAR(1)    NOT NULL,
    text_value      TEXT,
    text_fold       TEXT,
    number_value    DECIMAL(24, 6),
    date_value      DATETIME(3),
    boolean_value   BOOLEAN,
    CONSTRAINT pk_contact_custom PRIMARY KEY (property_id, contact_id, attr, position),
    CONSTRAINT fk_contact_custom_owner FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_contact_custom_text ON contact_custom (property_id, attr, text_fold(700), contact_id);
CREATE INDEX ix_contact_custom_number ON contact_custom (property_id, attr, number_value, contact_id);
CREATE INDEX ix_contact_custom_date ON contact_custom (property_id, attr, date_value, contact_id);
CREATE INDEX ix_contact_custom_boolean ON contact_custom (property_id, attr, boolean_value, contact_id);

CREATE TABLE ticket_counter (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    last_number     BIGINT        NOT NULL,
    CONSTRAINT pk_ticket_counter PRIMARY KEY (property_id),
    CONSTRAINT fk_ticket_counter_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ticket (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id              BINARY(16)          NOT NULL,
    version         BIGINT        NOT NULL,
    ticket_number   BIGINT        NOT NULL,
    contact_id      BINARY(16)          NOT NULL,
    to_address      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    assignee_kind   VARCHAR(12),
    assignee_id     TEXT,
    priority        VARCHAR(12)   NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    tags            MEDIUMTEXT,
    created         DATETIME(3) NOT NULL,
    updated         DATETIME(3) NOT NULL,
    CONSTRAINT pk_ticket PRIMARY KEY (property_id, id),
    CONSTRAINT uq_ticket_number UNIQUE (property_id, ticket_number),
    CONSTRAINT fk_ticket_contact FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_ticket_contact ON ticket (property_id, contact_id, ticket_number);

CREATE TABLE ticket_message (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id              BINARY(16)          NOT NULL,
    ticket_id       BINARY(16)          NOT NULL,
    contact_id      BINARY(16)          NOT NULL,
    seq             BIGINT        NOT NULL,
    sender          VARCHAR(12)   NOT NULL,
    agent_id        TEXT,
    contact_address TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            MEDIUMTEXT NOT NULL,
    message_id      VARCHAR(900) CHARACTER SET ascii COLLATE ascii_bin  NOT NULL,
    in_reply_to     VARCHAR(900) CHARACTER SET ascii COLLATE ascii_bin,
    refs            MEDIUMTEXT,
    attachments     MEDIUMTEXT,
    created         DATETIME(3) NOT NULL,
    CONSTRAINT pk_ticket_message PRIMARY KEY (property_id, id),
    CONSTRAINT uq_ticket_message_message_id UNIQUE (property_id, message_id),
    CONSTRAINT fk_ticket_message_ticket FOREIGN KEY (property_id, ticket_id) REFERENCES ticket (property_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_ticket_message_ticket ON ticket_message (property_id, ticket_id, seq);
CREATE INDEX ix_ticket_message_contact ON ticket_message (property_id, contact_id, created, id);

-- The outbox: one row per agent message, written in the same transaction as the message.
CREATE TABLE ticket_email (
    property_id     VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    message_id      BINARY(16)          NOT NULL,
    ticket_id       BINARY(16)          NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt    DATETIME(3),
    sent_at         DATETIME(3),
    last_error      MEDIUMTEXT,
    CONSTRAINT pk_ticket_email PRIMARY KEY (property_id, message_id),
    CONSTRAINT fk_ticket_email_message FOREIGN KEY (property_id, message_id) REFERENCES ticket_message (property_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_ticket_email_due ON ticket_email (property_id, status, next_attempt, message_id);

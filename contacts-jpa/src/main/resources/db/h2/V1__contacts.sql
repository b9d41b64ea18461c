-- contacts SDK schema, version 1, H2 2.x.
-- Rules (contacts-jpa/README.md): property_id first in every key and index; text as the
-- display value plus its fold computed in Java (*_fold); multi-valued and custom attributes
-- in narrow tables; dates with time zone in UTC; numbers DECIMAL(24,6).
-- H2 compares VARCHAR by UTF-16 units: the store declares StoreCapability.UTF16_TEXT_ORDER.

CREATE TABLE property (
    id              VARCHAR(63)   NOT NULL,
    name            VARCHAR(1000) NOT NULL,
    zone            VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_property PRIMARY KEY (id)
);

CREATE TABLE attribute_definition (
    property_id     VARCHAR(63)   NOT NULL,
    target          VARCHAR(12)   NOT NULL,
    name            VARCHAR(60)   NOT NULL,
    label           VARCHAR(1000) NOT NULL,
    type            VARCHAR(10)   NOT NULL,
    position        BIGINT        NOT NULL,
    CONSTRAINT pk_attribute_definition PRIMARY KEY (property_id, target, name),
    CONSTRAINT fk_attribute_definition_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
);

CREATE TABLE organization (
    property_id     VARCHAR(63)   NOT NULL,
    id              UUID          NOT NULL,
    version         BIGINT        NOT NULL,
    name            VARCHAR(1000) NOT NULL,
    name_fold       VARCHAR(2000) NOT NULL,
    phone           VARCHAR(1000),
    phone_fold      VARCHAR(2000),
    country         VARCHAR(1000),
    country_fold    VARCHAR(2000),
    city            VARCHAR(1000),
    city_fold       VARCHAR(2000),
    region          VARCHAR(1000),
    region_fold     VARCHAR(2000),
    contact_count   BIGINT        NOT NULL,
    created         TIMESTAMP(3) WITH TIME ZONE,
    updated         TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT pk_organization PRIMARY KEY (property_id, id),
    CONSTRAINT uq_organization_name UNIQUE (property_id, name_fold),
    CONSTRAINT fk_organization_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
);
CREATE INDEX ix_organization_created ON organization (property_id, created, id);
CREATE INDEX ix_organization_updated ON organization (property_id, updated, id);
CREATE INDEX ix_organization_country ON organization (property_id, country_fold, id);

CREATE TABLE organization_domain (
    property_id     VARCHAR(63)   NOT NULL,
    organization_id UUID          NOT NULL,
    position        INT           NOT NULL,
    display         VARCHAR(1000) NOT NULL,
    fold            VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_organization_domain PRIMARY KEY (property_id, organization_id, position),
    CONSTRAINT fk_organization_domain_owner FOREIGN KEY (property_id, organization_id) REFERENCES organization (property_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_organization_domain_fold ON organization_domain (property_id, fold, organization_id);

CREATE TABLE organization_tag (
    property_id     VARCHAR(63)   NOT NULL,
    organization_id UUID          NOT NULL,
    position        INT           NOT NULL,
    display         VARCHAR(1000) NOT NULL,
    fold            VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_organization_tag PRIMARY KEY (property_id, organization_id, position),
    CONSTRAINT fk_organization_tag_owner FOREIGN KEY (property_id, organization_id) REFERENCES organization (property_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_organization_tag_fold ON organization_tag (property_id, fold, organization_id);

CREATE TABLE organization_custom (
    property_id     VARCHAR(63)   NOT NULL,
    organization_id UUID          NOT NULL,
    attr            VARCHAR(60)   NOT NULL,
    position        INT           NOT NULL,
    kind            VARCHAR(1)    NOT NULL,
    text_value      VARCHAR(1000),
    text_fold       VARCHAR(2000),
    number_value    DECIMAL(24, 6),
    date_value      TIMESTAMP(3) WITH TIME ZONE,
    boolean_value   BOOLEAN,
    CONSTRAINT pk_organization_custom PRIMARY KEY (property_id, organization_id, attr, position),
    CONSTRAINT fk_organization_custom_owner FOREIGN KEY (property_id, organization_id) REFERENCES organization (property_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_organization_custom_text ON organization_custom (property_id, attr, text_fold, organization_id);
CREATE INDEX ix_organization_custom_number ON organization_custom (property_id, attr, number_value, organization_id);
CREATE INDEX ix_organization_custom_date ON organization_custom (property_id, attr, date_value, organization_id);
CREATE INDEX ix_organization_custom_boolean ON organization_custom (property_id, attr, boolean_value, organization_id);

CREATE TABLE contact (
    property_id         VARCHAR(63)   NOT NULL,
    id                  UUID          NOT NULL,
    version             BIGINT        NOT NULL,
    name                VARCHAR(1000),
    name_fold           VARCHAR(2000),
    primary_email       VARCHAR(1000),
    primary_email_fold  VARCHAR(2000),
    primary_phone       VARCHAR(1000),
    primary_phone_fold  VARCHAR(2000),
    job_title           VARCHAR(1000),
    job_title_fold      VARCHAR(2000),
    facebook_url        VARCHAR(1000),
    facebook_url_fold   VARCHAR(2000),
    linkedin_url        VARCHAR(1000),
    linkedin_url_fold   VARCHAR(2000),
    twitter_handle      VARCHAR(1000),
    twitter_handle_fold VARCHAR(2000),
    instagram_handle    VARCHAR(1000),
    instagram_handle_fold VARCHAR(2000),
    country             VARCHAR(1000),
    country_fold        VARCHAR(2000),
    city                VARCHAR(1000),
    city_fold           VARCHAR(2000),
    region              VARCHAR(1000),
    region_fold         VARCHAR(2000),
    hostname            VARCHAR(1000),
    hostname_fold       VARCHAR(2000),
    ip                  VARCHAR(1000),
    ip_fold             VARCHAR(2000),
    os                  VARCHAR(1000),
    os_fold             VARCHAR(2000),
    browser             VARCHAR(1000),
    browser_fold        VARCHAR(2000),
    first_web_session   TIMESTAMP(3) WITH TIME ZONE,
    last_web_session    TIMESTAMP(3) WITH TIME ZONE,
    total_web_sessions  DECIMAL(24, 6),
    pages_viewed        DECIMAL(24, 6),
    time_spent          DECIMAL(24, 6),
    first_live_chat     TIMESTAMP(3) WITH TIME ZONE,
    last_live_chat      TIMESTAMP(3) WITH TIME ZONE,
    total_live_chats    DECIMAL(24, 6),
    first_ticket        TIMESTAMP(3) WITH TIME ZONE,
    last_ticket         TIMESTAMP(3) WITH TIME ZONE,
    total_tickets       DECIMAL(24, 6),
    created             TIMESTAMP(3) WITH TIME ZONE,
    updated             TIMESTAMP(3) WITH TIME ZONE,
    first_seen          TIMESTAMP(3) WITH TIME ZONE,
    last_seen           TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT pk_contact PRIMARY KEY (property_id, id),
    CONSTRAINT fk_contact_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_last_seen ON contact (property_id, last_seen, id);
CREATE INDEX ix_contact_first_seen ON contact (property_id, first_seen, id);
CREATE INDEX ix_contact_created ON contact (property_id, created, id);
CREATE INDEX ix_contact_updated ON contact (property_id, updated, id);
CREATE INDEX ix_contact_name ON contact (property_id, name_fold, id);
CREATE INDEX ix_contact_primary_email ON contact (property_id, primary_email_fold, id);
CREATE INDEX ix_contact_country ON contact (property_id, country_fold, id);
CREATE INDEX ix_contact_city ON contact (property_id, city_fold, id);

CREATE TABLE contact_email (
    property_id     VARCHAR(63)   NOT NULL,
    contact_id      UUID          NOT NULL,
    position        INT           NOT NULL,
    display         VARCHAR(1000) NOT NULL,
    fold            VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_contact_email PRIMARY KEY (property_id, contact_id, position),
    CONSTRAINT uq_contact_email_fold UNIQUE (property_id, fold),
    CONSTRAINT fk_contact_email_owner FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE
);

CREATE TABLE contact_phone (
    property_id     VARCHAR(63)   NOT NULL,
    contact_id      UUID          NOT NULL,
    position        INT           NOT NULL,
    display         VARCHAR(1000) NOT NULL,
    fold            VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_contact_phone PRIMARY KEY (property_id, contact_id, position),
    CONSTRAINT fk_contact_phone_owner FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_phone_fold ON contact_phone (property_id, fold, contact_id);

CREATE TABLE contact_tag (
    property_id     VARCHAR(63)   NOT NULL,
    contact_id      UUID          NOT NULL,
    position        INT           NOT NULL,
    display         VARCHAR(1000) NOT NULL,
    fold            VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_contact_tag PRIMARY KEY (property_id, contact_id, position),
    CONSTRAINT fk_contact_tag_owner FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_tag_fold ON contact_tag (property_id, fold, contact_id);

CREATE TABLE contact_organization (
    property_id     VARCHAR(63)   NOT NULL,
    contact_id      UUID          NOT NULL,
    organization_id UUID          NOT NULL,
    position        INT           NOT NULL,
    CONSTRAINT pk_contact_organization PRIMARY KEY (property_id, contact_id, organization_id),
    CONSTRAINT fk_contact_organization_owner FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_organization_organization FOREIGN KEY (property_id, organization_id) REFERENCES organization (property_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_organization_organization ON contact_organization (property_id, organization_id, contact_id);

CREATE TABLE contact_custom (
    property_id     VARCHAR(63)   NOT NULL,
    contact_id      UUID          NOT NULL,
    attr            VARCHAR(60)   NOT NULL,
    position        INT           NOT NULL,
    kind            VARCHAR(1)    NOT NULL,
    text_value      VARCHAR(1000),
    text_fold       VARCHAR(2000),
    number_value    DECIMAL(24, 6),
    date_value      TIMESTAMP(3) WITH TIME ZONE,
    boolean_value   BOOLEAN,
    CONSTRAINT pk_contact_custom PRIMARY KEY (property_id, contact_id, attr, position),
    CONSTRAINT fk_contact_custom_owner FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_contact_custom_text ON contact_custom (property_id, attr, text_fold, contact_id);
CREATE INDEX ix_contact_custom_number ON contact_custom (property_id, attr, number_value, contact_id);
CREATE INDEX ix_contact_custom_date ON contact_custom (property_id, attr, date_value, contact_id);
CREATE INDEX ix_contact_custom_boolean ON contact_custom (property_id, attr, boolean_value, contact_id);

CREATE TABLE ticket_counter (
    property_id     VARCHAR(63)   NOT NULL,
    last_number     BIGINT        NOT NULL,
    CONSTRAINT pk_ticket_counter PRIMARY KEY (property_id),
    CONSTRAINT fk_ticket_counter_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
);

CREATE TABLE ticket (
    property_id     VARCHAR(63)   NOT NULL,
    id              UUID          NOT NULL,
    version         BIGINT        NOT NULL,
    ticket_number   BIGINT        NOT NULL,
    contact_id      UUID          NOT NULL,
    to_address      VARCHAR(1000) NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    assignee_kind   VARCHAR(12),
    assignee_id     VARCHAR(1000),
    priority        VARCHAR(12)   NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    tags            VARCHAR(100000),
    created         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ticket PRIMARY KEY (property_id, id),
    CONSTRAINT uq_ticket_number UNIQUE (property_id, ticket_number),
    CONSTRAINT fk_ticket_contact FOREIGN KEY (property_id, contact_id) REFERENCES contact (property_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_ticket_contact ON ticket (property_id, contact_id, ticket_number);

CREATE TABLE ticket_message (
    property_id     VARCHAR(63)   NOT NULL,
    id              UUID          NOT NULL,
    ticket_id       UUID          NOT NULL,
    contact_id      UUID          NOT NULL,
    seq             BIGINT        NOT NULL,
    sender          VARCHAR(12)   NOT NULL,
    agent_id        VARCHAR(1000),
    contact_address VARCHAR(1000) NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    body            VARCHAR(1000000) NOT NULL,
    message_id      VARCHAR(900)  NOT NULL,
    in_reply_to     VARCHAR(900),
    refs            VARCHAR(100000),
    attachments     VARCHAR(1000000),
    created         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ticket_message PRIMARY KEY (property_id, id),
    CONSTRAINT uq_ticket_message_message_id UNIQUE (property_id, message_id),
    CONSTRAINT fk_ticket_message_ticket FOREIGN KEY (property_id, ticket_id) REFERENCES ticket (property_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_ticket_message_ticket ON ticket_message (property_id, ticket_id, seq);
CREATE INDEX ix_ticket_message_contact ON ticket_message (property_id, contact_id, created, id);

-- The outbox: one row per agent message, written in the same transaction as the message.
CREATE TABLE ticket_email (
    property_id     VARCHAR(63)   NOT NULL,
    message_id      UUID          NOT NULL,
    ticket_id       UUID          NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt    TIMESTAMP(3) WITH TIME ZONE,
    sent_at         TIMESTAMP(3) WITH TIME ZONE,
    last_error      VARCHAR(1000000),
    CONSTRAINT pk_ticket_email PRIMARY KEY (property_id, message_id),
    CONSTRAINT fk_ticket_email_message FOREIGN KEY (property_id, message_id) REFERENCES ticket_message (property_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_ticket_email_due ON ticket_email (property_id, status, next_attempt, message_id);

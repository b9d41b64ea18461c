-- contacts SDK schema, version 3, PostgreSQL: notes, and the activity of contacts (web
-- sessions and live chats with their transcripts).

-- History (tickets, notes, activity) refers to its contact without a foreign key: a merge
-- deletes the removed contact first and the core then re-points its history to the kept one
-- (ContactRepository.merge), and deleting a contact deletes its history around it
-- (ContactHistory). Each history table belongs to its property like every other table.
ALTER TABLE ticket DROP CONSTRAINT fk_ticket_contact;
ALTER TABLE ticket ADD CONSTRAINT fk_ticket_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE;

-- A note is written on a contact or on an organization: exactly one of the two ids is set.
CREATE TABLE note (
    property_id     VARCHAR(63) COLLATE "C" NOT NULL,
    id              UUID          NOT NULL,
    contact_id      UUID,
    organization_id UUID,
    version         BIGINT        NOT NULL,
    author          VARCHAR(1000) NOT NULL,
    body            TEXT          NOT NULL,
    created         TIMESTAMPTZ(3) NOT NULL,
    edited_at       TIMESTAMPTZ(3),
    edited_by       VARCHAR(1000),
    CONSTRAINT pk_note PRIMARY KEY (property_id, id),
    CONSTRAINT ck_note_parent CHECK ((contact_id IS NULL) <> (organization_id IS NULL)),
    CONSTRAINT fk_note_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
);
CREATE INDEX ix_note_contact ON note (property_id, contact_id, created, id);
CREATE INDEX ix_note_organization ON note (property_id, organization_id, created, id);

-- Web sessions (kind WEB) and live chats (kind CHAT). The unique key on the host's id makes
-- ingestion idempotent: of two concurrent deliveries of one event only one row can exist.
-- The session columns are null for a chat.
CREATE TABLE activity_event (
    property_id     VARCHAR(63) COLLATE "C" NOT NULL,
    id              UUID          NOT NULL,
    kind            VARCHAR(8)    NOT NULL,
    external_id     VARCHAR(1000) COLLATE "C" NOT NULL,
    contact_id      UUID          NOT NULL,
    start_at        TIMESTAMPTZ(3) NOT NULL,
    end_at          TIMESTAMPTZ(3),
    pages_viewed    BIGINT,
    time_spent      BIGINT,
    hostname        VARCHAR(1000),
    ip              VARCHAR(1000),
    os              VARCHAR(1000),
    browser         VARCHAR(1000),
    country         VARCHAR(1000),
    city            VARCHAR(1000),
    region          VARCHAR(1000),
    CONSTRAINT pk_activity_event PRIMARY KEY (property_id, id),
    CONSTRAINT uq_activity_event_external_id UNIQUE (property_id, kind, external_id),
    CONSTRAINT fk_activity_event_property FOREIGN KEY (property_id) REFERENCES property (id) ON DELETE CASCADE
);
CREATE INDEX ix_activity_event_contact ON activity_event (property_id, contact_id, kind, start_at, id);

-- The transcript of a live chat, one row per message in the order sent.
CREATE TABLE chat_message (
    property_id     VARCHAR(63) COLLATE "C" NOT NULL,
    event_id        UUID          NOT NULL,
    position        INT           NOT NULL,
    author          VARCHAR(8)    NOT NULL,
    agent_id        VARCHAR(1000),
    body            TEXT          NOT NULL,
    sent            TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT pk_chat_message PRIMARY KEY (property_id, event_id, position),
    CONSTRAINT fk_chat_message_event FOREIGN KEY (property_id, event_id) REFERENCES activity_event (property_id, id) ON DELETE CASCADE
);

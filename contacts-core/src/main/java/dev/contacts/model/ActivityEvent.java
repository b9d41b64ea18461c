package dev.contacts.model;

import java.time.Instant;

/**
 * Something a contact did that the host reports to the SDK: a {@link WebSession} or a
 * {@link LiveChat}. Each carries the host's own id of the event ({@link #externalId()}):
 * ingesting an event whose external id the property already has (for the same kind of
 * event) is a duplicate and changes nothing.
 */
public sealed interface ActivityEvent permits WebSession, LiveChat {
    /** @return the SDK's id of the event, which orders events of the same instant */
    ActivityId id();

    /** @return the host's id of the event, unique per property and kind of event */
    String externalId();

    /** @return the contact who did it */
    ContactId contact();

    /** @return when it started */
    Instant start();

    /** @return the last moment the contact was seen in it: the end of a session, the last message of a chat, else the start */
    Instant lastActivity();

    /**
     * @param other the contact the event now belongs to (a merge)
     * @return this event of that contact, otherwise unchanged
     */
    ActivityEvent withContact(ContactId other);
}

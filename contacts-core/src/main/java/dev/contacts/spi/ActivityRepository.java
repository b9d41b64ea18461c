package dev.contacts.spi;

import dev.contacts.model.ActivityId;
import dev.contacts.model.ContactId;
import dev.contacts.model.LiveChat;
import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import java.time.Instant;
import java.util.List;

/**
 * Storage of the activity events of contacts — web sessions and live chats (with their
 * transcripts) — and the contact statistics they feed.
 *
 * <h2>One event, one unit</h2>
 * {@link #recordWebSession} and {@link #recordLiveChat} each store the event
 * <em>idempotently</em> by (property, kind, external id) and update the contact in the
 * same unit, so concurrent ingestion loses no count and a repeated delivery counts once.
 * For a web session {@code s} (a chat: the same with {@code totalLiveChats},
 * {@code firstLiveChat}, {@code lastLiveChat}, and no pages, time or location):
 * <ul>
 *   <li>{@code totalWebSessions} + 1, {@code pagesViewed} + {@code s.pagesViewed},
 *       {@code timeSpent} + {@code s.timeSpent}, each from unknown (never 0 by default);</li>
 *   <li>{@code firstWebSession} = min and {@code lastWebSession} = max of {@code s.start};
 *       {@code firstSeen} = min with {@code s.start}, {@code lastSeen} = max with
 *       {@code s.lastActivity()} (the end, else the start; a chat's last message, else its
 *       start);</li>
 *   <li>the location and technical attributes ({@code country}, {@code city}, {@code
 *       region}, {@code hostname}, {@code ip}, {@code os}, {@code browser}) take the
 *       session's values, unknown ones included, when it is the newest web session by
 *       start ({@code s.start >=} the stored {@code lastWebSession}, or none stored); a
 *       late, older session does not overwrite them. So they are always those of the
 *       newest session, whatever order the sessions arrive in (of two with the same start,
 *       the one ingested last);</li>
 *   <li>the contact's {@code version} + 1 (an update based on an older read conflicts);
 *       {@code updated} is unchanged: activity is not an edit.</li>
 * </ul>
 * The contact is checked first: an unknown contact writes nothing and raises {@link
 * dev.contacts.NotFoundException}, even for a duplicate. A duplicate (an event of that kind
 * with that external id already stored, whatever its content or contact) writes nothing
 * and returns false.
 *
 * <h2>Per store kind</h2>
 * <ul>
 *   <li><b>SQL</b>: one transaction. Lock the contact row ({@code SELECT … FOR UPDATE};
 *       none: not found). Insert the event under a unique key {@code
 *       (property_id, external_id)} per event table ({@code INSERT … ON CONFLICT DO
 *       NOTHING} on PostgreSQL, {@code INSERT IGNORE} on MariaDB, {@code MERGE} on H2); no
 *       row inserted means a duplicate. Then one {@code UPDATE contact SET
 *       total_web_sessions = COALESCE(total_web_sessions, 0) + 1, pages_viewed =
 *       COALESCE(pages_viewed, 0) + :pages, …, first_web_session = CASE WHEN
 *       first_web_session IS NULL OR :start < first_web_session THEN :start ELSE
 *       first_web_session END, …, version = version + 1 WHERE property_id = ? AND id = ?}
 *       — write min/max with {@code CASE}, because MariaDB's {@code LEAST}/{@code
 *       GREATEST} return NULL when an argument is NULL. The location columns (and the
 *       folds stored beside them) use {@code CASE WHEN last_web_session IS NULL OR :start
 *       >= last_web_session THEN :city ELSE city END}; put those
 *       assignments <em>before</em> {@code last_web_session}'s, since MariaDB evaluates
 *       single-table {@code SET} assignments left to right with the new values. Zero rows
 *       updated means the contact is gone: roll back, not found. {@link #recover} has
 *       nothing to do.</li>
 *   <li><b>MongoDB</b>, without multi-document transactions: idempotent steps in a fixed
 *       order. (1) Check the contact exists, then insert the event document, {@code _id}
 *       its SDK id, under a unique index {@code {propertyId, externalId}} of its
 *       collection and with {@code pending: true}; a duplicate-key error is a duplicate.
 *       (2) Update the contact with one pipeline update whose filter is {@code {_id,
 *       propertyId, appliedEvents: {$ne: eventId}}}: {@code $add} with {@code $ifNull} for
 *       the counters, the {@code $min}/{@code $max} expressions (which ignore a missing
 *       field) for first/last, {@code $cond} on {@code lastWebSession} for the location,
 *       {@code version + 1}, and the event id appended to {@code appliedEvents} — so
 *       running the step twice applies it once. (3) Clear the event's {@code pending}.
 *       (4) {@code $pull} the id from {@code appliedEvents}, which so only ever holds the
 *       events in flight. {@link #recover} finds pending events and completes their steps
 *       (skipping step 2 when the contact's {@code appliedEvents} has the id); a pending
 *       event whose contact is gone is deleted. Reads ignore nothing: a pending event is
 *       an event.</li>
 * </ul>
 * Every method is scoped to one property: an event or contact of another property is not
 * found. A property that does not exist reads as empty and refuses writes with
 * {@link dev.contacts.NotFoundException}.
 *
 * <p>Implementations must be thread-safe, each method atomic on its own, and take part in the
 * unit of work open on the calling thread ({@link ContactStore#unitOfWork}).
 */
public interface ActivityRepository {

    /**
     * Stores a web session and updates its contact's statistics, in one unit (see the
     * interface documentation).
     *
     * @param property the property
     * @param session  the session
     * @return true when it was stored, false when it is a duplicate (nothing written)
     * @throws dev.contacts.NotFoundException if the contact is not in this property (nothing written)
     * @throws dev.contacts.ConflictException if another event has the same SDK id
     */
    boolean recordWebSession(PropertyId property, WebSession session);

    /**
     * Stores a live chat with its transcript and updates its contact's statistics, in one
     * unit (see the interface documentation).
     *
     * @param property the property
     * @param chat     the chat
     * @return true when it was stored, false when it is a duplicate (nothing written)
     * @throws dev.contacts.NotFoundException if the contact is not in this property (nothing written)
     * @throws dev.contacts.ConflictException if another event has the same SDK id
     */
    boolean recordLiveChat(PropertyId property, LiveChat chat);

    /**
     * The web sessions of one contact, newest first ({@code start} descending, then id
     * descending as unsigned numbers), strictly past a position in that order: a keyset
     * seek on an index {@code (property, contact, start desc, id desc)}.
     *
     * @param property    the property
     * @param contact     the contact
     * @param beforeStart with {@code beforeId}: return only sessions past this position; null for the newest
     * @param beforeId    the id at that position; null together with {@code beforeStart}
     * @param limit       most sessions to return, 1..1001
     * @return the sessions
     */
    List<WebSession> listWebSessions(PropertyId property, ContactId contact, Instant beforeStart, ActivityId beforeId, int limit);

    /**
     * The live chats of one contact, whole (each with its transcript), newest first
     * ({@code start} descending, then id descending as unsigned numbers), strictly past a
     * position in that order: the chat source of the contact's timeline, where a chat is
     * one item at its start.
     *
     * @param property    the property
     * @param contact     the contact
     * @param beforeStart with {@code beforeId}: return only chats past this position; null for the newest
     * @param beforeId    the id at that position; null together with {@code beforeStart}
     * @param limit       most chats to return, 1..1001
     * @return the chats
     */
    List<LiveChat> listChats(PropertyId property, ContactId contact, Instant beforeStart, ActivityId beforeId, int limit);

    /**
     * Deletes every event of a contact, for the cascade of a contact deletion (the
     * contact's statistics are left as they are: the contact is about to go). Their
     * external ids are free again afterwards.
     *
     * @param property the property
     * @param contact  the contact
     * @return how many events were deleted
     */
    long deleteAllFor(PropertyId property, ContactId contact);

    /**
     * Moves every event of one contact to another, for a merge; each event keeps its ids,
     * times and content. Only the events move: the caller recombines the statistics of the
     * kept contact. Idempotent ({@code UPDATE … SET contact_id = :to WHERE contact_id =
     * :from}, {@code updateMany}). When {@code to} is not in the property (deleted before
     * an interrupted merge was completed) the events are deleted instead, as its history
     * was: nothing is left orphaned.
     *
     * @param property the property
     * @param from     the contact that goes away (it may no longer exist)
     * @param to       the contact that stays
     * @return how many events moved (or were deleted)
     */
    long reassign(PropertyId property, ContactId from, ContactId to);

    /**
     * Completes every ingestion of the property that a crash interrupted (see the
     * interface documentation); stores whose writes are transactional return 0 at once.
     * Safe to run at any time and concurrently with other calls.
     *
     * @param property the property
     * @return how many interrupted ingestions were completed
     */
    long recover(PropertyId property);
}

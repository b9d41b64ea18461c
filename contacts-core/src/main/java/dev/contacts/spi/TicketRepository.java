package dev.contacts.spi;

import dev.contacts.model.ContactId;
import dev.contacts.model.Delivery;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of tickets, their messages and the outbox of their emails. The outbox is not a
 * separate table of its own truth: the {@link Delivery} state of each agent's message
 * <em>is</em> the outbox entry, written by the same call as the message, so an email
 * cannot be lost and cannot exist without its message.
 *
 * <h2>Atomicity, per store kind</h2>
 * Each write below is one unit: either all of it happens or none of it, as seen by every
 * later call, including after a crash once {@link #recover} has run.
 * <ul>
 *   <li>A SQL store runs each write in one transaction ({@code UPDATE ticket_counter SET
 *       n = n + 1 … RETURNING n}, insert ticket, message, outbox row, {@code UPDATE
 *       contact SET total_tickets = COALESCE(total_tickets, 0) + 1, …}); {@link #recover}
 *       has nothing to do.</li>
 *   <li>A MongoDB store, without multi-document transactions, keeps a ticket's messages
 *       and their delivery state inside the ticket document (a field such as {@code
 *       nextDue}, the earliest pending attempt, indexed with the property id, serves
 *       {@link #listDueEmails}; a multikey index on the messages' Message-IDs serves {@link
 *       #findByMessageId}). The ticket number comes from {@code $inc} on a per-property
 *       counter document (a failed creation leaves a gap, nothing else). A write that
 *       spans documents — the contact's statistics next to a new ticket, its {@code
 *       firstSeen}/{@code lastSeen} next to a contact's message — is done as idempotent
 *       steps in a fixed order, the ticket document first with a marker of the steps
 *       still to do (e.g. {@code pendingContactUpdate}), removed by the last step; the
 *       contact update is made idempotent by a condition on the contact document (e.g.
 *       {@code appliedTickets: {$ne: ticketId}} with {@code $addToSet}). {@link #recover}
 *       finds documents still marked and completes their steps, so after it every write
 *       is whole. Reads ignore nothing: a ticket whose contact update is still pending is
 *       a ticket.</li>
 * </ul>
 * Counters ({@code totalTickets}, the ticket number, delivery attempts) are changed in the
 * store ({@code n = n + 1}, {@code $inc}, {@code $min}/{@code $max}), never read, changed
 * in Java and written back. Every method is scoped to one property: a ticket, message or
 * contact of another property is not found.
 *
 * <p>Implementations must be thread-safe, each method atomic on its own, and take part in the
 * unit of work open on the calling thread ({@link ContactStore#unitOfWork}).
 */
public interface TicketRepository {

    /**
     * Creates a ticket in one unit: assigns the next number of the property (from an
     * atomic per-property counter: unique and increasing under concurrency), stores the
     * ticket, its first message with that message's pending delivery, and updates the
     * contact: {@code totalTickets} + 1 (from unknown to 1), {@code firstTicket} = min,
     * {@code lastTicket} = max of the ticket's {@code created}; the contact's version goes
     * up by one (so an update based on an older read conflicts) and its {@code updated} is
     * unchanged (activity, not an edit).
     *
     * @param property the property
     * @param draft    the ticket, version 1, number 0
     * @param first    its first message (an agent's, with a pending delivery)
     * @return the ticket with its number
     * @throws dev.contacts.NotFoundException if the contact is not in this property (nothing written, no number used)
     * @throws dev.contacts.ConflictException if the ticket id or a Message-ID exists
     */
    Ticket create(PropertyId property, Ticket draft, TicketMessage first);

    /**
     * @param property the property
     * @param id       the ticket id
     * @return the ticket, or empty when it is not in this property
     */
    Optional<Ticket> get(PropertyId property, TicketId id);

    /**
     * @param property the property
     * @param number   a ticket number
     * @return the ticket with that number, if any
     */
    Optional<Ticket> findByNumber(PropertyId property, long number);

    /**
     * @param property the property
     * @param contact  a contact
     * @return the contact's tickets, newest (highest number) first
     */
    List<Ticket> listByContact(PropertyId property, ContactId contact);

    /**
     * One page of the property's tickets by number (keyset).
     *
     * @param property    the property
     * @param afterNumber only tickets with a greater number (0 for the first page)
     * @param limit       most tickets to return, 1..1000
     * @return tickets by increasing number
     */
    List<Ticket> list(PropertyId property, long afterNumber, int limit);

    /**
     * Replaces a ticket's fields if its stored version is {@code expectedVersion}. The
     * number, contact and creation time cannot change; messages are untouched.
     *
     * @param property        the property
     * @param ticket          the new state, version {@code expectedVersion + 1}
     * @param expectedVersion the version the change was based on
     * @throws dev.contacts.NotFoundException if the ticket is not in this property
     * @throws dev.contacts.ConflictException if the stored version differs
     */
    void update(PropertyId property, Ticket ticket, long expectedVersion);

    /**
     * Appends a message to its ticket in one unit; an agent's message comes with its
     * pending delivery. For a contact's message, the contact's {@code firstSeen} becomes
     * min and {@code lastSeen} max of the message's {@code created} (version + 1,
     * {@code updated} unchanged). Idempotent by Message-ID: when the ticket already has a
     * message with the same Message-ID nothing is written and false is returned.
     *
     * @param property the property
     * @param message  the message
     * @return whether it was appended
     * @throws dev.contacts.NotFoundException if the ticket is not in this property
     * @throws dev.contacts.ConflictException if another ticket of the property has a message with that Message-ID
     */
    boolean appendMessage(PropertyId property, TicketMessage message);

    /**
     * @param property the property
     * @param ticket   a ticket
     * @return its messages in the order they were appended (empty when it does not exist)
     */
    List<TicketMessage> listMessages(PropertyId property, TicketId ticket);

    /**
     * The message appended last to a ticket: what a reply answers ({@code In-Reply-To}) and
     * whose {@code References} it extends. The default reads the whole thread; a store
     * should override it with a read of one message, because replying to a long thread
     * would otherwise cost a read of the thread per reply.
     *
     * @param property the property
     * @param ticket   a ticket
     * @return its newest message, or empty when it has none or does not exist
     */
    default Optional<TicketMessage> lastMessage(PropertyId property, TicketId ticket) {
        List<TicketMessage> thread = listMessages(property, ticket);
        return thread.isEmpty() ? Optional.empty() : Optional.of(thread.get(thread.size() - 1));
    }

    /**
     * @param property  the property
     * @param messageId a Message-ID in header form {@code <left@right>}, compared exactly
     * @return the ticket having a message with it, if any
     */
    Optional<Ticket> findByMessageId(PropertyId property, String messageId);

    /**
     * The ticket messages of one contact, newest first ({@code created} descending, then
     * id descending as unsigned numbers), strictly past a position in that order (older,
     * or as old with a smaller id): the ticket source of the contact's timeline.
     *
     * @param property      the property
     * @param contact       the contact
     * @param beforeCreated with {@code beforeId}: return only messages before this position; null for the newest
     * @param beforeId      the id at that position; null together with {@code beforeCreated}
     * @param limit         most messages to return, 1..1001
     * @return the messages
     */
    List<TicketMessage> listContactMessages(PropertyId property, ContactId contact, Instant beforeCreated,
                                              TicketMessageId beforeId, int limit);

    /**
     * The agents' messages whose email is pending and due: delivery {@code PENDING} with
     * {@code nextAttempt <= now}, by {@code nextAttempt} then message id.
     *
     * @param property the property
     * @param now      the current time
     * @param limit    most messages to return, 1..1000
     * @return the due messages
     */
    List<TicketMessage> listDueEmails(PropertyId property, Instant now, int limit);

    /**
     * Claims a due email for one send attempt, atomically: if its delivery is still
     * {@code PENDING} with {@code nextAttempt <= now}, its attempts go up by one and its
     * {@code nextAttempt} becomes {@code leaseUntil} (when another dispatcher may take it
     * over if this one dies). Two dispatchers cannot both claim the same attempt.
     *
     * @param property   the property
     * @param ticket     the ticket
     * @param message    the message
     * @param now        the current time
     * @param leaseUntil the end of the claim
     * @return the claimed message, or empty when it is no longer due (sent, failed, claimed by someone else, gone)
     */
    Optional<TicketMessage> claimEmail(PropertyId property, TicketId ticket, TicketMessageId message, Instant now,
                                       Instant leaseUntil);

    /**
     * Records that the mailer accepted an email: delivery {@code SENT} at {@code sentAt},
     * whatever attempt sent it, if it is still {@code PENDING}.
     *
     * @param property the property
     * @param ticket   the ticket
     * @param message  the message
     * @param sentAt   when
     * @return whether the state changed (false when already sent, failed or gone)
     */
    boolean markEmailSent(PropertyId property, TicketId ticket, TicketMessageId message, Instant sentAt);

    /**
     * Records a failed attempt, if the delivery is still {@code PENDING} at exactly
     * {@code attempt} attempts (a later claim by another dispatcher wins): pending again at
     * {@code nextAttempt}, or {@code FAILED} when {@code nextAttempt} is null.
     *
     * @param property    the property
     * @param ticket      the ticket
     * @param message     the message
     * @param attempt     the attempt that failed
     * @param nextAttempt when to retry, or null to give up
     * @param error       why it failed
     * @return whether the state changed
     */
    boolean markEmailFailed(PropertyId property, TicketId ticket, TicketMessageId message, int attempt, Instant nextAttempt,
                            String error);

    /**
     * Deletes every ticket of a contact with its messages and pending emails, for the
     * cascade of a contact deletion (the contact's statistics are left as they are: the
     * contact is about to go). The caller deletes the returned blobs afterwards;
     * {@code Contacts.recover()} deletes any it could not.
     *
     * @param property the property
     * @param contact  the contact
     * @return the blob keys of the deleted messages' attachments
     */
    List<String> deleteAllFor(PropertyId property, ContactId contact);

    /**
     * Moves every ticket of a contact, with its messages, to another contact of the
     * property: the second step of a merge (see {@link ContactRepository#merge}). The
     * contacts' statistics are left as they are (the merge has combined them). When
     * {@code to} no longer exists (deleted before an interrupted merge was completed), the
     * tickets are deleted instead, with their messages and pending emails, so nothing is
     * orphaned; their attachment bytes are left to {@code Contacts.recover()}. Idempotent:
     * when nothing is left to move it returns 0.
     *
     * @param property the property
     * @param from     the contact merged away (it may no longer exist)
     * @param to       the contact that keeps the history
     * @return how many tickets were moved (or deleted)
     */
    long reassign(PropertyId property, ContactId from, ContactId to);

    /**
     * Completes every multi-step write of the property that a crash interrupted (see the
     * interface documentation); stores whose writes are transactional return 0 at once.
     * Safe to run at any time and concurrently with other calls.
     *
     * @param property the property
     * @return how many interrupted writes were completed
     */
    long recover(PropertyId property);
}

package dev.contacts.inmemory;

import dev.contacts.model.ContactId;
import dev.contacts.model.Delivery;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tickets of one property with their messages and the indexes their queries use. Not
 * thread-safe by itself: it is part of a {@link PropertyData} and guarded by that
 * property's read-write lock, like the contacts it updates in the same critical section.
 */
final class TicketData {
    /** The last ticket number given; the next ticket gets one more. */
    long lastNumber;
    final Map<TicketId, Ticket> tickets = new HashMap<>();
    final NavigableMap<Long, TicketId> byNumber = new TreeMap<>();
    final Map<ContactId, Set<TicketId>> byContact = new HashMap<>();
    /** Each ticket's messages, in the order they were appended. */
    final Map<TicketId, List<TicketMessageId>> threads = new HashMap<>();
    final Map<TicketMessageId, TicketMessage> messages = new HashMap<>();
    /** Message-ID header to message. */
    final Map<String, TicketMessageId> byMessageId = new HashMap<>();
    /** Each contact's messages, newest first: the timeline order. */
    final Map<ContactId, NavigableSet<Position>> timeline = new HashMap<>();
    /** Pending emails by due time, then message id. */
    final NavigableSet<Due> due = new TreeSet<>();

    /** A message's place in a contact's timeline: created descending, then id descending. */
    record Position(Instant created, TicketMessageId id) implements Comparable<Position> {
        private static final Comparator<Position> ORDER = Comparator.comparing(Position::created)
                .thenComparing(Position::id).reversed();

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    /** A pending email's place in the outbox. */
    record Due(Instant at, TicketMessageId id) implements Comparable<Due> {
        private static final Comparator<Due> ORDER = Comparator.comparing(Due::at).thenComparing(Due::id);

        @Override
        public int compareTo(Due other) {
            return ORDER.compare(this, other);
        }
    }

    void insertTicket(Ticket ticket) {
        tickets.put(ticket.id(), ticket);
        byNumber.put(ticket.number(), ticket.id());
        byContact.computeIfAbsent(ticket.contact(), c -> new LinkedHashSet<>()).add(ticket.id());
        threads.put(ticket.id(), new ArrayList<>());
    }

    void insertMessage(TicketMessage message) {
        messages.put(message.id(), message);
        threads.get(message.ticket()).add(message.id());
        byMessageId.put(message.messageId(), message.id());
        timeline.computeIfAbsent(message.contact(), c -> new TreeSet<>()).add(new Position(message.created(), message.id()));
        indexDelivery(message, true);
    }

    /** Replaces a message's delivery state and its outbox index entry. */
    TicketMessage replaceDelivery(TicketMessage old, Delivery next) {
        indexDelivery(old, false);
        TicketMessage replaced = old.withDelivery(next);
        messages.put(replaced.id(), replaced);
        indexDelivery(replaced, true);
        return replaced;
    }

    private void indexDelivery(TicketMessage message, boolean add) {
        Delivery d = message.delivery();
        if (d != null && d.status() == Delivery.Status.PENDING) {
            Due key = new Due(d.nextAttempt(), message.id());
            if (add) {
                due.add(key);
            } else {
                due.remove(key);
            }
        }
    }

    /**
     * Removes a ticket and everything of it.
     *
     * @return the blob keys of its messages' attachments
     */
    List<String> removeTicket(TicketId id) {
        Ticket ticket = tickets.remove(id);
        List<String> blobs = new ArrayList<>();
        if (ticket == null) {
            return blobs;
        }
        byNumber.remove(ticket.number());
        Set<TicketId> ofContact = byContact.get(ticket.contact());
        ofContact.remove(id);
        if (ofContact.isEmpty()) {
            byContact.remove(ticket.contact());
        }
        for (TicketMessageId mid : threads.remove(id)) {
            TicketMessage m = messages.remove(mid);
            byMessageId.remove(m.messageId());
            leaveTimeline(m);
            indexDelivery(m, false);
            m.attachments().forEach(a -> blobs.add(a.blobKey()));
        }
        return blobs;
    }

    /**
     * Moves a contact's tickets and their messages to another contact (write lock held).
     *
     * @param from the contact merged away
     * @param to   the contact that keeps the history
     * @return how many tickets moved
     */
    long reassign(ContactId from, ContactId to) {
        Set<TicketId> moved = byContact.remove(from);
        if (moved == null) {
            return 0;
        }
        Set<TicketId> target = byContact.computeIfAbsent(to, c -> new LinkedHashSet<>());
        for (TicketId id : moved) {
            tickets.put(id, tickets.get(id).withContact(to));
            target.add(id);
            for (TicketMessageId mid : threads.get(id)) {
                TicketMessage m = messages.get(mid);
                leaveTimeline(m);
                timeline.computeIfAbsent(to, c -> new TreeSet<>()).add(new Position(m.created(), m.id()));
                messages.put(mid, m.withContact(to));
            }
        }
        return moved.size();
    }

    private void leaveTimeline(TicketMessage m) {
        NavigableSet<Position> positions = timeline.get(m.contact());
        positions.remove(new Position(m.created(), m.id()));
        if (positions.isEmpty()) {
            timeline.remove(m.contact());
        }
    }
}

package dev.contacts.tck;

import dev.contacts.filter.Filter;
import dev.contacts.host.BlobStore;
import dev.contacts.model.Attachment;
import dev.contacts.model.Contact;
import dev.contacts.model.Delivery;
import dev.contacts.model.OutboundEmail;
import dev.contacts.model.Property;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketMessage;
import dev.contacts.spi.ContactStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The invariants of tickets, messages, outbox, attachments and sent mail that must hold
 * after any failure once {@code Contacts.recover()} has run; fault tests of every store
 * check them.
 * <ul>
 *   <li>ticket numbers are unique per property; every ticket's contact exists;</li>
 *   <li>each contact's {@code totalTickets} is its number of tickets (unknown for none),
 *       {@code firstTicket}/{@code lastTicket} their earliest and latest creation;</li>
 *   <li>no orphan: every message of a contact's timeline belongs to an existing ticket of
 *       that contact, every due email is a stored message, every blob is an attachment of a
 *       stored message and every attachment's blob exists; Message-IDs are unique;</li>
 *   <li>mail (when {@code delivered} is asked): every agent's message was sent, every sent
 *       Message-ID is a stored message's, and every copy of a Message-ID carries the same
 *       recipient, subject, body and threading headers.</li>
 * </ul>
 */
public final class TicketInvariants {
    private TicketInvariants() {
    }

    /**
     * @param store     the store
     * @param blobs     its attachments' blob store
     * @param mailer    the mailer that received every email, or null to skip the mail checks
     * @param delivered whether every email should have been delivered by now
     * @return the broken invariants, empty when all hold
     */
    public static List<String> violations(ContactStore store, BlobStore blobs, RecordingMailer mailer, boolean delivered) {
        List<String> broken = new ArrayList<>();
        Set<String> referencedBlobs = new HashSet<>();
        Map<String, TicketMessage> byMessageId = new HashMap<>();
        Instant farFuture = Instant.parse("9999-01-01T00:00:00Z");
        for (Property p : store.properties().list()) {
            List<Ticket> tickets = TicketSnapshot.allTickets(store, p);
            Set<Long> numbers = new HashSet<>();
            Map<Object, List<Ticket>> byContact = new HashMap<>();
            Set<Object> messageIds = new HashSet<>();
            for (Ticket t : tickets) {
                if (t.number() < 1 || !numbers.add(t.number())) {
                    broken.add(p.id() + ": ticket number " + t.number() + " is not unique and positive");
                }
                byContact.computeIfAbsent(t.contact(), c -> new ArrayList<>()).add(t);
                if (store.contacts().get(p.id(), t.contact()).isEmpty()) {
                    broken.add(p.id() + ": ticket #" + t.number() + " has no contact " + t.contact());
                }
                List<TicketMessage> thread = store.tickets().listMessages(p.id(), t.id());
                if (thread.isEmpty()) {
                    broken.add(p.id() + ": ticket #" + t.number() + " has no message");
                }
                for (TicketMessage m : thread) {
                    messageIds.add(m.id());
                    if (!m.ticket().equals(t.id()) || !m.contact().equals(t.contact())) {
                        broken.add(p.id() + ": message " + m.id() + " is listed under ticket #" + t.number() + " but names another");
                    }
                    if (byMessageId.put(p.id() + " " + m.messageId(), m) != null) {
                        broken.add(p.id() + ": Message-ID " + m.messageId() + " is used twice");
                    }
                    for (Attachment a : m.attachments()) {
                        referencedBlobs.add(a.blobKey());
                        if (blobs.get(a.blobKey()).isEmpty()) {
                            broken.add(p.id() + ": attachment " + a.name() + " of message " + m.id() + " has lost its bytes");
                        }
                    }
                    if (delivered && m.sender() == TicketMessage.Sender.AGENT && m.delivery().status() != Delivery.Status.SENT) {
                        broken.add(p.id() + ": the email of message " + m.id() + " is " + m.delivery().status() + " after dispatch");
                    }
                }
            }
            for (Contact c : store.contacts().getAll(p.id(), store.contacts().findIds(p.id(), Filter.all()))) {
                List<Ticket> own = byContact.getOrDefault(c.id(), List.of());
                BigDecimal expected = own.isEmpty() ? null : BigDecimal.valueOf(own.size());
                if (!(Objects.equals(expected, c.totalTickets())
                        || expected != null && c.totalTickets() != null && expected.compareTo(c.totalTickets()) == 0)) {
                    broken.add(p.id() + ": contact " + c.id() + " has totalTickets " + c.totalTickets() + " but " + own.size() + " tickets");
                }
                Instant first = own.stream().map(Ticket::created).min(Instant::compareTo).orElse(null);
                Instant last = own.stream().map(Ticket::created).max(Instant::compareTo).orElse(null);
                if (!Objects.equals(first, c.firstTicket()) || !Objects.equals(last, c.lastTicket())) {
                    broken.add(p.id() + ": contact " + c.id() + " has firstTicket/lastTicket " + c.firstTicket() + "/" + c.lastTicket()
                            + " but its tickets were created " + first + "/" + last);
                }
                for (TicketMessage m : store.tickets().listContactMessages(p.id(), c.id(), null, null, 1001)) {
                    if (!messageIds.contains(m.id())) {
                        broken.add(p.id() + ": message " + m.id() + " of contact " + c.id() + " has no ticket (orphan)");
                    }
                }
            }
            for (TicketMessage due : store.tickets().listDueEmails(p.id(), farFuture, 1000)) {
                if (!messageIds.contains(due.id())) {
                    broken.add(p.id() + ": pending email " + due.messageId() + " has no stored message (orphan outbox entry)");
                }
                if (delivered) {
                    broken.add(p.id() + ": email " + due.messageId() + " is still pending after dispatch");
                }
            }
        }
        for (String key : blobs.list("tickets/")) {
            if (!referencedBlobs.contains(key)) {
                broken.add("blob " + key + " belongs to no stored message (orphan)");
            }
        }
        if (mailer != null) {
            checkMail(mailer, byMessageId, delivered, broken);
        }
        return broken;
    }

    private static void checkMail(RecordingMailer mailer, Map<String, TicketMessage> stored, boolean delivered, List<String> broken) {
        Map<String, List<OutboundEmail>> sent = mailer.byMessageId();
        Set<String> storedIds = new HashSet<>();
        for (Map.Entry<String, TicketMessage> e : stored.entrySet()) {
            TicketMessage m = e.getValue();
            storedIds.add(m.messageId());
            if (delivered && m.sender() == TicketMessage.Sender.AGENT && !sent.containsKey(m.messageId())) {
                broken.add("the email " + m.messageId() + " of a stored message was never sent (lost)");
            }
        }
        for (Map.Entry<String, List<OutboundEmail>> e : sent.entrySet()) {
            if (!storedIds.contains(e.getKey())) {
                broken.add("email " + e.getKey() + " was sent but no stored message has that Message-ID");
            }
            OutboundEmail first = e.getValue().get(0);
            for (OutboundEmail copy : e.getValue()) {
                if (!copy.to().equals(first.to()) || !copy.subject().equals(first.subject()) || !copy.body().equals(first.body())
                        || !Objects.equals(copy.inReplyTo(), first.inReplyTo()) || !copy.references().equals(first.references())
                        || !copy.message().equals(first.message())) {
                    broken.add("email " + e.getKey() + " was resent with different content or headers");
                }
            }
        }
    }
}

package dev.contacts.mongo;

import dev.contacts.model.Assignee;
import dev.contacts.model.Attachment;
import dev.contacts.model.ContactId;
import dev.contacts.model.Delivery;
import dev.contacts.model.Priority;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageId;
import dev.contacts.model.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * Maps tickets and their messages to the ticket document and back. A ticket document holds
 * the ticket's fields, its messages in append order (each with its delivery state when it
 * is an agent's), {@code messageIds} (the Message-IDs, unique per property by index) and
 * {@code outbox} ({@code {m: message id, at: next attempt}} for each pending email — the
 * entry exists exactly while the message's delivery is {@code PENDING}, with the same time).
 * Absent fields are unknown values; nothing is stored as null.
 */
final class TicketCodec {
    /** The ticket's messages. */
    static final String MESSAGES = "messages";
    /** A message's delivery state. */
    static final String DELIVERY = "delivery";

    private TicketCodec() {
    }

    /**
     * @param ticket a ticket
     * @return its fields (without messages and markers)
     */
    static Document fields(Ticket ticket) {
        Document d = new Document("toAddress", ticket.toAddress()).append("subject", ticket.subject())
                .append("priority", ticket.priority().name()).append("status", ticket.status().name())
                .append("created", Date.from(ticket.created())).append("updated", Date.from(ticket.updated()));
        if (ticket.assignee() != null) {
            d.append("assignee", new Document("kind", ticket.assignee().kind().name()).append("id", ticket.assignee().id()));
        }
        if (!ticket.tags().isEmpty()) {
            d.append("tags", ticket.tags());
        }
        return d;
    }

    /**
     * @param doc a ticket document
     * @return the ticket
     */
    static Ticket ticket(Document doc) {
        Document a = doc.get("assignee", Document.class);
        Assignee assignee = a == null ? null : new Assignee(Assignee.Kind.valueOf(a.getString("kind")), a.getString("id"));
        return new Ticket(new TicketId(UUID.fromString(doc.getString(Fields.ID))), ((Number) doc.get(Fields.VERSION)).longValue(),
                ((Number) doc.get("number")).longValue(), new ContactId(UUID.fromString(doc.getString("contact"))),
                doc.getString("toAddress"), doc.getString("subject"), assignee, Priority.valueOf(doc.getString("priority")),
                strings(doc.get("tags")), TicketStatus.valueOf(doc.getString("status")), instant(doc.get("created")),
                instant(doc.get("updated")));
    }

    /**
     * @param m a message
     * @return its element of the {@code messages} array
     */
    static Document message(TicketMessage m) {
        Document d = new Document("id", m.id().toString()).append("sender", m.sender().name());
        putIfKnown(d, "agentId", m.agentId());
        d.append("contactAddress", m.contactAddress()).append("subject", m.subject()).append("body", m.body());
        List<Document> files = new ArrayList<>();
        for (Attachment file : m.attachments()) {
            files.add(new Document("name", file.name()).append("contentType", file.contentType()).append("size", file.size())
                    .append("blobKey", file.blobKey()));
        }
        d.append("attachments", files).append("messageId", m.messageId());
        putIfKnown(d, "inReplyTo", m.inReplyTo());
        d.append("references", m.references()).append("created", Date.from(m.created()));
        if (m.delivery() != null) {
            Delivery s = m.delivery();
            Document delivery = new Document("status", s.status().name()).append("attempts", s.attempts());
            putIfKnown(delivery, "nextAttempt", s.nextAttempt() == null ? null : Date.from(s.nextAttempt()));
            putIfKnown(delivery, "sentAt", s.sentAt() == null ? null : Date.from(s.sentAt()));
            putIfKnown(delivery, "lastError", s.lastError());
            d.append(DELIVERY, delivery);
        }
        return d;
    }

    /**
     * @param d       an element of a ticket's {@code messages}
     * @param ticket  the ticket id
     * @param contact the ticket's contact
     * @return the message
     */
    static TicketMessage message(Document d, String ticket, String contact) {
        List<Attachment> files = new ArrayList<>();
        for (Document f : d.getList("attachments", Document.class)) {
            files.add(new Attachment(f.getString("name"), f.getString("contentType"), ((Number) f.get("size")).longValue(),
                    f.getString("blobKey")));
        }
        Document s = d.get(DELIVERY, Document.class);
        Delivery delivery = s == null ? null : new Delivery(Delivery.Status.valueOf(s.getString("status")),
                ((Number) s.get("attempts")).intValue(), instant(s.get("nextAttempt")), instant(s.get("sentAt")), s.getString("lastError"));
        return new TicketMessage(new TicketMessageId(UUID.fromString(d.getString("id"))), new TicketId(UUID.fromString(ticket)),
                new ContactId(UUID.fromString(contact)), TicketMessage.Sender.valueOf(d.getString("sender")), d.getString("agentId"),
                d.getString("contactAddress"), d.getString("subject"), d.getString("body"), files, d.getString("messageId"),
                d.getString("inReplyTo"), strings(d.get("references")), instant(d.get("created")), delivery);
    }

    /**
     * @param ticketDoc a ticket document with its {@code messages}
     * @param messageId a message id
     * @return that message, or null
     */
    static TicketMessage find(Document ticketDoc, String messageId) {
        for (Document m : ticketDoc.getList(MESSAGES, Document.class)) {
            if (messageId.equals(m.getString("id"))) {
                return message(m, ticketDoc.getString(Fields.ID), ticketDoc.getString("contact"));
            }
        }
        return null;
    }

    private static void putIfKnown(Document d, String field, Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }

    private static Instant instant(Object stored) {
        return stored == null ? null : ((Date) stored).toInstant();
    }

    private static List<String> strings(Object stored) {
        List<String> list = new ArrayList<>();
        if (stored != null) {
            for (Object o : (List<?>) stored) {
                list.add((String) o);
            }
        }
        return list;
    }
}

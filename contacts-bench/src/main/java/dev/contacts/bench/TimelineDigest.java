package dev.contacts.bench;

import dev.contacts.model.ChatItem;
import dev.contacts.model.NoteItem;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageItem;
import dev.contacts.model.TimelineItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the identical-results check compares for each timeline item: its key (kind, id, time)
 * and the fields a page of the timeline shows and carries, so that a baseline reading only
 * the keys and bodies cannot pass for the SDK's page: a note's author, body and version, a
 * chat's external id and the length of its transcript, a ticket message's sender, subject,
 * body, Message-ID, References and delivery state.
 */
final class TimelineDigest {
    private TimelineDigest() {
    }

    /** @return the digests of the SDK's items, in page order */
    static List<String> of(List<TimelineItem> items) {
        List<String> digests = new ArrayList<>(items.size());
        for (TimelineItem item : items) {
            digests.add(of(item));
        }
        return digests;
    }

    private static String of(TimelineItem item) {
        String key = key(item.kind().name(), item.id(), item.time());
        if (item instanceof NoteItem n) {
            return note(key, n.note().author(), n.note().body(), n.note().version());
        }
        if (item instanceof ChatItem c) {
            return chat(key, c.chat().externalId(), c.chat().messages().size());
        }
        TicketMessage m = ((TicketMessageItem) item).message();
        return ticketMessage(key, m.sender().name(), m.subject(), m.body(), m.messageId(), references(m.references()),
                m.delivery() == null ? null : m.delivery().status().name());
    }

    /** @return the digests of a baseline's rows, in page order */
    static List<String> ofRows(List<Row> rows) {
        List<String> digests = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String key = key(r.kind(), r.id(), r.time());
            digests.add(switch (r.kind()) {
                case "NOTE" -> note(key, r.author(), r.body(), r.version());
                case "CHAT" -> chat(key, r.externalId(), r.transcript().size());
                case "TICKET" -> ticketMessage(key, r.sender(), r.subject(), r.body(), r.messageId(),
                        r.references() == null ? "" : r.references(), r.deliveryStatus());
                default -> throw new IllegalStateException("a timeline row of no kind: " + r.kind());
            });
        }
        return digests;
    }

    /**
     * One item of a baseline's page as a hand-written reader holds it: the values it read.
     *
     * @param kind           NOTE, CHAT or TICKET
     * @param id             the item's id
     * @param time           its place in time
     * @param author         a note's author, a ticket message's agent
     * @param body           a note's or ticket message's body
     * @param version        a note's version
     * @param externalId     a chat's external id
     * @param transcript     a chat's messages' texts, in order
     * @param sender         a ticket message's sender
     * @param subject        a ticket message's subject
     * @param messageId      a ticket message's Message-ID
     * @param references     a ticket message's References, in the JPA store's column form (see {@link #references})
     * @param deliveryStatus a ticket message's delivery status, or null
     * @param more           the other values read (ticket, address, In-Reply-To, attachments, delivery times, edits)
     */
    record Row(String kind, UUID id, Instant time, String author, String body, long version, String externalId, List<String> transcript,
               String sender, String subject, String messageId, String references, String deliveryStatus, Object[] more) {
    }

    static String key(String kind, UUID id, Instant time) {
        return kind + ":" + id + "@" + time;
    }

    static String note(String key, String author, String body, long version) {
        return key + "|" + author + "|" + body + "|v" + version;
    }

    static String chat(String key, String externalId, int messages) {
        return key + "|" + externalId + "|" + messages + " messages";
    }

    static String ticketMessage(String key, String sender, String subject, String body, String messageId, String references,
                                String deliveryStatus) {
        return key + "|" + sender + "|" + subject + "|" + body + "|" + messageId + "|" + references + "|"
                + (deliveryStatus == null ? "no delivery" : deliveryStatus);
    }

    /**
     * @return the References as the JPA store's column holds them (each id's length, a colon,
     *         the id; empty for none), which the SQL baselines compare as they read it
     */
    static String references(List<String> references) {
        StringBuilder sb = new StringBuilder();
        for (String r : references) {
            sb.append(r.length()).append(':').append(r);
        }
        return sb.toString();
    }
}

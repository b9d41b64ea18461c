package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of a ticket: the first email an agent sent when creating it, a reply of an
 * agent (sent by email to the contact) or a reply of the contact (received by email or
 * given through the API). Immutable and in normal form. Every message has a Message-ID
 * fixed when it is created: a resend of the same email carries the same one, and the
 * contact's replies are threaded by it.
 *
 * @param id             the id
 * @param ticket         the ticket
 * @param contact        the ticket's contact
 * @param sender         who wrote it
 * @param agentId        the agent who wrote it, or null (always null for a contact's message)
 * @param contactAddress the contact's address: the recipient of an agent's message, the sender of the contact's
 * @param subject        the subject line
 * @param body           plain text, at most 64 KiB in UTF-8
 * @param attachments    files, in the order given
 * @param messageId      the email Message-ID, {@code <left@right>}
 * @param inReplyTo      the Message-ID this one answers, or null
 * @param references     the thread's Message-IDs, oldest first
 * @param created        when the SDK stored it
 * @param delivery       the outbox state of an agent's message (which is always emailed); null for a contact's message
 */
public record TicketMessage(TicketMessageId id, TicketId ticket, ContactId contact, Sender sender, String agentId,
                            String contactAddress, String subject, String body, List<Attachment> attachments, String messageId,
                            String inReplyTo, List<String> references, Instant created, Delivery delivery) {

    /** Who wrote a message. */
    public enum Sender {
        /** An agent of the helpdesk: the message is emailed to the contact. */
        AGENT,
        /** The contact: the message counts as activity of the contact ({@code firstSeen}/{@code lastSeen}). */
        CONTACT
    }

    /**
     * Validates and normalises.
     *
     * @param id             the id
     * @param ticket         the ticket
     * @param contact        the ticket's contact
     * @param sender         who wrote it
     * @param agentId        the agent who wrote it, or null (always null for a contact's message)
     * @param contactAddress the contact's address: the recipient of an agent's message, the sender of the contact's
     * @param subject        the subject line
     * @param body           plain text, at most 64 KiB in UTF-8
     * @param attachments    files, in the order given
     * @param messageId      the email Message-ID, {@code <left@right>}
     * @param inReplyTo      the Message-ID this one answers, or null
     * @param references     the thread's Message-IDs, oldest first
     * @param created        when the SDK stored it
     * @param delivery       the outbox state of an agent's message (which is always emailed); null for a contact's message
     * @throws InvalidValueException naming the component that is missing or invalid
     */
    public TicketMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(contact, "contact");
        if (sender == null) {
            throw new InvalidValueException("sender", "say whether an agent or the contact wrote the message");
        }
        agentId = Values.text("agentId", agentId);
        if (sender == Sender.CONTACT && agentId != null) {
            throw new InvalidValueException("agentId", "a message of the contact has no agent");
        }
        contactAddress = MailText.address("contactAddress", contactAddress);
        subject = MailText.subject(subject);
        body = MailText.body(body);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        messageId = MailText.messageId("messageId", messageId);
        inReplyTo = inReplyTo == null ? null : MailText.messageId("inReplyTo", inReplyTo);
        references = MailText.trimReferences(MailText.messageIds(references));
        if (created == null) {
            throw new InvalidValueException("created", "a message needs its creation time");
        }
        created = Values.date("created", created);
        if ((sender == Sender.AGENT) != (delivery != null)) {
            throw new InvalidValueException("delivery", sender == Sender.AGENT
                    ? "a message of an agent is emailed and needs a delivery state" : "a message of the contact is not emailed");
        }
    }

    /**
     * @param next the new outbox state
     * @return this message with that state
     */
    public TicketMessage withDelivery(Delivery next) {
        return new TicketMessage(id, ticket, contact, sender, agentId, contactAddress, subject, body, attachments, messageId,
                inReplyTo, references, created, next);
    }

    /**
     * @param owner the contact this message's contact was merged into
     * @return this message belonging to that contact, otherwise unchanged
     */
    public TicketMessage withContact(ContactId owner) {
        return new TicketMessage(id, ticket, owner, sender, agentId, contactAddress, subject, body, attachments, messageId,
                inReplyTo, references, created, delivery);
    }

    /** @return the total size of the attachments in bytes */
    public long attachmentBytes() {
        long total = 0;
        for (Attachment a : attachments) {
            total += a.size();
        }
        return total;
    }
}

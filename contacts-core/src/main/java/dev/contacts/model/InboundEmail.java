package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An email the host received that may answer a ticket, as given to
 * {@code TicketService.receiveReply}. Threading uses its {@code In-Reply-To} and
 * {@code References} headers, given as the raw header values (angle brackets, several ids
 * separated by white space; malformed tokens are ignored as mail clients do).
 *
 * @param messageId   its own Message-ID; null lets the SDK generate one (then a second delivery of the same
 *                    email is not recognised as a duplicate)
 * @param inReplyTo   the raw {@code In-Reply-To} header, or null
 * @param references  the raw {@code References} header values, or an empty list
 * @param from        the sender's address, or null (the ticket's address is recorded)
 * @param subject     the subject, or null (the ticket's subject with {@code Re: } is recorded)
 * @param body        the text, at most 64 KiB in UTF-8 (strip quoted history before)
 * @param attachments files attached
 */
public record InboundEmail(String messageId, String inReplyTo, List<String> references, String from, String subject,
                           String body, List<AttachmentUpload> attachments) {
    /**
     * Validates and normalises.
     *
     * @param messageId   its own Message-ID; null lets the SDK generate one (then a second delivery of the same
     *                    email is not recognised as a duplicate)
     * @param inReplyTo   the raw {@code In-Reply-To} header, or null
     * @param references  the raw {@code References} header values, or an empty list
     * @param from        the sender's address, or null (the ticket's address is recorded)
     * @param subject     the subject, or null (the ticket's subject with {@code Re: } is recorded)
     * @param body        the text, at most 64 KiB in UTF-8 (strip quoted history before)
     * @param attachments files attached
     * @throws InvalidValueException naming the component that is invalid
     */
    public InboundEmail {
        messageId = messageId == null ? null : MailText.messageId("messageId", messageId);
        List<String> replyTo = MailText.messageIds(inReplyTo == null ? List.of() : List.of(inReplyTo));
        inReplyTo = replyTo.isEmpty() ? null : replyTo.get(0);
        references = MailText.messageIds(references);
        from = from == null || from.isBlank() ? null : MailText.address("from", from);
        subject = subject == null || subject.isBlank() ? null : MailText.subject(subject.replaceAll("[\\r\\n]+\\s*", " "));
        body = MailText.body(body);
        attachments = NewTicket.uploads(attachments);
    }

    /**
     * @param messageId  its Message-ID, or null
     * @param inReplyTo  the raw In-Reply-To header, or null
     * @param references the raw References header, or null
     * @param from       the sender, or null
     * @param body       the text
     * @return an email without subject and attachments
     */
    public static InboundEmail of(String messageId, String inReplyTo, String references, String from, String body) {
        return new InboundEmail(messageId, inReplyTo, references == null ? List.of() : List.of(references), from, null, body, List.of());
    }

    /** @return the Message-IDs that may name the thread: In-Reply-To first, then References newest first */
    public List<String> threadIds() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (inReplyTo != null) {
            ids.add(inReplyTo);
        }
        List<String> newestFirst = new ArrayList<>(references);
        Collections.reverse(newestFirst);
        ids.addAll(newestFirst);
        return List.copyOf(ids);
    }
}

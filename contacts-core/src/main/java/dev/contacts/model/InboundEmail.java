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
     * Starts an inbound email; every header is optional, the body is required.
     *
     * <pre>{@code
     * InboundEmail.builder().messageId("<r1@mail.example>").inReplyTo(firstMessageId)
     *         .from("ada@example.com").body("Paid, thanks!").build()
     * }</pre>
     *
     * @return a builder with no headers, no body and no attachments
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param messageId  its Message-ID, or null
     * @param inReplyTo  the raw In-Reply-To header, or null
     * @param references the raw References header, or null
     * @param from       the sender, or null
     * @param body       the text
     * @return an email without subject and attachments
     * @deprecated five positional strings are easy to swap: use {@link #builder()}
     */
    @Deprecated
    public static InboundEmail of(String messageId, String inReplyTo, String references, String from, String body) {
        return builder().messageId(messageId).inReplyTo(inReplyTo).references(references).from(from).body(body).build();
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

    /** Collects the parts of an {@link InboundEmail} by name; {@link #build()} validates them. */
    public static final class Builder {
        private String messageId;
        private String inReplyTo;
        private final List<String> references = new ArrayList<>();
        private String from;
        private String subject;
        private String body;
        private final List<AttachmentUpload> attachments = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param messageId the email's own Message-ID, or null to let the SDK generate one
         * @return this builder
         */
        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        /**
         * @param inReplyTo the raw {@code In-Reply-To} header, or null
         * @return this builder
         */
        public Builder inReplyTo(String inReplyTo) {
            this.inReplyTo = inReplyTo;
            return this;
        }

        /**
         * Adds a raw {@code References} header value (several ids separated by white space);
         * null adds nothing.
         *
         * @param references the header value, or null
         * @return this builder
         */
        public Builder references(String references) {
            if (references != null) {
                this.references.add(references);
            }
            return this;
        }

        /**
         * @param from the sender's address, or null
         * @return this builder
         */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /**
         * @param subject the subject, or null
         * @return this builder
         */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * @param body the text, at most 64 KiB in UTF-8
         * @return this builder
         */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /**
         * @param attachment a file attached to the email
         * @return this builder
         */
        public Builder attach(AttachmentUpload attachment) {
            attachments.add(java.util.Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        /**
         * @return the email
         * @throws InvalidValueException naming the part that is invalid (a missing or blank body among them)
         */
        public InboundEmail build() {
            return new InboundEmail(messageId, inReplyTo, references, from, subject, body, attachments);
        }
    }
}

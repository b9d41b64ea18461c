package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an agent fills in to create a ticket from a contact's profile; the SDK emails it to
 * the contact. Build it with {@link #builder(ContactId, String)}:
 *
 * <pre>{@code
 * NewTicket.builder(ada.id(), "ada@example.com").subject("Your invoice").body("Hello Ada, …")
 *         .attach(AttachmentUpload.of("invoice.pdf", "application/pdf", bytes))
 *         .assignee(Assignee.department("billing")).priority(Priority.HIGH).tags(List.of("billing")).build();
 * }</pre>
 *
 * @param contact     the contact
 * @param toAddress   one of the contact's addresses, or a new one that is added to the contact
 * @param subject     the subject line, at most 500 characters
 * @param body        the message, plain text, at most 64 KiB in UTF-8
 * @param attachments files to attach
 * @param assignee    the agent or department, or null
 * @param priority    the priority (default {@link Priority#MEDIUM})
 * @param tags        tags (TEXT_SET normal form)
 * @param agentId     the agent who creates it, or null
 */
public record NewTicket(ContactId contact, String toAddress, String subject, String body, List<AttachmentUpload> attachments,
                        Assignee assignee, Priority priority, List<String> tags, String agentId) {
    /**
     * Validates and normalises.
     *
     * @param contact     the contact
     * @param toAddress   one of the contact's addresses, or a new one that is added to the contact
     * @param subject     the subject line, at most 500 characters
     * @param body        the message, plain text, at most 64 KiB in UTF-8
     * @param attachments files to attach
     * @param assignee    the agent or department, or null
     * @param priority    the priority (default {@link Priority#MEDIUM})
     * @param tags        tags (TEXT_SET normal form)
     * @param agentId     the agent who creates it, or null
     * @throws InvalidValueException naming the component that is missing or invalid
     */
    public NewTicket {
        if (contact == null) {
            throw new InvalidValueException("contact", "a ticket is created for a contact: give its id");
        }
        toAddress = MailText.address("toAddress", toAddress);
        subject = MailText.subject(subject);
        body = MailText.body(body);
        attachments = uploads(attachments);
        priority = priority == null ? Priority.MEDIUM : priority;
        tags = Values.textSet("tags", tags);
        agentId = Values.text("agentId", agentId);
    }

    static List<AttachmentUpload> uploads(List<AttachmentUpload> attachments) {
        if (attachments == null) {
            return List.of();
        }
        for (AttachmentUpload a : attachments) {
            if (a == null) {
                throw new InvalidValueException("attachments", "an attachment is null");
            }
        }
        return List.copyOf(attachments);
    }

    /**
     * @param contact   the contact
     * @param toAddress one of its addresses, or a new one
     * @return a builder
     */
    public static Builder builder(ContactId contact, String toAddress) {
        return new Builder(contact, toAddress);
    }

    /** Collects the fields of a {@link NewTicket}; {@link #build()} validates them. */
    public static final class Builder {
        private final ContactId contact;
        private final String toAddress;
        private String subject;
        private String body;
        private final List<AttachmentUpload> attachments = new ArrayList<>();
        private Assignee assignee;
        private Priority priority = Priority.MEDIUM;
        private List<String> tags = List.of();
        private String agentId;

        private Builder(ContactId contact, String toAddress) {
            this.contact = contact;
            this.toAddress = toAddress;
        }

        /**
         * @param value the subject line
         * @return this builder
         */
        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        /**
         * @param value the message
         * @return this builder
         */
        public Builder body(String value) {
            this.body = value;
            return this;
        }

        /**
         * @param file a file to attach (added after those already given)
         * @return this builder
         */
        public Builder attach(AttachmentUpload file) {
            this.attachments.add(file);
            return this;
        }

        /**
         * @param value the agent or department, or null for none
         * @return this builder
         */
        public Builder assignee(Assignee value) {
            this.assignee = value;
            return this;
        }

        /**
         * @param value the priority
         * @return this builder
         */
        public Builder priority(Priority value) {
            this.priority = value;
            return this;
        }

        /**
         * @param value the tags
         * @return this builder
         */
        public Builder tags(List<String> value) {
            this.tags = value;
            return this;
        }

        /**
         * @param value the agent who creates the ticket, or null
         * @return this builder
         */
        public Builder author(String value) {
            this.agentId = value;
            return this;
        }

        /**
         * @return the validated ticket request
         * @throws InvalidValueException naming the field that is missing or invalid
         */
        public NewTicket build() {
            return new NewTicket(contact, toAddress, subject, body, attachments, assignee, priority, tags, agentId);
        }
    }
}

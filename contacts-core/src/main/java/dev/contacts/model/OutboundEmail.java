package dev.contacts.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One email the SDK asks the host's {@link dev.contacts.host.Mailer} to send: a ticket's
 * first message or an agent's reply. Its headers are fixed when the message is created,
 * so every attempt to send the same message carries the same {@code Message-ID},
 * {@code In-Reply-To} and {@code References}: a mailer that records the Message-IDs it has
 * sent can drop a repeat (delivery is at least once). The host chooses the {@code From}
 * address and may add the ticket number to the subject.
 *
 * @param property     the property
 * @param ticket       the ticket
 * @param ticketNumber the ticket's number in its property
 * @param message      the message
 * @param messageId    the Message-ID header value, {@code <left@right>}
 * @param inReplyTo    the In-Reply-To header value, or null for a ticket's first email
 * @param references   the References header values, oldest first (empty for a first email)
 * @param to           the recipient address
 * @param subject      the subject
 * @param body         the plain-text body
 * @param attachments  the files, whose bytes are read on demand from the blob store
 * @param attempt      which attempt this is, from 1
 */
public record OutboundEmail(PropertyId property, TicketId ticket, long ticketNumber, TicketMessageId message, String messageId,
                            String inReplyTo, List<String> references, String to, String subject, String body,
                            List<AttachedFile> attachments, int attempt) {
    /**
     * Copies the lists.
     *
     * @param property     the property
     * @param ticket       the ticket
     * @param ticketNumber the ticket's number in its property
     * @param message      the message
     * @param messageId    the Message-ID header value, {@code <left@right>}
     * @param inReplyTo    the In-Reply-To header value, or null for a ticket's first email
     * @param references   the References header values, oldest first (empty for a first email)
     * @param to           the recipient address
     * @param subject      the subject
     * @param body         the plain-text body
     * @param attachments  the files, whose bytes are read on demand from the blob store
     * @param attempt      which attempt this is, from 1
     */
    public OutboundEmail {
        Objects.requireNonNull(messageId, "messageId");
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
    }

    /**
     * A file of an outbound email.
     *
     * @param name        the file name
     * @param contentType the media type
     * @param size        the size in bytes
     * @param blobKey     the key of its bytes in the host's blob store
     * @param content     reads the bytes from the blob store
     */
    public record AttachedFile(String name, String contentType, long size, String blobKey, Supplier<byte[]> content) {
        /**
         * Checks the parts.
         *
         * @param name        the file name
         * @param contentType the media type
         * @param size        the size in bytes
         * @param blobKey     the key of its bytes in the host's blob store
         * @param content     reads the bytes from the blob store
         */
        public AttachedFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(blobKey, "blobKey");
            Objects.requireNonNull(content, "content");
        }

        /**
         * @return the bytes, read from the blob store now
         * @throws dev.contacts.StoreException if the blob store no longer has them
         */
        public byte[] bytes() {
            return content.get();
        }
    }
}

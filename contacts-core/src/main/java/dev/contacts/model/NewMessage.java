package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.List;

/**
 * A reply added to a ticket through the API: from an agent (emailed to the contact) or
 * from the contact (for replies that arrive by another channel than email; emails are
 * threaded with {@code TicketService.receiveReply}).
 *
 * @param sender      who writes it
 * @param agentId     the agent, or null (always null for the contact)
 * @param body        plain text, at most 64 KiB in UTF-8
 * @param attachments files to attach
 */
public record NewMessage(TicketMessage.Sender sender, String agentId, String body, List<AttachmentUpload> attachments) {
    /**
     * Validates and normalises.
     *
     * @param sender      who writes it
     * @param agentId     the agent, or null (always null for the contact)
     * @param body        plain text, at most 64 KiB in UTF-8
     * @param attachments files to attach
     * @throws InvalidValueException naming the component that is missing or invalid
     */
    public NewMessage {
        if (sender == null) {
            throw new InvalidValueException("sender", "say whether an agent or the contact writes the reply");
        }
        agentId = Values.text("agentId", agentId);
        if (sender == TicketMessage.Sender.CONTACT && agentId != null) {
            throw new InvalidValueException("agentId", "a reply of the contact has no agent");
        }
        body = MailText.body(body);
        attachments = NewTicket.uploads(attachments);
    }

    /**
     * @param agentId the agent who replies, or null
     * @param body    the reply
     * @param files   files to attach
     * @return an agent's reply, emailed to the contact
     */
    public static NewMessage fromAgent(String agentId, String body, AttachmentUpload... files) {
        return new NewMessage(TicketMessage.Sender.AGENT, agentId, body, List.of(files));
    }

    /**
     * @param body  the reply
     * @param files files attached
     * @return the contact's reply
     */
    public static NewMessage fromContact(String body, AttachmentUpload... files) {
        return new NewMessage(TicketMessage.Sender.CONTACT, null, body, List.of(files));
    }
}

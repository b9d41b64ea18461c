package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.time.Instant;

/**
 * One message of a live chat's transcript. Immutable and in normal form: the text is plain
 * text of several lines, normalised like TEXT, never blank, at most
 * {@value #MAX_TEXT_BYTES} bytes in UTF-8.
 *
 * @param author  who wrote it
 * @param agentId the agent who wrote it, or null for the visitor. It is not checked against the host's directory:
 *                a transcript is a record of the past, and an agent who has left still wrote it
 * @param text    the text
 * @param sent    when it was sent
 */
public record ChatMessage(Author author, String agentId, String text, Instant sent) {
    /** Most bytes of one message's text in UTF-8 (16 KiB). */
    public static final int MAX_TEXT_BYTES = 16 * 1024;

    /** Who wrote a chat message. */
    public enum Author {
        /** The contact, visiting the website. */
        VISITOR,
        /** An agent of the helpdesk. */
        AGENT
    }

    /**
     * Validates and normalises.
     *
     * @param author  who wrote it
     * @param agentId the agent who wrote it, or null for the visitor. It is not checked against the host's directory:
     *                a transcript is a record of the past, and an agent who has left still wrote it
     * @param text    the text
     * @param sent    when it was sent
     * @throws InvalidValueException naming the field that is missing or invalid
     */
    public ChatMessage {
        if (author == null) {
            throw new InvalidValueException("author", "say whether the visitor or an agent wrote the message");
        }
        if (author == Author.AGENT) {
            agentId = HostIds.agent("agentId", agentId);
        } else if (agentId != null) {
            throw new InvalidValueException("agentId", "a message of the visitor has no agent");
        }
        text = Values.requiredLongText("text", text, MAX_TEXT_BYTES);
        if (sent == null) {
            throw new InvalidValueException("sent", "a chat message needs the time it was sent");
        }
        sent = Values.date("sent", sent);
    }

    /**
     * @param text what the visitor wrote
     * @param sent when
     * @return the message
     */
    public static ChatMessage visitor(String text, Instant sent) {
        return new ChatMessage(Author.VISITOR, null, text, sent);
    }

    /**
     * @param agentId the agent
     * @param text    what the agent wrote
     * @param sent    when
     * @return the message
     */
    public static ChatMessage agent(String agentId, String text, Instant sent) {
        return new ChatMessage(Author.AGENT, agentId, text, sent);
    }
}

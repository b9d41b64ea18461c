package dev.contacts.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A live chat on the timeline, with its whole transcript, at its start.
 *
 * @param chat the chat
 */
public record ChatItem(LiveChat chat) implements TimelineItem {
    /**
     * Checks the chat is given.
     *
     * @param chat the chat
     */
    public ChatItem {
        Objects.requireNonNull(chat, "chat");
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.CHAT;
    }

    @Override
    public Instant time() {
        return chat.start();
    }

    @Override
    public UUID id() {
        return chat.id().value();
    }
}

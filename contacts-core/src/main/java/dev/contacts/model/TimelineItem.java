package dev.contacts.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One item of a contact's timeline: a {@link NoteItem}, a {@link ChatItem} or a
 * {@link TicketMessageItem}. Items are ordered newest first by {@link #time()}, then by
 * {@link #id()} descending as unsigned numbers. Read the payload with {@code instanceof}
 * ({@code if (item instanceof NoteItem n) … n.note()}) or switch on {@link #kind()}.
 *
 * <p>The timeline is for agents: it holds notes, which are internal. Do not hand it to a
 * contact-facing channel.
 */
public sealed interface TimelineItem permits NoteItem, ChatItem, TicketMessageItem {
    /** @return what kind of item it is */
    TimelineKind kind();

    /** @return its place in time: a note's creation, a chat's start, a ticket message's creation */
    Instant time();

    /** @return the id of the note, chat or ticket message, which orders items of the same instant */
    UUID id();
}

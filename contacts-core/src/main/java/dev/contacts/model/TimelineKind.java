package dev.contacts.model;

/** The kinds of item on a contact's timeline. */
public enum TimelineKind {
    /** Notes agents wrote on the contact ({@link Note}); internal, never shown to the contact. */
    NOTE,
    /** Live chats with their transcripts ({@link LiveChat}), each one item at its start. */
    CHAT,
    /** Messages of the contact's tickets, of agents and of the contact ({@link TicketMessage}). */
    TICKET
}

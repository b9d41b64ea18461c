package dev.contacts.model;

/**
 * Where a ticket is in its life. A new ticket is {@link #OPEN}; an agent moves it with an
 * optimistic update ({@code TicketService.update}). Any status may follow any other (a
 * closed ticket can be reopened); replies do not change the status.
 */
public enum TicketStatus {
    /** Waiting for the helpdesk. */
    OPEN,
    /** Waiting for the contact or a third party. */
    PENDING,
    /** Answered; the contact may still reply. */
    SOLVED,
    /** Finished. */
    CLOSED
}

package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A support ticket created from a contact's profile and conducted by email. Its messages
 * are read separately ({@code TicketService.messages}). Immutable and in normal form;
 * changed with optimistic locking on {@code version}.
 *
 * @param id        the id
 * @param version   optimistic-locking version, 1 after creation and one more on each update
 * @param number    the number shown to people, unique and increasing per property from 1 (0 only in a draft
 *                  handed to the store, which assigns it)
 * @param contact   the contact
 * @param toAddress the contact's address the ticket's emails go to
 * @param subject   the subject line
 * @param assignee  the agent or department it is assigned to, or null
 * @param priority  the priority
 * @param tags      tags, a TEXT_SET in normal form
 * @param status    the status
 * @param created   when it was created
 * @param updated   when its fields last changed (replies do not change it)
 */
public record Ticket(TicketId id, long version, long number, ContactId contact, String toAddress, String subject,
                     Assignee assignee, Priority priority, List<String> tags, TicketStatus status, Instant created,
                     Instant updated) {
    /**
     * Validates and normalises.
     *
     * @param id        the id
     * @param version   optimistic-locking version, 1 after creation and one more on each update
     * @param number    the number shown to people, unique and increasing per property from 1 (0 only in a draft
     *                  handed to the store, which assigns it)
     * @param contact   the contact
     * @param toAddress the contact's address the ticket's emails go to
     * @param subject   the subject line
     * @param assignee  the agent or department it is assigned to, or null
     * @param priority  the priority
     * @param tags      tags, a TEXT_SET in normal form
     * @param status    the status
     * @param created   when it was created
     * @param updated   when its fields last changed (replies do not change it)
     * @throws InvalidValueException naming the component that is missing or invalid
     */
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contact, "contact");
        if (version < 1) {
            throw new InvalidValueException("version", "a ticket's version starts at 1");
        }
        if (number < 0) {
            throw new InvalidValueException("number", "a ticket number is positive");
        }
        toAddress = MailText.address("toAddress", toAddress);
        subject = MailText.subject(subject);
        if (priority == null) {
            throw new InvalidValueException("priority", "give a priority (LOWEST, LOW, MEDIUM, HIGH, HIGHEST)");
        }
        tags = Values.textSet("tags", tags);
        if (status == null) {
            throw new InvalidValueException("status", "give a status (OPEN, PENDING, SOLVED, CLOSED)");
        }
        if (created == null || updated == null) {
            throw new InvalidValueException(created == null ? "created" : "updated", "a ticket needs its creation and update times");
        }
        created = Values.date("created", created);
        updated = Values.date("updated", updated);
    }

    /**
     * @param assigned the number the store assigned
     * @return this ticket with that number
     */
    public Ticket withNumber(long assigned) {
        return new Ticket(id, version, assigned, contact, toAddress, subject, assignee, priority, tags, status, created, updated);
    }

    /**
     * @param owner the contact this ticket's contact was merged into
     * @return this ticket belonging to that contact, otherwise unchanged (same version: a merge is not an edit)
     */
    public Ticket withContact(ContactId owner) {
        return new Ticket(id, version, number, owner, toAddress, subject, assignee, priority, tags, status, created, updated);
    }
}

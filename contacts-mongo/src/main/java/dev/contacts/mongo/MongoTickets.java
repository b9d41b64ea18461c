package dev.contacts.mongo;

import dev.contacts.model.ContactId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageId;
import dev.contacts.spi.TicketRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tickets (work in progress). */
final class MongoTickets implements TicketRepository {
    static final String APPLIED_TICKETS = "appliedTickets";
    static final String APPLIED_MESSAGES = "appliedMessages";
    static final String MESSAGE_IDS = "messageIds";
    static final String OUTBOX = "outbox";
    static final String PENDING = "pending";
    private final MongoStore store;

    MongoTickets(MongoStore store) {
        this.store = store;
    }

    @Override public Ticket create(PropertyId property, Ticket draft, TicketMessage first) { throw new UnsupportedOperationException(); }
    @Override public Optional<Ticket> get(PropertyId property, TicketId id) { return Optional.empty(); }
    @Override public Optional<Ticket> findByNumber(PropertyId property, long number) { return Optional.empty(); }
    @Override public List<Ticket> listByContact(PropertyId property, ContactId contact) { return List.of(); }
    @Override public List<Ticket> list(PropertyId property, long afterNumber, int limit) { return List.of(); }
    @Override public void update(PropertyId property, Ticket ticket, long expectedVersion) { throw new UnsupportedOperationException(); }
    @Override public boolean appendMessage(PropertyId property, TicketMessage message) { throw new UnsupportedOperationException(); }
    @Override public List<TicketMessage> listMessages(PropertyId property, TicketId ticket) { return List.of(); }
    @Override public Optional<Ticket> findByMessageId(PropertyId property, String messageId) { return Optional.empty(); }
    @Override public List<TicketMessage> listContactMessages(PropertyId property, ContactId contact, Instant beforeCreated, TicketMessageId beforeId, int limit) { return List.of(); }
    @Override public List<TicketMessage> listDueEmails(PropertyId property, Instant now, int limit) { return List.of(); }
    @Override public Optional<TicketMessage> claimEmail(PropertyId property, TicketId ticket, TicketMessageId message, Instant now, Instant leaseUntil) { return Optional.empty(); }
    @Override public boolean markEmailSent(PropertyId property, TicketId ticket, TicketMessageId message, Instant sentAt) { return false; }
    @Override public boolean markEmailFailed(PropertyId property, TicketId ticket, TicketMessageId message, int attempt, Instant nextAttempt, String error) { return false; }
    @Override public List<String> deleteAllFor(PropertyId property, ContactId contact) { return List.of(); }
    @Override public long recover(PropertyId property) { return StoreCalls.run("recover", property, () -> store.recovery().recover(property)); }
}

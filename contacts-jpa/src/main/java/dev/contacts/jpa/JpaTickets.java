package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.internal.StoreArguments;
import dev.contacts.jpa.Sql.ColumnType;
import dev.contacts.model.Assignee;
import dev.contacts.model.Attachment;
import dev.contacts.model.ContactId;
import dev.contacts.model.Delivery;
import dev.contacts.model.Priority;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageId;
import dev.contacts.model.TicketStatus;
import dev.contacts.spi.TicketRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Tickets, their messages and the outbox ({@code ticket_email}, one row per agent message,
 * inserted in the same transaction as the message). Each write is one transaction: the
 * ticket number comes from {@code UPDATE ticket_counter SET last_number = last_number + 1}
 * (a per-property row created with the property, locked until commit, so numbers are unique
 * and increasing and a refused creation uses none); the contact's statistics change in one
 * statement ({@code COALESCE}/{@code CASE}, since {@code NULL + 1} is NULL); delivery
 * changes are conditional updates, so two dispatchers cannot claim the same attempt.
 * {@link #recover} has nothing to complete.
 */
final class JpaTickets implements TicketRepository {
    private static final String TICKET_COLUMNS = "t.id, t.version, t.ticket_number, t.contact_id, t.to_address, t.subject, t.assignee_kind, "
            + "t.assignee_id, t.priority, t.status, t.tags, t.created, t.updated";
    static final String MESSAGE_COLUMNS = "m.id, m.ticket_id, m.contact_id, m.sender, m.agent_id, m.contact_address, m.subject, "
            + "m.body, m.message_id, m.in_reply_to, m.refs, m.attachments, m.created, e.status AS delivery_status, e.attempts, "
            + "e.next_attempt, e.sent_at, e.last_error";
    static final String MESSAGES = " FROM ticket_message m LEFT JOIN ticket_email e ON e.property_id = m.property_id "
            + "AND e.message_id = m.id";

    private final Transactions tx;

    JpaTickets(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Ticket create(PropertyId property, Ticket draft, TicketMessage first) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(first, "first");
        StoreArguments.checkDraft(draft, first);
        String p = property.value();
        return tx.run("create ticket", db -> {
            JpaEntityRepository.requireProperty(db, p, "create a ticket");
            Instant at = draft.created();
            Sql stats = ContactStatistics.add(db.sql("UPDATE contact SET "), "total_tickets", 1);
            ContactStatistics.earliest(stats, "first_ticket", at);
            ContactStatistics.latest(stats, "last_ticket", at);
            int contacts = db.update(ContactStatistics.bumpVersion(stats, p, draft.contact().value()));
            if (contacts == 0) {
                throw new NotFoundException("contact " + draft.contact() + " does not exist in property " + p);
            }
            if (db.exists(db.sql("SELECT 1 FROM ticket WHERE property_id = ").value(p).append(" AND id = ").value(draft.id().value()))
                    || messageExists(db, p, first.id())) {
                throw new ConflictException("ticket " + draft.id() + " or message " + first.id() + " already exists in property " + p);
            }
            checkMessageIdFree(db, p, first.messageId());
            db.update(db.sql("UPDATE ticket_counter SET last_number = last_number + 1 WHERE property_id = ").value(p));
            long number = db.first(db.sql("SELECT last_number FROM ticket_counter WHERE property_id = ").value(p), rs -> rs.getLong(1))
                    .orElseThrow(() -> new IllegalStateException("property " + p + " has no ticket counter"));
            Ticket ticket = draft.withNumber(number);
            db.update(db.sql("INSERT INTO ticket (property_id, id, version, ticket_number, contact_id, to_address, subject, assignee_kind, "
                    + "assignee_id, priority, status, tags, created, updated) VALUES (").value(p).append(", ").value(ticket.id().value())
                    .append(", ").value(ticket.version()).append(", ").value(number).append(", ").value(ticket.contact().value())
                    .append(", ").value(ticket.toAddress()).append(", ").value(ticket.subject()).append(", ")
                    .value(ColumnType.TEXT, ticket.assignee() == null ? null : ticket.assignee().kind().name()).append(", ")
                    .value(ColumnType.TEXT, ticket.assignee() == null ? null : ticket.assignee().id()).append(", ")
                    .value(ticket.priority().name()).append(", ").value(ticket.status().name()).append(", ")
                    .value(ColumnType.TEXT, TextList.encode(ticket.tags())).append(", ").value(ticket.created()).append(", ")
                    .value(ticket.updated()).append(")"));
            insertMessage(db, p, first);
            return ticket;
        });
    }

    private static boolean messageExists(Db db, String property, TicketMessageId id) throws SQLException {
        return db.exists(db.sql("SELECT 1 FROM ticket_message WHERE property_id = ").value(property).append(" AND id = ").value(id.value()));
    }

    private static void checkMessageIdFree(Db db, String property, String messageId) throws SQLException {
        if (db.exists(db.sql("SELECT 1 FROM ticket_message WHERE property_id = ").value(property).append(" AND message_id = ")
                .value(messageId))) {
            throw new ConflictException("the Message-ID " + messageId + " is already used in property " + property);
        }
    }

    /** Inserts a message at the end of its ticket's thread, with its outbox row when an agent wrote it. */
    private static void insertMessage(Db db, String property, TicketMessage m) throws SQLException {
        long sequence = db.count(db.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM ticket_message WHERE property_id = ").value(property)
                .append(" AND ticket_id = ").value(m.ticket().value()));
        List<String> attachments = new ArrayList<>();
        for (Attachment a : m.attachments()) {
            attachments.add(a.name());
            attachments.add(a.contentType());
            attachments.add(Long.toString(a.size()));
            attachments.add(a.blobKey());
        }
        db.update(db.sql("INSERT INTO ticket_message (property_id, id, ticket_id, contact_id, seq, sender, agent_id, contact_address, "
                + "subject, body, message_id, in_reply_to, refs, attachments, created) VALUES (").value(property).append(", ")
                .value(m.id().value()).append(", ").value(m.ticket().value()).append(", ").value(m.contact().value()).append(", ")
                .value(sequence).append(", ").value(m.sender().name()).append(", ").value(ColumnType.TEXT, m.agentId()).append(", ")
                .value(m.contactAddress()).append(", ").value(m.subject()).append(", ").value(m.body()).append(", ")
                .value(m.messageId()).append(", ").value(ColumnType.TEXT, m.inReplyTo()).append(", ")
                .value(ColumnType.TEXT, TextList.encode(m.references())).append(", ").value(ColumnType.TEXT, TextList.encode(attachments))
                .append(", ").value(m.created()).append(")"));
        Delivery d = m.delivery();
        if (d != null) {
            db.update(db.sql("INSERT INTO ticket_email (property_id, message_id, ticket_id, status, attempts, next_attempt, sent_at, "
                    + "last_error) VALUES (").value(property).append(", ").value(m.id().value()).append(", ").value(m.ticket().value())
                    .append(", ").value(d.status().name()).append(", ").value(d.attempts()).append(", ")
                    .value(ColumnType.INSTANT, d.nextAttempt()).append(", ").value(ColumnType.INSTANT, d.sentAt()).append(", ")
                    .value(ColumnType.TEXT, d.lastError()).append(")"));
        }
    }

    @Override
    public Optional<Ticket> get(PropertyId property, TicketId id) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(id, "id");
        return tx.run("get ticket", db -> db.first(tickets(db, property.value()).append(" AND t.id = ").value(id.value()), r -> ticket(db, r)));
    }

    private static Sql tickets(Db db, String property) {
        return db.sql("SELECT " + TICKET_COLUMNS + " FROM ticket t WHERE t.property_id = ").value(property);
    }

    @Override
    public Optional<Ticket> findByNumber(PropertyId property, long number) {
        Objects.requireNonNull(property, "property");
        return tx.run("find ticket by number", db -> db.first(tickets(db, property.value()).append(" AND t.ticket_number = ").value(number),
                r -> ticket(db, r)));
    }

    @Override
    public List<Ticket> listByContact(PropertyId property, ContactId contact) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(contact, "contact");
        return tx.run("list tickets of contact", db -> db.list(tickets(db, property.value()).append(" AND t.contact_id = ")
                .value(contact.value()).append(" ORDER BY t.ticket_number DESC"), r -> ticket(db, r)));
    }

    @Override
    public List<Ticket> list(PropertyId property, long afterNumber, int limit) {
        Objects.requireNonNull(property, "property");
        StoreArguments.checkLimit(limit, 1000);
        return tx.run("list tickets", db -> db.list(tickets(db, property.value()).append(" AND t.ticket_number > ").value(afterNumber)
                .append(" ORDER BY t.ticket_number LIMIT " + limit), r -> ticket(db, r)));
    }

    @Override
    public void update(PropertyId property, Ticket ticket, long expectedVersion) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(ticket, "ticket");
        String p = property.value();
        tx.run("update ticket", db -> {
            JpaEntityRepository.requireProperty(db, p, "update a ticket");
            Ticket s = OptimisticLock.lock(db, tickets(db, p).append(" AND t.id = ").value(ticket.id().value()), r -> ticket(db, r),
                    Ticket::version, "ticket " + ticket.id(), p, expectedVersion);
            if (ticket.version() != expectedVersion + 1 || ticket.number() != s.number() || !ticket.contact().equals(s.contact())
                    || !ticket.created().equals(s.created())) {
                throw new IllegalArgumentException("the new state of ticket " + ticket.id() + " must have version "
                        + (expectedVersion + 1) + " and keep its number, contact and creation time");
            }
            db.update(db.sql("UPDATE ticket SET version = ").value(ticket.version()).append(", to_address = ").value(ticket.toAddress())
                    .append(", subject = ").value(ticket.subject()).append(", assignee_kind = ")
                    .value(ColumnType.TEXT, ticket.assignee() == null ? null : ticket.assignee().kind().name()).append(", assignee_id = ")
                    .value(ColumnType.TEXT, ticket.assignee() == null ? null : ticket.assignee().id()).append(", priority = ")
                    .value(ticket.priority().name()).append(", status = ").value(ticket.status().name()).append(", tags = ")
                    .value(ColumnType.TEXT, TextList.encode(ticket.tags())).append(", updated = ").value(ticket.updated())
                    .append(" WHERE property_id = ").value(p).append(" AND id = ").value(ticket.id().value()).append(" AND version = ")
                    .value(expectedVersion));
            return null;
        });
    }

    @Override
    public boolean appendMessage(PropertyId property, TicketMessage message) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(message, "message");
        String p = property.value();
        return tx.run("append ticket message", db -> {
            JpaEntityRepository.requireProperty(db, p, "append a ticket message");
            // locks the ticket: appends to one thread are serialised, so sequences are unique
            Optional<UUID> contact = db.first(db.sql("SELECT contact_id FROM ticket WHERE property_id = ").value(p).append(" AND id = ")
                    .value(message.ticket().value()).append(" FOR UPDATE"), rs -> db.id(rs, "contact_id"));
            if (contact.isEmpty()) {
                throw new NotFoundException("ticket " + message.ticket() + " does not exist in property " + p);
            }
            if (!message.contact().value().equals(contact.get())) {
                throw new IllegalArgumentException("message " + message.id() + " names contact " + message.contact()
                        + " but its ticket belongs to " + contact.get());
            }
            Optional<UUID> sameMessageId = db.first(db.sql("SELECT ticket_id FROM ticket_message WHERE property_id = ").value(p)
                    .append(" AND message_id = ").value(message.messageId()), rs -> db.id(rs, "ticket_id"));
            if (sameMessageId.isPresent()) {
                if (sameMessageId.get().equals(message.ticket().value())) {
                    return false;
                }
                throw new ConflictException("the Message-ID " + message.messageId() + " is already used in property " + p);
            }
            if (messageExists(db, p, message.id())) {
                throw new ConflictException("message " + message.id() + " already exists in property " + p);
            }
            insertMessage(db, p, message);
            if (message.sender() == TicketMessage.Sender.CONTACT) {
                Instant at = message.created();
                Sql seen = ContactStatistics.earliest(db.sql("UPDATE contact SET "), "first_seen", at);
                ContactStatistics.latest(seen, "last_seen", at);
                db.update(ContactStatistics.bumpVersion(seen, p, contact.get()));
            }
            return true;
        });
    }

    @Override
    public List<TicketMessage> listMessages(PropertyId property, TicketId ticket) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(ticket, "ticket");
        return tx.run("list ticket messages", db -> db.list(db.sql("SELECT " + MESSAGE_COLUMNS + MESSAGES + " WHERE m.property_id = ")
                .value(property.value()).append(" AND m.ticket_id = ").value(ticket.value()).append(" ORDER BY m.seq"),
                r -> message(db, r)));
    }

    @Override
    public Optional<TicketMessage> lastMessage(PropertyId property, TicketId ticket) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(ticket, "ticket");
        return tx.run("read a ticket's last message", db -> db.first(db.sql("SELECT " + MESSAGE_COLUMNS + MESSAGES
                + " WHERE m.property_id = ").value(property.value()).append(" AND m.ticket_id = ").value(ticket.value())
                .append(" ORDER BY m.seq DESC LIMIT 1"), r -> message(db, r)));
    }

    @Override
    public Optional<Ticket> findByMessageId(PropertyId property, String messageId) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(messageId, "messageId");
        return tx.run("find ticket by Message-ID", db -> db.first(db.sql("SELECT " + TICKET_COLUMNS
                + " FROM ticket t JOIN ticket_message m ON m.property_id = t.property_id AND m.ticket_id = t.id WHERE t.property_id = ")
                .value(property.value()).append(" AND m.message_id = ").value(messageId), r -> ticket(db, r)));
    }

    @Override
    public List<TicketMessage> listContactMessages(PropertyId property, ContactId contact, Instant beforeCreated,
                                                     TicketMessageId beforeId, int limit) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(contact, "contact");
        StoreArguments.checkPosition(beforeCreated, beforeId);
        StoreArguments.checkLimit(limit, 1001);
        return tx.run("list contact ticket messages", db -> {
            Sql sql = db.sql("SELECT " + MESSAGE_COLUMNS + MESSAGES + " WHERE m.property_id = ").value(property.value())
                    .append(" AND m.contact_id = ").value(contact.value());
            return db.list(sql.newestFirst("m.created", "m.id", beforeCreated, beforeId == null ? null : beforeId.value(), limit),
                    r -> message(db, r));
        });
    }

    @Override
    public List<TicketMessage> listDueEmails(PropertyId property, Instant now, int limit) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(now, "now");
        StoreArguments.checkLimit(limit, 1000);
        return tx.run("list due emails", db -> db.list(db.sql("SELECT " + MESSAGE_COLUMNS
                + " FROM ticket_email e JOIN ticket_message m ON m.property_id = e.property_id AND m.id = e.message_id WHERE e.property_id = ")
                .value(property.value()).append(" AND e.status = 'PENDING' AND e.next_attempt <= ").value(now)
                .append(" ORDER BY e.next_attempt, e.message_id LIMIT " + limit), r -> message(db, r)));
    }

    @Override
    public Optional<TicketMessage> claimEmail(PropertyId property, TicketId ticket, TicketMessageId message, Instant now,
                                              Instant leaseUntil) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        return changeDelivery("claim email", property, ticket, message, db -> db.sql("UPDATE ticket_email SET attempts = attempts + 1, "
                + "next_attempt = ").value(leaseUntil), db -> db.sql(" AND status = 'PENDING' AND next_attempt <= ").value(now));
    }

    @Override
    public boolean markEmailSent(PropertyId property, TicketId ticket, TicketMessageId message, Instant sentAt) {
        Objects.requireNonNull(sentAt, "sentAt");
        return changeDelivery("mark email sent", property, ticket, message, db -> db.sql("UPDATE ticket_email SET status = 'SENT', "
                + "next_attempt = NULL, last_error = NULL, sent_at = ").value(sentAt), db -> db.sql(" AND status = 'PENDING'")).isPresent();
    }

    @Override
    public boolean markEmailFailed(PropertyId property, TicketId ticket, TicketMessageId message, int attempt, Instant nextAttempt,
                                   String error) {
        return changeDelivery("mark email failed", property, ticket, message, db -> db.sql("UPDATE ticket_email SET status = ")
                .value(nextAttempt == null ? Delivery.Status.FAILED.name() : Delivery.Status.PENDING.name()).append(", next_attempt = ")
                .value(ColumnType.INSTANT, nextAttempt).append(", last_error = ").value(ColumnType.TEXT, error),
                db -> db.sql(" AND status = 'PENDING' AND attempts = ").value(attempt)).isPresent();
    }

    /** Builds part of a statement for a transaction's connection. */
    @FunctionalInterface
    private interface Fragment {
        Sql build(Db db);
    }

    /** A conditional change of one outbox row; the changed message when the condition held. */
    private Optional<TicketMessage> changeDelivery(String operation, PropertyId property, TicketId ticket, TicketMessageId message,
                                                   Fragment set, Fragment condition) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(message, "message");
        String p = property.value();
        return tx.run(operation, db -> {
            Sql sql = set.build(db).append(" WHERE property_id = ").value(p).append(" AND message_id = ").value(message.value())
                    .append(" AND ticket_id = ").value(ticket.value());
            if (db.update(sql.append(condition.build(db))) == 0) {
                return Optional.<TicketMessage>empty();
            }
            return db.first(db.sql("SELECT " + MESSAGE_COLUMNS + MESSAGES + " WHERE m.property_id = ").value(p).append(" AND m.id = ")
                    .value(message.value()), r -> message(db, r));
        });
    }

    @Override
    public List<String> deleteAllFor(PropertyId property, ContactId contact) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(contact, "contact");
        String p = property.value();
        return tx.run("delete tickets of contact", db -> {
            List<String> blobs = new ArrayList<>();
            for (String encoded : db.list(db.sql("SELECT attachments FROM ticket_message WHERE property_id = ").value(p)
                    .append(" AND contact_id = ").value(contact.value()).append(" AND attachments IS NOT NULL"), rs -> rs.getString(1))) {
                List<String> fields = TextList.decode(encoded);
                for (int i = 3; i < fields.size(); i += 4) {
                    blobs.add(fields.get(i));
                }
            }
            // messages and outbox rows go with their tickets (ON DELETE CASCADE)
            db.update(db.sql("DELETE FROM ticket WHERE property_id = ").value(p).append(" AND contact_id = ").value(contact.value()));
            return List.copyOf(blobs);
        });
    }

    @Override
    public long reassign(PropertyId property, ContactId from, ContactId to) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return tx.run("reassign tickets", db -> reassign(db, property.value(), from, to));
    }

    /**
     * Moves a contact's tickets and their messages to another contact, in the caller's
     * transaction; when that contact does not exist (deleted before an interrupted merge was
     * completed) the tickets are deleted instead, with their messages and pending emails, as
     * its history was. Their attachment bytes are left to {@code Contacts.recover()}.
     *
     * @return how many tickets moved (or were deleted)
     */
    private static long reassign(Db db, String property, ContactId from, ContactId to) throws SQLException {
        if (!JpaContacts.lock(db, property, to.value())) {
            return db.update(db.sql("DELETE FROM ticket WHERE property_id = ").value(property).append(" AND contact_id = ")
                    .value(from.value()));
        }
        db.update(db.sql("UPDATE ticket_message SET contact_id = ").value(to.value()).append(" WHERE property_id = ").value(property)
                .append(" AND contact_id = ").value(from.value()));
        return db.update(db.sql("UPDATE ticket SET contact_id = ").value(to.value()).append(" WHERE property_id = ").value(property)
                .append(" AND contact_id = ").value(from.value()));
    }

    /** Returns 0: every write of this store is one transaction, so none is ever left half done. */
    @Override
    public long recover(PropertyId property) {
        Objects.requireNonNull(property, "property");
        return 0;
    }

    private static Ticket ticket(Db db, ResultSet rs) throws SQLException {
        String kind = rs.getString("assignee_kind");
        Assignee assignee = kind == null ? null : new Assignee(Assignee.Kind.valueOf(kind), rs.getString("assignee_id"));
        return new Ticket(new TicketId(db.id(rs, "id")), rs.getLong("version"), rs.getLong("ticket_number"), new ContactId(db.id(rs, "contact_id")),
                rs.getString("to_address"), rs.getString("subject"), assignee, Priority.valueOf(rs.getString("priority")),
                TextList.decode(rs.getString("tags")), TicketStatus.valueOf(rs.getString("status")), db.instant(rs, "created"),
                db.instant(rs, "updated"));
    }

    static TicketMessage message(Db db, ResultSet rs) throws SQLException {
        List<String> fields = TextList.decode(rs.getString("attachments"));
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i + 3 < fields.size(); i += 4) {
            attachments.add(new Attachment(fields.get(i), fields.get(i + 1), Long.parseLong(fields.get(i + 2)), fields.get(i + 3)));
        }
        String status = rs.getString("delivery_status");
        Delivery delivery = status == null ? null : new Delivery(Delivery.Status.valueOf(status), rs.getInt("attempts"),
                db.instant(rs, "next_attempt"), db.instant(rs, "sent_at"), rs.getString("last_error"));
        return new TicketMessage(new TicketMessageId(db.id(rs, "id")), new TicketId(db.id(rs, "ticket_id")),
                new ContactId(db.id(rs, "contact_id")), TicketMessage.Sender.valueOf(rs.getString("sender")), rs.getString("agent_id"),
                rs.getString("contact_address"), rs.getString("subject"), rs.getString("body"), attachments, rs.getString("message_id"),
                rs.getString("in_reply_to"), TextList.decode(rs.getString("refs")), db.instant(rs, "created"), delivery);
    }
}

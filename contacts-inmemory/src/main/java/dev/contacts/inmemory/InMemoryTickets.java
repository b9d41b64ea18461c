package dev.contacts.inmemory;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.internal.StoreArguments;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Delivery;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageId;
import dev.contacts.spi.TicketRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Tickets: every write under the property's write lock, which also guards the contacts,
 * so a ticket, its first message, its pending email, the number counter and the contact's
 * statistics change together or not at all. {@link #recover} has nothing to complete.
 */
final class InMemoryTickets implements TicketRepository {
    private final InMemoryStore store;

    InMemoryTickets(InMemoryStore store) {
        this.store = store;
    }

    private PropertyData require(PropertyId property, String action) {
        return store.require(property, action);
    }

    /** Runs a read on an existing property, or returns {@code absent} when the property does not exist. */
    private <R> R read(PropertyId property, R absent, Function<TicketData, R> action) {
        return store.read(property, absent, data -> action.apply(data.tickets));
    }

    @Override
    public Ticket create(PropertyId property, Ticket draft, TicketMessage first) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(first, "first");
        StoreArguments.checkDraft(draft, first);
        PropertyData data = require(property, "create a ticket");
        return data.write(() -> {
            TicketData t = data.tickets;
            Row<Contact> contact = data.contacts.get(draft.contact());
            if (contact == null) {
                throw new NotFoundException("contact " + draft.contact() + " does not exist in property " + property);
            }
            if (t.tickets.containsKey(draft.id()) || t.messages.containsKey(first.id())) {
                throw new ConflictException("ticket " + draft.id() + " or message " + first.id() + " already exists in property " + property);
            }
            checkMessageIdFree(t, first, property);
            Ticket ticket = draft.withNumber(++t.lastNumber);
            t.insertTicket(ticket);
            t.insertMessage(first);
            Contact c = contact.entity;
            Contact next = c.toBuilder()
                    .set("totalTickets", c.totalTickets() == null ? BigDecimal.ONE : c.totalTickets().add(BigDecimal.ONE))
                    .set("firstTicket", ContactStats.min(c.firstTicket(), ticket.created()))
                    .set("lastTicket", ContactStats.max(c.lastTicket(), ticket.created()))
                    .version(c.version() + 1).build();
            data.contacts.replace(contact, Schema.CONTACTS.row(next));
            return ticket;
        });
    }

    private static void checkMessageIdFree(TicketData t, TicketMessage message, PropertyId property) {
        if (t.byMessageId.containsKey(message.messageId())) {
            throw new ConflictException("the Message-ID " + message.messageId() + " is already used in property " + property);
        }
    }

    @Override
    public Optional<Ticket> get(PropertyId property, TicketId id) {
        Objects.requireNonNull(id, "id");
        return read(property, Optional.empty(), t -> Optional.ofNullable(t.tickets.get(id)));
    }

    @Override
    public Optional<Ticket> findByNumber(PropertyId property, long number) {
        return read(property, Optional.empty(), t -> {
            TicketId id = t.byNumber.get(number);
            return id == null ? Optional.<Ticket>empty() : Optional.of(t.tickets.get(id));
        });
    }

    @Override
    public List<Ticket> listByContact(PropertyId property, ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return read(property, List.of(), t -> {
            List<Ticket> found = new ArrayList<>();
            for (TicketId id : t.byContact.getOrDefault(contact, Set.of())) {
                found.add(t.tickets.get(id));
            }
            found.sort(Comparator.comparingLong(Ticket::number).reversed());
            return List.copyOf(found);
        });
    }

    @Override
    public List<Ticket> list(PropertyId property, long afterNumber, int limit) {
        StoreArguments.checkLimit(limit, 1000);
        return read(property, List.of(), t -> {
            List<Ticket> page = new ArrayList<>();
            for (TicketId id : t.byNumber.tailMap(afterNumber, false).values()) {
                if (page.size() == limit) {
                    break;
                }
                page.add(t.tickets.get(id));
            }
            return List.copyOf(page);
        });
    }

    @Override
    public void update(PropertyId property, Ticket ticket, long expectedVersion) {
        Objects.requireNonNull(ticket, "ticket");
        PropertyData data = require(property, "update a ticket");
        data.write(() -> {
            Ticket stored = data.tickets.tickets.get(ticket.id());
            if (stored == null) {
                throw new NotFoundException("ticket " + ticket.id() + " does not exist in property " + property);
            }
            if (stored.version() != expectedVersion) {
                throw new ConflictException("ticket " + ticket.id() + " is at version " + stored.version() + ", not "
                        + expectedVersion + "; reload it and apply the change again");
            }
            if (ticket.version() != expectedVersion + 1 || ticket.number() != stored.number()
                    || !ticket.contact().equals(stored.contact()) || !ticket.created().equals(stored.created())) {
                throw new IllegalArgumentException("the new state of ticket " + ticket.id() + " must have version "
                        + (expectedVersion + 1) + " and keep its number, contact and creation time");
            }
            data.tickets.tickets.put(ticket.id(), ticket);
            return null;
        });
    }

    @Override
    public boolean appendMessage(PropertyId property, TicketMessage message) {
        Objects.requireNonNull(message, "message");
        PropertyData data = require(property, "append a ticket message");
        return data.write(() -> {
            TicketData t = data.tickets;
            Ticket ticket = t.tickets.get(message.ticket());
            if (ticket == null) {
                throw new NotFoundException("ticket " + message.ticket() + " does not exist in property " + property);
            }
            if (!message.contact().equals(ticket.contact())) {
                throw new IllegalArgumentException("message " + message.id() + " names contact " + message.contact()
                        + " but its ticket belongs to " + ticket.contact());
            }
            TicketMessageId same = t.byMessageId.get(message.messageId());
            if (same != null && t.messages.get(same).ticket().equals(ticket.id())) {
                return false;
            }
            checkMessageIdFree(t, message, property);
            if (t.messages.containsKey(message.id())) {
                throw new ConflictException("message " + message.id() + " already exists in property " + property);
            }
            t.insertMessage(message);
            if (message.sender() == TicketMessage.Sender.CONTACT) {
                Row<Contact> contact = data.contacts.get(ticket.contact());
                if (contact != null) {
                    Contact c = contact.entity;
                    Contact next = c.toBuilder().set("firstSeen", ContactStats.min(c.firstSeen(), message.created()))
                            .set("lastSeen", ContactStats.max(c.lastSeen(), message.created())).version(c.version() + 1).build();
                    data.contacts.replace(contact, Schema.CONTACTS.row(next));
                }
            }
            return true;
        });
    }

    @Override
    public List<TicketMessage> listMessages(PropertyId property, TicketId ticket) {
        Objects.requireNonNull(ticket, "ticket");
        return read(property, List.of(), t -> {
            List<TicketMessage> thread = new ArrayList<>();
            for (TicketMessageId id : t.threads.getOrDefault(ticket, List.of())) {
                thread.add(t.messages.get(id));
            }
            return List.copyOf(thread);
        });
    }

    @Override
    public Optional<TicketMessage> lastMessage(PropertyId property, TicketId ticket) {
        Objects.requireNonNull(ticket, "ticket");
        return read(property, Optional.empty(), t -> {
            List<TicketMessageId> thread = t.threads.getOrDefault(ticket, List.of());
            return thread.isEmpty() ? Optional.empty() : Optional.of(t.messages.get(thread.get(thread.size() - 1)));
        });
    }

    @Override
    public Optional<Ticket> findByMessageId(PropertyId property, String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        return read(property, Optional.empty(), t -> {
            TicketMessageId id = t.byMessageId.get(messageId);
            return id == null ? Optional.<Ticket>empty() : Optional.of(t.tickets.get(t.messages.get(id).ticket()));
        });
    }

    @Override
    public List<TicketMessage> listContactMessages(PropertyId property, ContactId contact, Instant beforeCreated,
                                                     TicketMessageId beforeId, int limit) {
        Objects.requireNonNull(contact, "contact");
        StoreArguments.checkPosition(beforeCreated, beforeId);
        StoreArguments.checkLimit(limit, 1001);
        return read(property, List.of(), t -> {
            NavigableSet<TicketData.Position> positions = t.timeline.get(contact);
            if (positions == null) {
                return List.<TicketMessage>of();
            }
            Iterable<TicketData.Position> from = beforeId == null ? positions
                    : positions.tailSet(new TicketData.Position(beforeCreated, beforeId), false);
            List<TicketMessage> page = new ArrayList<>();
            for (TicketData.Position p : from) {
                if (page.size() == limit) {
                    break;
                }
                page.add(t.messages.get(p.id()));
            }
            return List.copyOf(page);
        });
    }

    @Override
    public List<TicketMessage> listDueEmails(PropertyId property, Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        StoreArguments.checkLimit(limit, 1000);
        return read(property, List.of(), t -> {
            List<TicketMessage> due = new ArrayList<>();
            for (TicketData.Due d : t.due) {
                if (d.at().isAfter(now) || due.size() == limit) {
                    break;
                }
                due.add(t.messages.get(d.id()));
            }
            return List.copyOf(due);
        });
    }

    @Override
    public Optional<TicketMessage> claimEmail(PropertyId property, TicketId ticket, TicketMessageId message, Instant now,
                                              Instant leaseUntil) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        return changeDelivery(property, ticket, message, Optional.empty(), (m, d) -> {
            if (d.status() != Delivery.Status.PENDING || d.nextAttempt().isAfter(now)) {
                return Optional.empty();
            }
            return Optional.of(d.claimed(leaseUntil));
        }, Optional::of);
    }

    @Override
    public boolean markEmailSent(PropertyId property, TicketId ticket, TicketMessageId message, Instant sentAt) {
        Objects.requireNonNull(sentAt, "sentAt");
        return changeDelivery(property, ticket, message, false,
                (m, d) -> d.status() == Delivery.Status.PENDING ? Optional.of(d.sent(sentAt)) : Optional.empty(), m -> true);
    }

    @Override
    public boolean markEmailFailed(PropertyId property, TicketId ticket, TicketMessageId message, int attempt, Instant nextAttempt,
                                   String error) {
        return changeDelivery(property, ticket, message, false,
                (m, d) -> d.status() == Delivery.Status.PENDING && d.attempts() == attempt
                        ? Optional.of(d.failed(nextAttempt, error)) : Optional.empty(), m -> true);
    }

    /** A conditional change of one message's delivery state under the write lock. */
    private <R> R changeDelivery(PropertyId property, TicketId ticket, TicketMessageId message, R unchanged,
                                 java.util.function.BiFunction<TicketMessage, Delivery, Optional<Delivery>> change,
                                 Function<TicketMessage, R> changed) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(message, "message");
        PropertyData data = store.data(property);
        if (data == null) {
            return unchanged;
        }
        return data.write(() -> {
            TicketMessage m = data.tickets.messages.get(message);
            if (m == null || !m.ticket().equals(ticket) || m.delivery() == null) {
                return unchanged;
            }
            Optional<Delivery> next = change.apply(m, m.delivery());
            return next.isEmpty() ? unchanged : changed.apply(data.tickets.replaceDelivery(m, next.get()));
        });
    }

    @Override
    public List<String> deleteAllFor(PropertyId property, ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(property, "property");
        PropertyData data = store.data(property);
        if (data == null) {
            return List.of();
        }
        return data.write(() -> {
            List<String> blobs = new ArrayList<>();
            for (TicketId id : new ArrayList<>(data.tickets.byContact.getOrDefault(contact, Set.of()))) {
                blobs.addAll(data.tickets.removeTicket(id));
            }
            return List.copyOf(blobs);
        });
    }

    @Override
    public long reassign(PropertyId property, ContactId from, ContactId to) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return store.writeIfPresent(property, 0L, data -> {
            if (data.contacts.get(to) != null) {
                return data.tickets.reassign(from, to);
            }
            // the kept contact was deleted before the merge was completed: its history goes with it
            Set<TicketId> tickets = data.tickets.byContact.getOrDefault(from, Set.of());
            long deleted = tickets.size();
            for (TicketId id : new ArrayList<>(tickets)) {
                data.tickets.removeTicket(id);
            }
            return deleted;
        });
    }

    /** Returns 0: every write of this store is atomic under the property's lock, so none is ever left half done. */
    @Override
    public long recover(PropertyId property) {
        Objects.requireNonNull(property, "property");
        return 0;
    }
}

package dev.contacts.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.internal.StoreArguments;
import dev.contacts.model.ContactId;
import dev.contacts.model.Delivery;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageId;
import dev.contacts.spi.TicketRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * Tickets: one document per ticket holding its fields, its messages and their outbox state
 * (see {@link TicketCodec}), so a ticket, its first message and the queued email are one
 * insert, a reply and its queued email one update, and a claim, a sent or a failed attempt
 * one conditional update of one message (array filters) together with its {@code outbox}
 * entry. The document limit of 16 MiB bounds a ticket's messages (at least 240 bodies of
 * the maximum 64 KiB; attachment bytes live in the blob store).
 *
 * <p>Numbers come from {@link Counters}. What spans documents — the contact's ticket
 * statistics next to a new ticket, the contact's {@code firstSeen}/{@code lastSeen} next to
 * its message — is done in this fixed order of idempotent steps:
 * <ol>
 *   <li>the ticket write carries a marker in {@code pending} ({@code {step: ticketStats}} or
 *       {@code {step: contactActivity, message, created}});</li>
 *   <li>the contact update is conditional on its {@code appliedTickets} (or
 *       {@code appliedMessages}) not holding the ticket (message) id, which the same update
 *       pushes: {@code $inc} of {@code totalTickets} and {@code version}, {@code $min} and
 *       {@code $max} of the dates — applied once however often the step runs;</li>
 *   <li>the marker leaves the ticket, then the id leaves the contact.</li>
 * </ol>
 * {@link #recover} completes every marked ticket of the property and removes ids a crash
 * left in contacts after their marker was gone; reads never wait for either.
 */
final class MongoTickets implements TicketRepository {
    /** Ids of the tickets whose statistics a contact has taken, while the step is pending. */
    static final String APPLIED_TICKETS = "appliedTickets";
    /** Ids of the messages whose activity a contact has taken, while the step is pending. */
    static final String APPLIED_MESSAGES = "appliedMessages";
    /** The Message-IDs of a ticket's messages (unique per property). */
    static final String MESSAGE_IDS = "messageIds";
    /** Pending emails: {@code {m, at}}. */
    static final String OUTBOX = "outbox";
    /** Markers of steps still to do. */
    static final String PENDING = "pending";
    private static final String STEP = "step";
    private static final String TICKET_STATS = "ticketStats";
    private static final String CONTACT_ACTIVITY = "contactActivity";
    private static final String MESSAGES = TicketCodec.MESSAGES;
    /** A ticket read without its messages and markers. */
    private static final Bson TICKET_FIELDS = Projections.exclude(MESSAGES, MESSAGE_IDS, OUTBOX, PENDING);
    private static final String AT_MESSAGE = MESSAGES + ".$[msg]." + TicketCodec.DELIVERY + ".";

    private final MongoStore store;

    MongoTickets(MongoStore store) {
        this.store = store;
    }

    private MongoCollection<Document> tickets() {
        return store.collection(Schema.TICKETS);
    }

    private MongoCollection<Document> contacts() {
        return store.collection(Schema.CONTACTS);
    }

    private static Bson scope(PropertyId property) {
        return Fields.scope(property);
    }

    private static Bson ticket(PropertyId property, TicketId id) {
        return Fields.one(property, id);
    }

    @Override
    public Ticket create(PropertyId property, Ticket draft, TicketMessage first) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(first, "first");
        StoreArguments.checkDraft(draft, first);
        return StoreCalls.run("tickets.create", property, () -> {
            store.requireProperty(property, "create a ticket");
            if (contacts().countDocuments(Filters.and(Filters.eq(Fields.ID, draft.contact().toString()), scope(property),
                    Fields.notDeleting())) == 0) {
                throw new NotFoundException("contact " + draft.contact() + " does not exist in property " + property);
            }
            if (tickets().countDocuments(Filters.and(scope(property), Filters.eq(Fields.ID, draft.id().toString()))) > 0 || messageExists(property, first.id())) {
                throw new ConflictException("ticket " + draft.id() + " or message " + first.id() + " already exists in property " + property);
            }
            checkMessageIdFree(property, first.messageId());
            Ticket ticket = draft.withNumber(Counters.next(store, property, "tickets"));
            Document doc = new Document(Fields.ID, ticket.id().toString()).append(Fields.PROPERTY, property.value())
                    .append(Fields.VERSION, ticket.version()).append("number", ticket.number())
                    .append("contact", ticket.contact().toString());
            doc.putAll(TicketCodec.fields(ticket));
            doc.append(MESSAGES, List.of(TicketCodec.message(first))).append(MESSAGE_IDS, List.of(first.messageId()))
                    .append(OUTBOX, List.of(outboxEntry(first))).append(PENDING, List.of(new Document(STEP, TICKET_STATS)));
            try {
                tickets().insertOne(doc);
            } catch (MongoException e) {
                if (StoreCalls.isDuplicateKey(e, Schema.MESSAGE_ID_UNIQUE) || StoreCalls.isDuplicateKey(e, "_id_")) {
                    throw new ConflictException("ticket " + draft.id() + " or the Message-ID " + first.messageId()
                            + " already exists in property " + property);
                }
                throw e;
            }
            completeTicketStats(property, ticket.id().toString(), ticket.contact().toString(), ticket.created());
            return ticket;
        });
    }

    private boolean messageExists(PropertyId property, TicketMessageId id) {
        return tickets().countDocuments(Filters.and(scope(property), Filters.eq(MESSAGES + ".id", id.toString()))) > 0;
    }

    private void checkMessageIdFree(PropertyId property, String messageId) {
        if (tickets().countDocuments(Filters.and(scope(property), Filters.eq(MESSAGE_IDS, messageId))) > 0) {
            throw new ConflictException("the Message-ID " + messageId + " is already used in property " + property);
        }
    }

    private static Document outboxEntry(TicketMessage m) {
        return new Document("m", m.id().toString()).append("at", Date.from(m.delivery().nextAttempt()));
    }

    /** Steps 2 and 3 of a ticket creation (see the class comment). */
    private void completeTicketStats(PropertyId property, String ticket, String contact, Instant created) {
        Date at = Date.from(created);
        contacts().updateOne(Filters.and(Fields.one(property, contact), Filters.ne(APPLIED_TICKETS, ticket)),
                Updates.combine(Updates.inc("v.totalTickets", new Decimal128(1)), Updates.min("v.firstTicket", at),
                        Updates.max("v.lastTicket", at), Updates.inc(Fields.VERSION, 1L), Updates.push(APPLIED_TICKETS, ticket)));
        tickets().updateOne(Fields.one(property, ticket),
                Updates.pull(PENDING, new Document(STEP, TICKET_STATS)));
        contacts().updateOne(Fields.one(property, contact), Updates.pull(APPLIED_TICKETS, ticket));
    }

    /** Steps 2 and 3 of a contact's message (see the class comment). */
    private void completeContactActivity(PropertyId property, String ticket, String contact, String message, Date created) {
        contacts().updateOne(Filters.and(Fields.one(property, contact), Filters.ne(APPLIED_MESSAGES, message)),
                Updates.combine(Updates.min("v.firstSeen", created), Updates.max("v.lastSeen", created),
                        Updates.inc(Fields.VERSION, 1L), Updates.push(APPLIED_MESSAGES, message)));
        tickets().updateOne(Fields.one(property, ticket),
                Updates.pull(PENDING, new Document(STEP, CONTACT_ACTIVITY).append("message", message)));
        contacts().updateOne(Fields.one(property, contact), Updates.pull(APPLIED_MESSAGES, message));
    }

    @Override
    public Optional<Ticket> get(PropertyId property, TicketId id) {
        return StoreCalls.run("tickets.get", property, () -> Optional.ofNullable(
                tickets().find(ticket(property, id)).projection(TICKET_FIELDS).first()).map(TicketCodec::ticket));
    }

    @Override
    public Optional<Ticket> findByNumber(PropertyId property, long number) {
        return StoreCalls.run("tickets.findByNumber", property, () -> Optional.ofNullable(
                tickets().find(Filters.and(scope(property), Filters.eq("number", number))).projection(TICKET_FIELDS).first())
                .map(TicketCodec::ticket));
    }

    @Override
    public List<Ticket> listByContact(PropertyId property, ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return StoreCalls.run("tickets.listByContact", property, () -> decode(tickets()
                .find(Filters.and(scope(property), Filters.eq("contact", contact.toString()))).sort(Sorts.descending("number"))));
    }

    @Override
    public List<Ticket> list(PropertyId property, long afterNumber, int limit) {
        StoreArguments.checkLimit(limit, 1000);
        return StoreCalls.run("tickets.list", property, () -> decode(tickets()
                .find(Filters.and(scope(property), Filters.gt("number", afterNumber))).sort(Sorts.ascending("number")).limit(limit)));
    }

    private static List<Ticket> decode(com.mongodb.client.FindIterable<Document> docs) {
        List<Ticket> result = new ArrayList<>();
        for (Document d : docs.projection(TICKET_FIELDS)) {
            result.add(TicketCodec.ticket(d));
        }
        return List.copyOf(result);
    }

    @Override
    public void update(PropertyId property, Ticket ticket, long expectedVersion) {
        Objects.requireNonNull(ticket, "ticket");
        StoreCalls.runVoid("tickets.update", property, () -> {
            store.requireProperty(property, "update a ticket");
            Ticket current = TicketCodec.ticket(Versions.current(tickets(), property, ticket.id(), "ticket", expectedVersion));
            if (ticket.version() != expectedVersion + 1 || ticket.number() != current.number()
                    || !ticket.contact().equals(current.contact()) || !ticket.created().equals(current.created())) {
                throw new IllegalArgumentException("the new state of ticket " + ticket.id() + " must have version "
                        + (expectedVersion + 1) + " and keep its number, contact and creation time");
            }
            List<Bson> changes = new ArrayList<>();
            Document fields = TicketCodec.fields(ticket);
            for (String name : List.of("assignee", "tags")) {
                if (!fields.containsKey(name)) {
                    changes.add(Updates.unset(name));
                }
            }
            fields.forEach((name, value) -> changes.add(Updates.set(name, value)));
            changes.add(Updates.set(Fields.VERSION, ticket.version()));
            Versions.update(tickets(), property, ticket.id(), "ticket", expectedVersion, Updates.combine(changes));
        });
    }

    @Override
    public boolean appendMessage(PropertyId property, TicketMessage message) {
        Objects.requireNonNull(message, "message");
        return StoreCalls.run("tickets.appendMessage", property, () -> {
            store.requireProperty(property, "append a ticket message");
            Bson target = Filters.and(ticket(property, message.ticket()), Filters.eq("contact", message.contact().toString()),
                    Filters.ne(MESSAGE_IDS, message.messageId()));
            if (tickets().countDocuments(target) == 0) {
                return alreadyThere(property, message);
            }
            checkMessageIdFree(property, message.messageId());
            if (messageExists(property, message.id())) {
                throw new ConflictException("message " + message.id() + " already exists in property " + property);
            }
            boolean fromContact = message.sender() == TicketMessage.Sender.CONTACT;
            List<Bson> changes = new ArrayList<>(List.of(Updates.push(MESSAGES, TicketCodec.message(message)),
                    Updates.push(MESSAGE_IDS, message.messageId())));
            if (message.delivery() != null) {
                changes.add(Updates.push(OUTBOX, outboxEntry(message)));
            }
            if (fromContact) {
                changes.add(Updates.push(PENDING, new Document(STEP, CONTACT_ACTIVITY).append("message", message.id().toString())
                        .append("created", Date.from(message.created()))));
            }
            long matched;
            try {
                matched = tickets().updateOne(target, Updates.combine(changes)).getMatchedCount();
            } catch (MongoException e) {
                if (StoreCalls.isDuplicateKey(e, Schema.MESSAGE_ID_UNIQUE)) {
                    throw new ConflictException("the Message-ID " + message.messageId() + " is already used in property " + property);
                }
                throw e;
            }
            if (matched == 0) {
                return alreadyThere(property, message);
            }
            if (fromContact) {
                completeContactActivity(property, message.ticket().toString(), message.contact().toString(), message.id().toString(),
                        Date.from(message.created()));
            }
            return true;
        });
    }

    /** Why an append matched no ticket: it is gone, names another contact, or has the Message-ID already (false). */
    private boolean alreadyThere(PropertyId property, TicketMessage message) {
        Document t = tickets().find(ticket(property, message.ticket())).projection(Projections.include("contact", MESSAGE_IDS)).first();
        if (t == null) {
            throw new NotFoundException("ticket " + message.ticket() + " does not exist in property " + property);
        }
        if (!message.contact().toString().equals(t.getString("contact"))) {
            throw new IllegalArgumentException("message " + message.id() + " names contact " + message.contact()
                    + " but its ticket belongs to " + t.getString("contact"));
        }
        return false;
    }

    @Override
    public List<TicketMessage> listMessages(PropertyId property, TicketId ticket) {
        return StoreCalls.run("tickets.listMessages", property, () -> {
            Document t = tickets().find(ticket(property, ticket)).projection(Projections.include("contact", MESSAGES)).first();
            List<TicketMessage> thread = new ArrayList<>();
            if (t != null) {
                for (Document m : t.getList(MESSAGES, Document.class)) {
                    thread.add(TicketCodec.message(m, t.getString(Fields.ID), t.getString("contact")));
                }
            }
            return List.copyOf(thread);
        });
    }

    @Override
    public Optional<TicketMessage> lastMessage(PropertyId property, TicketId ticket) {
        return StoreCalls.run("tickets.lastMessage", property, () -> {
            Document t = tickets().find(ticket(property, ticket))
                    .projection(Projections.fields(Projections.include("contact"), Projections.slice(MESSAGES, -1))).first();
            List<Document> last = t == null ? List.of() : t.getList(MESSAGES, Document.class, List.of());
            return last.isEmpty() ? Optional.<TicketMessage>empty()
                    : Optional.of(TicketCodec.message(last.get(0), t.getString(Fields.ID), t.getString("contact")));
        });
    }

    @Override
    public Optional<Ticket> findByMessageId(PropertyId property, String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        return StoreCalls.run("tickets.findByMessageId", property, () -> Optional.ofNullable(
                tickets().find(Filters.and(scope(property), Filters.eq(MESSAGE_IDS, messageId))).projection(TICKET_FIELDS).first())
                .map(TicketCodec::ticket));
    }

    @Override
    public List<TicketMessage> listContactMessages(PropertyId property, ContactId contact, Instant beforeCreated,
                                                     TicketMessageId beforeId, int limit) {
        Objects.requireNonNull(contact, "contact");
        StoreArguments.checkPosition(beforeCreated, beforeId);
        StoreArguments.checkLimit(limit, 1001);
        return StoreCalls.run("tickets.listContactMessages", property, () -> {
            List<Bson> pipeline = new ArrayList<>();
            pipeline.add(Aggregates.match(Filters.and(scope(property), Filters.eq("contact", contact.toString()))));
            pipeline.add(Aggregates.project(Projections.include("contact", MESSAGES)));
            pipeline.add(Aggregates.unwind("$" + MESSAGES));
            if (beforeCreated != null) {
                pipeline.add(Aggregates.match(NewestFirst.before(MESSAGES + ".created", MESSAGES + ".id", beforeCreated, beforeId)));
            }
            pipeline.add(Aggregates.sort(Sorts.descending(MESSAGES + ".created", MESSAGES + ".id")));
            pipeline.add(Aggregates.limit(limit));
            List<TicketMessage> page = new ArrayList<>();
            for (Document d : tickets().aggregate(pipeline)) {
                page.add(TicketCodec.message(d.get(MESSAGES, Document.class), d.getString(Fields.ID), d.getString("contact")));
            }
            return List.copyOf(page);
        });
    }

    @Override
    public List<TicketMessage> listDueEmails(PropertyId property, Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        StoreArguments.checkLimit(limit, 1000);
        return StoreCalls.run("tickets.listDueEmails", property, () -> {
            Date at = Date.from(now);
            List<Bson> pipeline = List.of(
                    Aggregates.match(Filters.and(scope(property), Filters.lte(OUTBOX + ".at", at))),
                    Aggregates.project(Projections.include("contact", MESSAGES, OUTBOX)),
                    Aggregates.unwind("$" + OUTBOX),
                    Aggregates.match(Filters.lte(OUTBOX + ".at", at)),
                    Aggregates.sort(Sorts.ascending(OUTBOX + ".at", OUTBOX + ".m")),
                    Aggregates.limit(limit));
            List<TicketMessage> due = new ArrayList<>();
            for (Document d : tickets().aggregate(pipeline)) {
                TicketMessage m = TicketCodec.find(d, d.get(OUTBOX, Document.class).getString("m"));
                if (m != null) {
                    due.add(m);
                }
            }
            return List.copyOf(due);
        });
    }

    private static Bson pendingEmail(PropertyId property, TicketId ticket, TicketMessageId message) {
        return Filters.and(ticket(property, ticket), Filters.eq(OUTBOX + ".m", Objects.requireNonNull(message, "message").toString()));
    }

    private static List<Bson> arrayFilters(TicketMessageId message) {
        return List.of(Filters.eq("msg.id", message.toString()), Filters.eq("ob.m", message.toString()));
    }

    @Override
    public Optional<TicketMessage> claimEmail(PropertyId property, TicketId ticket, TicketMessageId message, Instant now,
                                              Instant leaseUntil) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        return StoreCalls.run("tickets.claimEmail", property, () -> {
            Date lease = Date.from(leaseUntil);
            // read the message as it was before the claim (a copy on every server, see Counters) and apply the same change
            Document before = tickets().findOneAndUpdate(
                    Filters.and(ticket(property, ticket), Filters.elemMatch(OUTBOX, Filters.and(Filters.eq("m", message.toString()),
                            Filters.lte("at", Date.from(now))))),
                    Updates.combine(Updates.inc(AT_MESSAGE + "attempts", 1), Updates.set(AT_MESSAGE + "nextAttempt", lease),
                            Updates.set(OUTBOX + ".$[ob].at", lease)),
                    new FindOneAndUpdateOptions().arrayFilters(arrayFilters(message)).returnDocument(ReturnDocument.BEFORE)
                            .projection(Projections.include("contact", MESSAGES)));
            TicketMessage claimed = before == null ? null : TicketCodec.find(before, message.toString());
            return claimed == null ? Optional.<TicketMessage>empty() : Optional.of(claimed.withDelivery(claimed.delivery().claimed(leaseUntil)));
        });
    }

    @Override
    public boolean markEmailSent(PropertyId property, TicketId ticket, TicketMessageId message, Instant sentAt) {
        Objects.requireNonNull(sentAt, "sentAt");
        return StoreCalls.run("tickets.markEmailSent", property, () -> tickets().updateOne(pendingEmail(property, ticket, message),
                Updates.combine(Updates.pull(OUTBOX, new Document("m", message.toString())),
                        Updates.set(AT_MESSAGE + "status", Delivery.Status.SENT.name()), Updates.set(AT_MESSAGE + "sentAt", Date.from(sentAt)),
                        Updates.unset(AT_MESSAGE + "nextAttempt"), Updates.unset(AT_MESSAGE + "lastError")),
                new UpdateOptions().arrayFilters(List.of(Filters.eq("msg.id", message.toString())))).getModifiedCount() > 0);
    }

    @Override
    public boolean markEmailFailed(PropertyId property, TicketId ticket, TicketMessageId message, int attempt, Instant nextAttempt,
                                   String error) {
        return StoreCalls.run("tickets.markEmailFailed", property, () -> {
            Bson filter = Filters.and(pendingEmail(property, ticket, message), Filters.elemMatch(MESSAGES,
                    Filters.and(Filters.eq("id", message.toString()), Filters.eq(TicketCodec.DELIVERY + ".attempts", attempt))));
            Bson lastError = error == null ? Updates.unset(AT_MESSAGE + "lastError") : Updates.set(AT_MESSAGE + "lastError", error);
            if (nextAttempt != null) {
                Date next = Date.from(nextAttempt);
                return tickets().updateOne(filter, Updates.combine(lastError, Updates.set(AT_MESSAGE + "nextAttempt", next),
                        Updates.set(OUTBOX + ".$[ob].at", next)), new UpdateOptions().arrayFilters(arrayFilters(message)))
                        .getModifiedCount() > 0;
            }
            return tickets().updateOne(filter, Updates.combine(lastError, Updates.pull(OUTBOX, new Document("m", message.toString())),
                    Updates.set(AT_MESSAGE + "status", Delivery.Status.FAILED.name()), Updates.unset(AT_MESSAGE + "nextAttempt")),
                    new UpdateOptions().arrayFilters(List.of(Filters.eq("msg.id", message.toString())))).getModifiedCount() > 0;
        });
    }

    @Override
    public List<String> deleteAllFor(PropertyId property, ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return StoreCalls.run("tickets.deleteAllFor", property, () -> {
            Bson ofContact = Filters.and(scope(property), Filters.eq("contact", contact.toString()));
            List<String> blobs = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Document t : tickets().find(ofContact).projection(Projections.include(MESSAGES + ".attachments.blobKey"))) {
                ids.add(t.getString(Fields.ID));
                for (Document m : t.getList(MESSAGES, Document.class)) {
                    for (Document a : m.getList("attachments", Document.class)) {
                        blobs.add(a.getString("blobKey"));
                    }
                }
            }
            if (!ids.isEmpty()) {
                tickets().deleteMany(Filters.and(ofContact, Filters.in(Fields.ID, ids)));
            }
            return List.copyOf(blobs);
        });
    }

    /**
     * {@inheritDoc} One {@code updateMany} on the tickets' {@code contact} (messages take their
     * contact from the ticket), or one {@code deleteMany} when {@code to} is gone.
     */
    @Override
    public long reassign(PropertyId property, ContactId from, ContactId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return StoreCalls.run("tickets.reassign", property, () -> {
            Bson ofFrom = Filters.and(scope(property), Filters.eq("contact", from.toString()));
            if (contacts().countDocuments(Filters.and(Fields.one(property, to), Fields.notDeleting())) == 0) {
                return tickets().deleteMany(ofFrom).getDeletedCount(); // the kept contact is gone: its history goes with it
            }
            return tickets().updateMany(ofFrom, Updates.set("contact", to.toString())).getModifiedCount();
        });
    }

    /**
     * {@inheritDoc} Also completes the property's other interrupted multi-document writes
     * (organization links and counts, organization, attribute and contact deletions) and
     * the store's interrupted property deletions; see {@link Recovery}.
     */
    @Override
    public long recover(PropertyId property) {
        Objects.requireNonNull(property, "property");
        return StoreCalls.run("tickets.recover", property, () -> store.recovery().recover(property) + completePending(property));
    }

    /**
     * Completes every marked ticket of the property, then removes ticket and message ids
     * that contacts still hold after their marker was removed.
     *
     * @param property the property
     * @return how many interrupted writes were completed
     */
    private long completePending(PropertyId property) {
        long n = 0;
        for (Document t : tickets().find(Filters.and(scope(property), Filters.in(PENDING + "." + STEP, TICKET_STATS, CONTACT_ACTIVITY)))
                .projection(Projections.include("contact", "created", PENDING))) {
            String id = t.getString(Fields.ID);
            String contact = t.getString("contact");
            for (Document marker : t.getList(PENDING, Document.class)) {
                if (TICKET_STATS.equals(marker.getString(STEP))) {
                    completeTicketStats(property, id, contact, ((Date) t.get("created")).toInstant());
                } else {
                    completeContactActivity(property, id, contact, marker.getString("message"), (Date) marker.get("created"));
                }
                n++;
            }
        }
        sweepApplied(property, APPLIED_TICKETS, Fields.ID, TICKET_STATS, null);
        sweepApplied(property, APPLIED_MESSAGES, MESSAGES + ".id", CONTACT_ACTIVITY, "message");
        return n;
    }

    /**
     * Removes ids left in contacts' {@code appliedTickets}/{@code appliedMessages}: an id
     * whose ticket no longer carries the marker of that step has been applied and will not
     * be applied again.
     */
    private void sweepApplied(PropertyId property, String field, String ticketField, String step, String markerKey) {
        for (Document c : contacts().find(Filters.and(scope(property), Filters.gte(field, ""))).projection(Projections.include(field))) {
            for (Object o : c.getList(field, Object.class)) {
                String id = (String) o;
                Document marker = new Document(STEP, step);
                if (markerKey != null) {
                    marker.append(markerKey, id);
                }
                Bson stillPending = Filters.and(scope(property), Filters.eq(ticketField, id),
                        Filters.elemMatch(PENDING, markerKey == null ? Filters.eq(STEP, step)
                                : Filters.and(Filters.eq(STEP, step), Filters.eq(markerKey, id))));
                if (tickets().countDocuments(stillPending) == 0) {
                    contacts().updateOne(Fields.one(property, c.getString(Fields.ID)), Updates.pull(field, id));
                }
            }
        }
    }
}

package dev.contacts.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.internal.StoreArguments;
import dev.contacts.model.ActivityEvent;
import dev.contacts.model.ActivityId;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.ContactId;
import dev.contacts.model.LiveChat;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Values;
import dev.contacts.model.WebSession;
import dev.contacts.spi.ActivityRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * Web sessions and live chats, one document per event in {@code webSessions} and
 * {@code liveChats}, each idempotent by the unique index {@code (propertyId, externalId)}.
 * An ingestion is these idempotent steps (see {@link ActivityRepository}):
 * <ol>
 *   <li>check the contact, then insert the event with {@code pending: true} (a duplicate
 *       key on the external id is a repeated delivery: nothing written, false);</li>
 *   <li>update the contact on condition that its {@code appliedEvents} does not hold the
 *       event id, which the same update pushes: {@code $inc} of the counters (Decimal128,
 *       from unknown), {@code $min}/{@code $max} of the first and last dates and of
 *       {@code firstSeen}/{@code lastSeen}, version + 1. For a web session this is first tried
 *       with the condition that the session is the newest ({@code lastWebSession} absent or
 *       not after its start), setting the location and technical values too (unknown ones
 *       removed); when that matches nothing, without them — so no pipeline update is
 *       needed and a late, older session never overwrites them;</li>
 *   <li>clear the event's {@code pending}, then pull the id from {@code appliedEvents}.</li>
 * </ol>
 * {@link #recover} completes pending events (deleting those whose contact is gone) and
 * removes ids a crash left in {@code appliedEvents}.
 */
final class MongoActivity implements ActivityRepository {
    /** Ids of the events whose statistics a contact has taken, while the step is pending. */
    static final String APPLIED_EVENTS = "appliedEvents";
    static final String PENDING = "pending";

    private final MongoStore store;

    MongoActivity(MongoStore store) {
        this.store = store;
    }

    private MongoCollection<Document> sessions() {
        return store.collection(Schema.WEB_SESSIONS);
    }

    private MongoCollection<Document> chats() {
        return store.collection(Schema.LIVE_CHATS);
    }

    private MongoCollection<Document> contacts() {
        return store.collection(Schema.CONTACTS);
    }

    @Override
    public boolean recordWebSession(PropertyId property, WebSession session) {
        Objects.requireNonNull(session, "session");
        return record("activity.recordWebSession", property, session, sessions(), encode(property, session));
    }

    @Override
    public boolean recordLiveChat(PropertyId property, LiveChat chat) {
        Objects.requireNonNull(chat, "chat");
        return record("activity.recordLiveChat", property, chat, chats(), encode(property, chat));
    }

    private boolean record(String operation, PropertyId property, ActivityEvent event, MongoCollection<Document> events, Document doc) {
        return StoreCalls.run(operation, property, () -> {
            store.requireProperty(property, "ingest activity");
            if (!contactExists(property, event.contact().toString())) {
                throw contactNotFound(event.contact().toString(), property);
            }
            Bson delivered = Filters.and(Fields.scope(property), Filters.eq("externalId", event.externalId()));
            if (events.countDocuments(delivered) > 0) {
                return false;
            }
            String id = event.id().toString();
            Bson sameId = Filters.and(Fields.scope(property), Filters.eq(Fields.ID, id));
            if (sessions().countDocuments(sameId) + chats().countDocuments(sameId) > 0) {
                if (events.countDocuments(delivered) > 0) {
                    return false; // the same delivery, concurrently
                }
                throw new ConflictException("activity event " + id + " already exists in property " + property);
            }
            try {
                events.insertOne(doc.append(PENDING, true));
            } catch (MongoException e) {
                if (StoreCalls.isDuplicateKey(e, Schema.EXTERNAL_ID_UNIQUE)
                        || StoreCalls.isDuplicateKey(e, "_id_") && events.countDocuments(delivered) > 0) {
                    return false; // the same delivery, concurrently
                }
                if (StoreCalls.isDuplicateKey(e, "_id_")) {
                    throw new ConflictException("activity event " + id + " already exists in property " + property);
                }
                throw e;
            }
            if (!complete(property, doc, events)) {
                throw contactNotFound(event.contact().toString(), property);
            }
            return true;
        });
    }

    private boolean contactExists(PropertyId property, String contact) {
        return contacts().countDocuments(Filters.and(Fields.one(property, contact), Fields.notDeleting())) > 0;
    }

    private static NotFoundException contactNotFound(String contact, PropertyId property) {
        return new NotFoundException("contact " + contact + " does not exist in property " + property);
    }

    /**
     * Steps 2 and 3 of a pending event.
     *
     * @return false when the contact is gone (the event is then deleted)
     */
    private boolean complete(PropertyId property, Document event, MongoCollection<Document> events) {
        String id = event.getString(Fields.ID);
        String contact = event.getString("contact");
        Bson one = Fields.one(property, contact);
        Bson notApplied = Filters.and(one, Filters.ne(APPLIED_EVENTS, id));
        boolean session = events.getNamespace().getCollectionName().equals(Schema.WEB_SESSIONS);
        List<Bson> stats = session ? sessionStats(event) : chatStats(event);
        boolean applied = false;
        if (session) {
            Date start = (Date) event.get("start");
            Bson newest = Filters.or(Filters.exists("v.lastWebSession", false), Filters.lte("v.lastWebSession", start));
            List<Bson> withLocation = new ArrayList<>(stats);
            withLocation.addAll(location(event));
            applied = contacts().updateOne(Filters.and(notApplied, newest), Updates.combine(withLocation)).getMatchedCount() == 1;
        }
        if (!applied) {
            applied = contacts().updateOne(notApplied, Updates.combine(stats)).getMatchedCount() == 1;
        }
        if (!applied && contacts().countDocuments(Filters.and(one, Filters.eq(APPLIED_EVENTS, id))) == 0) {
            events.deleteOne(Fields.one(property, id)); // the contact is gone: so is its history
            return false;
        }
        events.updateOne(Fields.one(property, id), Updates.unset(PENDING));
        contacts().updateOne(one, Updates.pull(APPLIED_EVENTS, id));
        return true;
    }

    private static List<Bson> seen(Document event, Date lastActivity, String id) {
        Date start = (Date) event.get("start");
        return new ArrayList<>(List.of(Updates.min("v.firstSeen", start), Updates.max("v.lastSeen", lastActivity),
                Updates.inc(Fields.VERSION, 1L), Updates.push(APPLIED_EVENTS, id)));
    }

    private static List<Bson> sessionStats(Document s) {
        Date start = (Date) s.get("start");
        Date last = s.get("end") != null ? (Date) s.get("end") : start;
        List<Bson> changes = seen(s, last, s.getString(Fields.ID));
        changes.add(Updates.inc("v.totalWebSessions", new Decimal128(1)));
        changes.add(Updates.inc("v.pagesViewed", new Decimal128(((Number) s.get("pagesViewed")).longValue())));
        changes.add(Updates.inc("v.timeSpent", new Decimal128(((Number) s.get("timeSpent")).longValue())));
        changes.add(Updates.min("v.firstWebSession", start));
        changes.add(Updates.max("v.lastWebSession", start));
        return changes;
    }

    private static List<Bson> chatStats(Document c) {
        Date start = (Date) c.get("start");
        List<Document> messages = c.getList("messages", Document.class);
        Date last = messages.isEmpty() ? start : (Date) messages.get(messages.size() - 1).get("sent");
        List<Bson> changes = seen(c, last, c.getString(Fields.ID));
        changes.add(Updates.inc("v.totalLiveChats", new Decimal128(1)));
        changes.add(Updates.min("v.firstLiveChat", start));
        changes.add(Updates.max("v.lastLiveChat", start));
        return changes;
    }

    /** The newest session's location and technical values, with their folds; unknown ones are removed. */
    private static List<Bson> location(Document s) {
        List<Bson> changes = new ArrayList<>();
        for (String field : WebSession.LOCATION_ATTRIBUTES) {
            String value = s.getString(field);
            if (value == null) {
                changes.add(Updates.unset(Fields.VALUES + "." + field));
                changes.add(Updates.unset(Fields.KEYS + "." + field));
            } else {
                changes.add(Updates.set(Fields.VALUES + "." + field, value));
                changes.add(Updates.set(Fields.KEYS + "." + field, Values.fold(value)));
            }
        }
        return changes;
    }

    private static Document base(PropertyId property, ActivityEvent e) {
        return new Document(Fields.ID, e.id().toString()).append(Fields.PROPERTY, property.value()).append("externalId", e.externalId())
                .append("contact", e.contact().toString()).append("start", Date.from(e.start()));
    }

    private static Document encode(PropertyId property, WebSession s) {
        Document d = base(property, s);
        if (s.end() != null) {
            d.append("end", Date.from(s.end()));
        }
        d.append("pagesViewed", s.pagesViewed()).append("timeSpent", s.timeSpent());
        s.location().forEach((k, v) -> {
            if (v != null) {
                d.append(k, v);
            }
        });
        return d;
    }

    private static Document encode(PropertyId property, LiveChat chat) {
        List<Document> messages = new ArrayList<>();
        for (ChatMessage m : chat.messages()) {
            Document md = new Document("author", m.author().name());
            if (m.agentId() != null) {
                md.append("agentId", m.agentId());
            }
            messages.add(md.append("text", m.text()).append("sent", Date.from(m.sent())));
        }
        return base(property, chat).append("messages", messages);
    }

    private static WebSession session(Document d) {
        Date end = (Date) d.get("end");
        return new WebSession(id(d), d.getString("externalId"), contact(d), start(d), end == null ? null : end.toInstant(),
                ((Number) d.get("pagesViewed")).longValue(), ((Number) d.get("timeSpent")).longValue(), d.getString("hostname"),
                d.getString("ip"), d.getString("os"), d.getString("browser"), d.getString("country"), d.getString("city"),
                d.getString("region"));
    }

    private static LiveChat chat(Document d) {
        List<ChatMessage> messages = new ArrayList<>();
        for (Document m : d.getList("messages", Document.class)) {
            messages.add(new ChatMessage(ChatMessage.Author.valueOf(m.getString("author")), m.getString("agentId"), m.getString("text"),
                    ((Date) m.get("sent")).toInstant()));
        }
        return new LiveChat(id(d), d.getString("externalId"), contact(d), start(d), messages);
    }

    private static ActivityId id(Document d) {
        return new ActivityId(UUID.fromString(d.getString(Fields.ID)));
    }

    private static ContactId contact(Document d) {
        return new ContactId(UUID.fromString(d.getString("contact")));
    }

    private static Instant start(Document d) {
        return ((Date) d.get("start")).toInstant();
    }

    @Override
    public List<WebSession> listWebSessions(PropertyId property, ContactId contact, Instant beforeStart, ActivityId beforeId,
                                            int limit) {
        return list("activity.listWebSessions", property, contact, beforeStart, beforeId, limit, sessions(), MongoActivity::session);
    }

    @Override
    public List<LiveChat> listChats(PropertyId property, ContactId contact, Instant beforeStart, ActivityId beforeId, int limit) {
        return list("activity.listChats", property, contact, beforeStart, beforeId, limit, chats(), MongoActivity::chat);
    }

    private static <E> List<E> list(String operation, PropertyId property, ContactId contact, Instant beforeStart, ActivityId beforeId,
                                    int limit, MongoCollection<Document> events, Function<Document, E> decoder) {
        Objects.requireNonNull(contact, "contact");
        StoreArguments.checkPosition(beforeStart, beforeId);
        StoreArguments.checkLimit(limit, 1001);
        return StoreCalls.run(operation, property, () -> {
            Bson query = Filters.and(Fields.scope(property), Filters.eq("contact", contact.toString()));
            if (beforeStart != null) {
                query = Filters.and(query, NewestFirst.before("start", beforeStart, beforeId));
            }
            List<E> page = new ArrayList<>();
            for (Document d : events.find(query).sort(Sorts.descending("start", Fields.ID)).limit(limit)) {
                page.add(decoder.apply(d));
            }
            return List.copyOf(page);
        });
    }

    @Override
    public long deleteAllFor(PropertyId property, ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return StoreCalls.run("activity.deleteAllFor", property, () -> {
            Bson ofContact = Filters.and(Fields.scope(property), Filters.eq("contact", contact.toString()));
            return sessions().deleteMany(ofContact).getDeletedCount() + chats().deleteMany(ofContact).getDeletedCount();
        });
    }

    @Override
    public long reassign(PropertyId property, ContactId from, ContactId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return StoreCalls.run("activity.reassign", property, () -> {
            Bson ofFrom = Filters.and(Fields.scope(property), Filters.eq("contact", from.toString()));
            long n = 0;
            boolean keep = contactExists(property, to.toString());
            for (MongoCollection<Document> events : List.of(sessions(), chats())) {
                n += keep ? events.updateMany(ofFrom, Updates.set("contact", to.toString())).getModifiedCount()
                        : events.deleteMany(ofFrom).getDeletedCount();
            }
            return n;
        });
    }

    /**
     * {@inheritDoc} Completes the property's pending events, then removes event ids that
     * contacts still hold in {@code appliedEvents} after their event stopped being pending.
     */
    @Override
    public long recover(PropertyId property) {
        Objects.requireNonNull(property, "property");
        return StoreCalls.run("activity.recover", property, () -> {
            long n = 0;
            for (MongoCollection<Document> events : List.of(sessions(), chats())) {
                for (Document e : events.find(Filters.and(Fields.scope(property), Filters.eq(PENDING, true)))) {
                    complete(property, e, events);
                    n++;
                }
            }
            for (Document c : contacts().find(Filters.and(Fields.scope(property), Filters.gte(APPLIED_EVENTS, "")))
                    .projection(Projections.include(APPLIED_EVENTS))) {
                for (String id : c.getList(APPLIED_EVENTS, String.class)) {
                    Bson pending = Filters.and(Fields.one(property, id), Filters.eq(PENDING, true));
                    if (sessions().countDocuments(pending) + chats().countDocuments(pending) == 0) {
                        contacts().updateOne(Fields.one(property, c.getString(Fields.ID)), Updates.pull(APPLIED_EVENTS, id));
                    }
                }
            }
            return n;
        });
    }
}

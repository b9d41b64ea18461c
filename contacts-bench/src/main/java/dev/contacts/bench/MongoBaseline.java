package dev.contacts.bench;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Values;
import dev.contacts.model.WebSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * The MongoDB baseline: driver queries written by hand for each scenario over the store's own
 * collections, document layout and indexes (contacts-mongo/README.md: display values in
 * {@code v}, folds in {@code f}, unknown values absent), typed {@link Filters}, {@link Sorts},
 * {@link Updates} and {@link Projections} only, and the same contacts with the same fields
 * as the SDK, built from the documents by hand. Pages read the known lastSeen values first
 * through the {@code (propertyId, v.lastSeen, _id)} index, then the unknown ones only if the
 * page is not full; a deep page seeks on {@code (v.lastSeen, _id)}; counts are
 * {@code countDocuments}; the timeline is the newest 50 of each kind merged in Java; an
 * import looks up each batch's emails with one {@code $in} and writes it with one
 * {@code insertMany}; ingestion inserts the event (unique external id) and updates the
 * contact's statistics with {@code $inc}/{@code $min}/{@code $max}.
 */
final class MongoBaseline extends DatabaseBaseline<Bson> {
    private static final Bson PAGE_FIELDS = Projections.include("version", "v");
    private static final String LAST_SEEN = "v.lastSeen";

    private final MongoDatabase db;
    private final ContactFields fields;

    MongoBaseline(Workload workload, Fixture fixture, MongoDatabase db) {
        super(workload, fixture);
        this.db = db;
        this.fields = new ContactFields(workload.attributes());
    }

    private MongoCollection<Document> contacts() {
        return db.getCollection("contacts");
    }

    private static Bson scope(PropertyId property) {
        return Filters.eq("propertyId", property.value());
    }

    /** The scenario's filter by hand, on the folds in {@code f}. */
    @Override
    Bson where(Scenario s) {
        Instant now = workload.now();
        switch (s) {
            case SELECTIVE_FIRST_PAGE:
                return Filters.and(Filters.eq("f.tags", "vip"), Filters.eq("f.country", "de"));
            case BROAD_SORTED_FIRST_PAGE:
            case DEEP_PAGE:
            case BROAD_COUNT:
                return Filters.in("f.tags", List.of("newsletter", "lead", "customer"));
            case NEGATIVE_FIRST_PAGE:
                return Filters.ne("f.tags", "newsletter");
            case CUSTOM_ATTRIBUTE_FIRST_PAGE:
                return Filters.eq("f.custom.plan", "enterprise");
            case OR_OF_GROUPS_FIRST_PAGE:
                return Filters.or(Filters.and(Filters.eq("f.tags", "vip"), Filters.eq("f.country", "fr")),
                        Filters.and(Filters.eq("f.custom.plan", "business"), Filters.eq("f.country", "gb")),
                        Filters.and(Filters.eq("f.tags", "trial"), Filters.gte(LAST_SEEN, Date.from(now.minus(Duration.ofDays(30)))),
                                Filters.lte(LAST_SEEN, Date.from(now))));
            case RARE_OR_FIRST_PAGE:
                return Filters.or(Filters.and(Filters.eq("f.tags", "survey-sent"), Filters.eq("f.country", "de")),
                        Filters.and(Filters.eq("f.tags", "gdpr-request"), Filters.eq("f.country", "fr")));
            default:
                throw new IllegalArgumentException(s + " is not a query");
        }
    }

    /** A page: known lastSeen first (after a position if given), then unknown ones if the page is not full. */
    @Override
    List<Contact> page(Bson where, Position after) {
        Bson known = Filters.and(scope(Workload.MAIN), where, Filters.exists(LAST_SEEN));
        if (after != null) {
            Date seen = Date.from(after.lastSeen());
            known = Filters.and(known, Filters.or(Filters.lt(LAST_SEEN, seen),
                    Filters.and(Filters.eq(LAST_SEEN, seen), Filters.lt("_id", after.id().toString()))));
        }
        List<Contact> page = new ArrayList<>(Scenario.PAGE_SIZE);
        for (Document d : contacts().find(known).projection(PAGE_FIELDS).sort(Sorts.descending(LAST_SEEN, "_id")).limit(Scenario.PAGE_SIZE)) {
            page.add(contact(d));
        }
        if (page.size() < Scenario.PAGE_SIZE) {
            for (Document d : contacts().find(Filters.and(scope(Workload.MAIN), where, Filters.exists(LAST_SEEN, false)))
                    .projection(PAGE_FIELDS).sort(Sorts.descending("_id")).limit(Scenario.PAGE_SIZE - page.size())) {
                page.add(contact(d));
            }
        }
        return page;
    }

    /** A contact from its document's {@code _id}, {@code version} and display values. */
    private static Contact contact(Document d) {
        Contact.Builder b = Contact.builder(new ContactId(UUID.fromString(d.getString("_id")))).version(((Number) d.get("version")).longValue());
        for (Map.Entry<String, Object> e : d.get("v", Document.class).entrySet()) {
            switch (e.getKey()) {
                case "custom":
                    for (Map.Entry<String, Object> c : ((Document) e.getValue()).entrySet()) {
                        b.set("custom." + c.getKey(), fromBson(c.getValue()));
                    }
                    break;
                case "organization": {
                    List<OrganizationId> ids = new ArrayList<>();
                    for (Object o : (List<?>) e.getValue()) {
                        ids.add(new OrganizationId(UUID.fromString((String) o)));
                    }
                    b.set("organization", ids);
                    break;
                }
                default:
                    b.set(e.getKey(), fromBson(e.getValue()));
                    break;
            }
        }
        return b.build();
    }

    private static Object fromBson(Object stored) {
        if (stored instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (stored instanceof Date d) {
            return d.toInstant();
        }
        if (stored instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(fromBson(e)));
            return out;
        }
        return stored;
    }

    private static Object toBson(Object value) {
        if (value instanceof BigDecimal d) {
            return new Decimal128(d);
        }
        if (value instanceof Instant i) {
            return Date.from(i);
        }
        if (value instanceof EntityId) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(toBson(e)));
            return out;
        }
        return value;
    }

    /** The comparison key in {@code f}: folds of text and text sets, the stored value otherwise. */
    private static Object key(Object value) {
        if (value instanceof String s) {
            return Values.fold(s);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(e instanceof String s ? Values.fold(s) : toBson(e)));
            return out;
        }
        return toBson(value);
    }

    @Override
    long count(Bson where) {
        return contacts().countDocuments(Filters.and(scope(Workload.MAIN), where));
    }

    @Override
    Position positionAfter(Bson where, long skipped) {
        Document at = contacts().find(Filters.and(scope(Workload.MAIN), where, Filters.exists(LAST_SEEN)))
                .projection(Projections.include(LAST_SEEN)).sort(Sorts.descending(LAST_SEEN, "_id")).skip((int) skipped - 1).limit(1).first();
        if (at == null) {
            throw new IllegalStateException("the deep page's position lies among unknown lastSeen values; choose another filter");
        }
        return new Position(((Date) at.get("v", Document.class).get("lastSeen")).toInstant(), UUID.fromString(at.getString("_id")));
    }

    /**
     * The newest 50 of each kind, each through its {@code (propertyId, parent|contact, time, _id)}
     * index (ticket messages unwound from the contact's tickets), merged in Java; chat
     * transcripts and every field come with them, as the SDK's items carry them.
     */
    @Override
    List<TimelineDigest.Row> timeline() {
        Bson property = scope(Workload.TIMELINE);
        String contact = workload.timelineContact().id().toString();
        List<TimelineDigest.Row> items = new ArrayList<>(3 * Scenario.PAGE_SIZE);
        for (Document d : db.getCollection("notes").find(Filters.and(property, Filters.eq("parent", contact)))
                .sort(Sorts.descending("created", "_id")).limit(Scenario.PAGE_SIZE)) {
            items.add(new TimelineDigest.Row("NOTE", UUID.fromString(d.getString("_id")), ((Date) d.get("created")).toInstant(),
                    d.getString("author"), d.getString("body"), ((Number) d.get("version")).longValue(), null, List.of(), null, null,
                    null, null, null, new Object[] {d.get("editedAt"), d.get("editedBy")}));
        }
        for (Document d : db.getCollection("liveChats").find(Filters.and(property, Filters.eq("contact", contact)))
                .sort(Sorts.descending("start", "_id")).limit(Scenario.PAGE_SIZE)) {
            List<String> transcript = new ArrayList<>();
            for (Document m : d.getList("messages", Document.class)) {
                transcript.add(m.getString("text"));
            }
            items.add(new TimelineDigest.Row("CHAT", UUID.fromString(d.getString("_id")), ((Date) d.get("start")).toInstant(), null,
                    null, 0, d.getString("externalId"), transcript, null, null, null, null, null, new Object[0]));
        }
        for (Document d : db.getCollection("tickets").aggregate(List.of(Aggregates.match(Filters.and(property, Filters.eq("contact", contact))),
                Aggregates.project(Projections.include("messages")), Aggregates.unwind("$messages"),
                Aggregates.sort(Sorts.descending("messages.created", "messages.id")), Aggregates.limit(Scenario.PAGE_SIZE)))) {
            Document m = d.get("messages", Document.class);
            Document delivery = m.get("delivery", Document.class);
            items.add(new TimelineDigest.Row("TICKET", UUID.fromString(m.getString("id")), ((Date) m.get("created")).toInstant(),
                    m.getString("agentId"), m.getString("body"), 0, null, List.of(), m.getString("sender"), m.getString("subject"),
                    m.getString("messageId"), TimelineDigest.references(m.getList("references", String.class)),
                    delivery == null ? null : delivery.getString("status"), new Object[] {d.get("_id"), m.get("contactAddress"),
                        m.get("inReplyTo"), m.get("attachments"), delivery}));
        }
        items.sort(Comparator.comparing(TimelineDigest.Row::time).thenComparing(r -> r.id().toString()).reversed());
        return items.subList(0, Math.min(Scenario.PAGE_SIZE, items.size()));
    }

    /**
     * A batched upsert by email: per batch of {@value Workload#LOAD_BATCH} rows, one {@code $in}
     * query on {@code emailKeys} finds the emails already taken, then one {@code insertMany}
     * writes the new contacts' documents in the store's layout.
     */
    @Override
    int importBatch(PropertyId property, List<Contact> batch) {
        List<String> emails = new ArrayList<>(batch.size());
        batch.forEach(r -> emails.add(Values.fold(r.primaryEmail())));
        Document taken = contacts().find(Filters.and(scope(property), Filters.in("emailKeys", emails))).projection(Projections.include("_id"))
                .first();
        if (taken != null) {
            // an upsert would update that contact here; the benchmark imports into an empty property, so it never does
            throw new IllegalStateException("the baseline import met an existing email (contact " + taken.getString("_id") + ")");
        }
        List<Document> docs = new ArrayList<>(batch.size());
        for (Contact r : batch) {
            docs.add(newContact(property, r));
        }
        contacts().insertMany(docs);
        return batch.size();
    }

    /** A new contact's document: display values in {@code v}, folds and custom keys in {@code f}, the unique {@code emailKeys}. */
    private Document newContact(PropertyId property, Contact r) {
        String id = ContactId.generate().toString();
        Document v = new Document();
        Document f = new Document();
        for (String name : fields.names()) {
            Object value = r.value(name);
            if (value == null || name.startsWith("custom.")) {
                continue;
            }
            v.append(name, toBson(value));
            if (value instanceof String || value instanceof List) {
                f.append(name, key(value));
            }
        }
        v.append("updated", Date.from(workload.now()));
        if (r.primaryEmail() != null) {
            f.append("primaryEmail", Values.fold(r.primaryEmail()));
        }
        if (r.primaryPhone() != null) {
            f.append("primaryPhone", Values.fold(r.primaryPhone()));
        }
        if (!r.custom().isEmpty()) {
            Document vc = new Document();
            Document fc = new Document();
            r.custom().forEach((k, value) -> {
                vc.append(k, toBson(value));
                fc.append(k, key(value));
            });
            v.append("custom", vc);
            f.append("custom", fc);
        }
        List<String> emailKeys = new ArrayList<>();
        r.emails().forEach(e -> emailKeys.add(Values.fold(e)));
        if (emailKeys.isEmpty()) {
            emailKeys.add("~" + id);
        }
        return new Document("_id", id).append("propertyId", property.value()).append("version", 1L).append("v", v).append("f", f)
                .append("emailKeys", emailKeys);
    }

    /**
     * One web session per operation: the event inserted under its unique {@code (propertyId,
     * externalId)} (a duplicate key is a repeated delivery: nothing more), then the contact's
     * statistics in one {@code updateOne} ({@code $inc} of the counters, {@code $min}/{@code $max}
     * of the dates, version + 1) that also sets the location when the session is the newest
     * (a condition on {@code v.lastWebSession}); when it is not, that update matches nothing and
     * a second one without the location follows (a conditional location needs no pipeline update).
     */
    @Override
    boolean ingest(PropertyId property, WebSession s) {
        Date start = Date.from(s.start());
        Document event = new Document("_id", s.id().toString()).append("propertyId", property.value()).append("externalId", s.externalId())
                .append("contact", s.contact().toString()).append("start", start);
        if (s.end() != null) {
            event.append("end", Date.from(s.end()));
        }
        event.append("pagesViewed", s.pagesViewed()).append("timeSpent", s.timeSpent());
        s.location().forEach((k, value) -> {
            if (value != null) {
                event.append(k, value);
            }
        });
        try {
            db.getCollection("webSessions").insertOne(event);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        List<Bson> stats = new ArrayList<>(List.of(Updates.inc("version", 1L), Updates.inc("v.totalWebSessions", new Decimal128(1)),
                Updates.inc("v.pagesViewed", new Decimal128(s.pagesViewed())), Updates.inc("v.timeSpent", new Decimal128(s.timeSpent())),
                Updates.min("v.firstWebSession", start), Updates.max("v.lastWebSession", start), Updates.min("v.firstSeen", start),
                Updates.max(LAST_SEEN, Date.from(s.lastActivity()))));
        List<Bson> withLocation = new ArrayList<>(stats);
        s.location().forEach((k, value) -> {
            if (value == null) {
                withLocation.add(Updates.unset("v." + k));
                withLocation.add(Updates.unset("f." + k));
            } else {
                withLocation.add(Updates.set("v." + k, value));
                withLocation.add(Updates.set("f." + k, Values.fold(value)));
            }
        });
        Bson contact = Filters.and(Filters.eq("_id", s.contact().toString()), scope(property));
        Bson newest = Filters.or(Filters.exists("v.lastWebSession", false), Filters.lte("v.lastWebSession", start));
        if (contacts().updateOne(Filters.and(contact, newest), Updates.combine(withLocation)).getMatchedCount() == 0) {
            contacts().updateOne(contact, Updates.combine(stats));
        }
        return true;
    }

    @Override
    void release() {
        // the fixture owns the client
    }
}

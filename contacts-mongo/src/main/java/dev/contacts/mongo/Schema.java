package dev.contacts.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The collections of the store and every index it declares, created on start (creating an
 * existing index with the same keys and options is a no-op, so start-up is idempotent).
 * {@code propertyId} is the first key of every declared index; the only indexes not starting
 * with it are MongoDB's own {@code _id} indexes (and in {@code properties} the {@code _id} is
 * the property id). No partial, TTL or collation index is used
 * (mongo-java-server ignores them), and uniqueness never relies on one.
 */
final class Schema {
    /** Properties: {@code _id} is the property id. */
    static final String PROPERTIES = "properties";
    /** Custom attribute definitions. */
    static final String ATTRIBUTES = "attributeDefinitions";
    /** Contacts. */
    static final String CONTACTS = "contacts";
    /** Organizations. */
    static final String ORGANIZATIONS = "organizations";
    /** Tickets with their messages and outbox. */
    static final String TICKETS = "tickets";
    /** Per-property counters ({@code _id} is {@code <propertyId>:<name>}). */
    static final String COUNTERS = "counters";
    /** Merges of contacts in progress or whose history is still being re-pointed ({@code _id} is the removed contact). */
    static final String MERGES = "contactMerges";
    /** Saved segments. */
    static final String SEGMENTS = "segments";
    /** Saved list views. */
    static final String LIST_VIEWS = "listViews";
    /** Notes on contacts and organizations. */
    static final String NOTES = "notes";
    /** Web sessions. */
    static final String WEB_SESSIONS = "webSessions";
    /** Live chats with their transcripts. */
    static final String LIVE_CHATS = "liveChats";
    /** The collections holding a property's data (everything but the property document itself). */
    static final List<String> PROPERTY_DATA = List.of(ATTRIBUTES, CONTACTS, ORGANIZATIONS, TICKETS, COUNTERS, MERGES, SEGMENTS, LIST_VIEWS,
            NOTES, WEB_SESSIONS, LIVE_CHATS);
    /** Every collection, in creation order. */
    static final List<String> COLLECTIONS = java.util.stream.Stream.concat(java.util.stream.Stream.of(PROPERTIES), PROPERTY_DATA.stream())
            .toList();

    /** Name of the unique index that makes email addresses unique per property by fold. */
    static final String CONTACT_EMAILS_UNIQUE = "propertyId_emailKeys_unique";
    /** Name of the unique index on organization names by fold. */
    static final String ORGANIZATION_NAME_UNIQUE = "propertyId_name_unique";
    /** Name of the unique index on custom attribute names per target. */
    static final String ATTRIBUTE_NAME_UNIQUE = "propertyId_target_name_unique";
    /** Name of the unique index on ticket numbers. */
    static final String TICKET_NUMBER_UNIQUE = "propertyId_number_unique";
    /** Name of the unique index on Message-IDs. */
    static final String MESSAGE_ID_UNIQUE = "propertyId_messageIds_unique";
    /** Name of the unique index on segment names by fold. */
    static final String SEGMENT_NAME_UNIQUE = "propertyId_target_nameFold_unique";
    /** Name of the unique index on list views. */
    static final String LIST_VIEW_UNIQUE = "propertyId_target_agent_unique";
    /** Name of the unique index on the host's ids of activity events. */
    static final String EXTERNAL_ID_UNIQUE = "propertyId_externalId_unique";

    /**
     * One declared index.
     *
     * @param collection the collection
     * @param name       the index name
     * @param fields     its keys in order, each ascending
     * @param unique     whether it is unique
     */
    record IndexSpec(String collection, String name, List<String> fields, boolean unique) {
        /** @return the keys as the driver takes them */
        Bson keys() {
            return Indexes.ascending(fields);
        }
    }

    private Schema() {
    }

    /** @return every index the store declares */
    static List<IndexSpec> indexes() {
        List<IndexSpec> all = new ArrayList<>();
        String p = Fields.PROPERTY;
        all.add(new IndexSpec(ATTRIBUTES, ATTRIBUTE_NAME_UNIQUE, List.of(p, "target", "name"), true));
        all.add(new IndexSpec(ATTRIBUTES, "propertyId_target_seq", List.of(p, "target", "seq"), false));
        all.add(new IndexSpec(ATTRIBUTES, "propertyId_deleting", List.of(p, Fields.DELETING), false));

        all.add(new IndexSpec(CONTACTS, CONTACT_EMAILS_UNIQUE, List.of(p, MongoContacts.EMAIL_KEYS), true));
        all.add(new IndexSpec(CONTACTS, "propertyId_id", List.of(p, Fields.ID), false));
        for (String sortKey : List.of("v.lastSeen", "v.created", "v.updated", "f.name")) {
            all.add(new IndexSpec(CONTACTS, "propertyId_" + sortKey + "_id", List.of(p, sortKey, Fields.ID), false));
        }
        all.add(new IndexSpec(CONTACTS, "propertyId_f.tags", List.of(p, "f.tags"), false));
        all.add(new IndexSpec(CONTACTS, "propertyId_v.organization", List.of(p, "v.organization"), false));
        all.add(new IndexSpec(CONTACTS, "propertyId_pendingLinks.op", List.of(p, MongoContacts.PENDING_LINKS + ".op"), false));
        all.add(new IndexSpec(CONTACTS, "propertyId_deleting", List.of(p, Fields.DELETING), false));
        all.add(new IndexSpec(CONTACTS, "propertyId_appliedTickets", List.of(p, MongoTickets.APPLIED_TICKETS), false));
        all.add(new IndexSpec(CONTACTS, "propertyId_appliedMessages", List.of(p, MongoTickets.APPLIED_MESSAGES), false));

        all.add(new IndexSpec(ORGANIZATIONS, ORGANIZATION_NAME_UNIQUE, List.of(p, "f.name"), true));
        all.add(new IndexSpec(ORGANIZATIONS, "propertyId_id", List.of(p, Fields.ID), false));
        for (String sortKey : List.of("f.name", "v.created", "v.updated")) {
            all.add(new IndexSpec(ORGANIZATIONS, "propertyId_" + sortKey + "_id", List.of(p, sortKey, Fields.ID), false));
        }
        all.add(new IndexSpec(ORGANIZATIONS, "propertyId_deleting", List.of(p, Fields.DELETING), false));
        all.add(new IndexSpec(ORGANIZATIONS, "propertyId_appliedOps", List.of(p, MongoOrganizations.APPLIED_OPS), false));

        all.add(new IndexSpec(CONTACTS, "propertyId_mergedFrom", List.of(p, ContactMerges.MERGED_FROM), false));
        all.add(new IndexSpec(COUNTERS, "propertyId_id", List.of(p, Fields.ID), false));
        all.add(new IndexSpec(MERGES, "propertyId_state_at", List.of(p, "state", "at"), false));

        all.add(new IndexSpec(TICKETS, TICKET_NUMBER_UNIQUE, List.of(p, "number"), true));
        all.add(new IndexSpec(TICKETS, MESSAGE_ID_UNIQUE, List.of(p, MongoTickets.MESSAGE_IDS), true));
        all.add(new IndexSpec(TICKETS, "propertyId_contact_number", List.of(p, "contact", "number"), false));
        all.add(new IndexSpec(TICKETS, "propertyId_outbox.at", List.of(p, MongoTickets.OUTBOX + ".at"), false));
        all.add(new IndexSpec(TICKETS, "propertyId_pending.step", List.of(p, MongoTickets.PENDING + ".step"), false));
        all.add(new IndexSpec(TICKETS, "propertyId_messages.id", List.of(p, "messages.id"), false));

        all.add(new IndexSpec(SEGMENTS, SEGMENT_NAME_UNIQUE, List.of(p, "target", "nameFold"), true));
        all.add(new IndexSpec(LIST_VIEWS, LIST_VIEW_UNIQUE, List.of(p, "target", "agent"), true));
        all.add(new IndexSpec(NOTES, "propertyId_parent_created_id", List.of(p, "parent", "created", Fields.ID), false));
        for (String events : List.of(WEB_SESSIONS, LIVE_CHATS)) {
            all.add(new IndexSpec(events, EXTERNAL_ID_UNIQUE, List.of(p, "externalId"), true));
            all.add(new IndexSpec(events, "propertyId_contact_start_id", List.of(p, "contact", "start", Fields.ID), false));
            all.add(new IndexSpec(events, "propertyId_pending", List.of(p, MongoActivity.PENDING), false));
        }
        all.add(new IndexSpec(CONTACTS, "propertyId_appliedEvents", List.of(p, MongoActivity.APPLIED_EVENTS), false));
        return all;
    }

    /**
     * Creates every collection and index that does not exist yet.
     *
     * @param db the database
     */
    static void ensure(MongoDatabase db) {
        List<String> existing = db.listCollectionNames().into(new ArrayList<>());
        for (String name : COLLECTIONS) {
            if (!existing.contains(name)) {
                try {
                    db.createCollection(name);
                } catch (com.mongodb.MongoCommandException e) {
                    if (e.getErrorCode() != 48) { // NamespaceExists: another instance created it meanwhile
                        throw e;
                    }
                }
            }
        }
        for (IndexSpec index : indexes()) {
            db.getCollection(index.collection(), Document.class)
                    .createIndex(index.keys(), new IndexOptions().name(index.name()).unique(index.unique()));
        }
    }
}

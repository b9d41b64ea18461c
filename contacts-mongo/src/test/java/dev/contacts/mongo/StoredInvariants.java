package dev.contacts.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * What must hold in the stored documents once no write is in progress and {@code recover}
 * has run: no marker of an unfinished step anywhere, every organization count equal to the
 * links, no link to a missing organization, email keys in step with the addresses and
 * unique, no value of an undefined custom attribute, unknown values absent (never null,
 * blank or empty), and (optionally) every contact's
 * {@code totalTickets} equal to its tickets.
 */
final class StoredInvariants {
    private StoredInvariants() {
    }

    /**
     * @param db           the store's database
     * @param ticketCounts whether to check {@code totalTickets} against the tickets (not after a contact deletion
     *                     that a crash split from its history's)
     * @return the violations, empty when everything holds
     */
    static List<String> violations(MongoDatabase db, boolean ticketCounts) {
        List<String> broken = new ArrayList<>();
        for (String collection : List.of(Schema.PROPERTIES, Schema.ATTRIBUTES, Schema.ORGANIZATIONS, Schema.CONTACTS)) {
            for (Document d : db.getCollection(collection).find(Filters.exists(Fields.DELETING))) {
                broken.add(collection + " " + d.get(Fields.ID) + " still flagged deleting");
            }
        }
        for (Document m : db.getCollection(Schema.MERGES).find()) {
            broken.add("merge record left: " + m.toJson());
        }
        Map<String, Set<String>> defined = new HashMap<>();
        for (Document d : db.getCollection(Schema.ATTRIBUTES).find()) {
            defined.computeIfAbsent(d.getString(Fields.PROPERTY) + "/" + d.getString("target"), k -> new HashSet<>())
                    .add(d.getString("name").substring("custom.".length()));
        }
        Map<String, Integer> links = new HashMap<>();
        Set<String> organizations = new HashSet<>();
        for (Document o : db.getCollection(Schema.ORGANIZATIONS).find()) {
            organizations.add(o.getString(Fields.ID));
            nonEmpty(broken, o, MongoOrganizations.APPLIED_OPS, "organization");
            customDefined(broken, o, defined.getOrDefault(o.getString(Fields.PROPERTY) + "/ORGANIZATION", Set.of()), "organization");
            unknownIsAbsent(broken, "organization " + o.getString(Fields.ID), o.get(Fields.VALUES, Document.class));
            unknownIsAbsent(broken, "organization " + o.getString(Fields.ID), o.get(Fields.KEYS, Document.class));
        }
        Map<String, Integer> tickets = new HashMap<>();
        for (Document t : db.getCollection(Schema.TICKETS).find()) {
            tickets.merge(t.getString("contact"), 1, Integer::sum);
            nonEmpty(broken, t, MongoTickets.PENDING, "ticket");
        }
        Set<String> contactIds = new HashSet<>();
        for (Document c : db.getCollection(Schema.CONTACTS).find()) {
            contactIds.add(c.getString(Fields.ID));
        }
        for (String events : List.of(Schema.WEB_SESSIONS, Schema.LIVE_CHATS)) {
            for (Document e : db.getCollection(events).find()) {
                if (e.containsKey(MongoActivity.PENDING)) {
                    broken.add(events + " " + e.get(Fields.ID) + " still pending");
                }
                if (!contactIds.contains(e.getString("contact"))) {
                    broken.add(events + " " + e.get(Fields.ID) + " belongs to the missing contact " + e.getString("contact"));
                }
            }
        }
        for (Document n : db.getCollection(Schema.NOTES).find()) {
            String parent = n.getString("parent");
            boolean exists = contactIds.contains(parent) || organizations.contains(parent);
            if (!exists) {
                broken.add("note " + n.get(Fields.ID) + " belongs to the missing " + n.getString("parentKind") + " " + parent);
            }
        }
        Map<String, String> emailOwners = new HashMap<>();
        for (Document c : db.getCollection(Schema.CONTACTS).find()) {
            String id = c.getString(Fields.ID);
            for (String marker : List.of(MongoContacts.PENDING_LINKS, MongoTickets.APPLIED_TICKETS, MongoTickets.APPLIED_MESSAGES,
                    MongoActivity.APPLIED_EVENTS)) {
                nonEmpty(broken, c, marker, "contact");
            }
            for (String marker : List.of(ContactMerges.MERGING_INTO, ContactMerges.MERGED_FROM)) {
                if (c.containsKey(marker)) {
                    broken.add("contact " + id + " still has " + marker);
                }
            }
            Document v = c.get(Fields.VALUES, Document.class);
            Document f = c.get(Fields.KEYS, Document.class);
            if (v.containsKey("organization")) {
                List<String> orgs = v.getList("organization", String.class);
                if (orgs.isEmpty()) {
                    broken.add("contact " + id + " has an empty organization array");
                }
                for (String o : orgs) {
                    links.merge(o, 1, Integer::sum);
                    if (!organizations.contains(o)) {
                        broken.add("contact " + id + " links the missing organization " + o);
                    }
                }
            }
            List<String> keys = c.getList(MongoContacts.EMAIL_KEYS, String.class);
            List<String> expected = f.containsKey("emails") ? f.getList("emails", String.class) : List.of("~" + id);
            if (!new HashSet<>(keys).equals(new HashSet<>(expected))) {
                broken.add("contact " + id + " has email keys " + keys + " for addresses " + expected);
            }
            for (String key : keys) {
                String other = emailOwners.put(c.getString(Fields.PROPERTY) + "/" + key, id);
                if (other != null) {
                    broken.add("contacts " + other + " and " + id + " share the email key " + key);
                }
            }
            customDefined(broken, c, defined.getOrDefault(c.getString(Fields.PROPERTY) + "/CONTACT", Set.of()), "contact");
            unknownIsAbsent(broken, "contact " + id, v);
            unknownIsAbsent(broken, "contact " + id, f);
            if (ticketCounts) {
                long total = v.containsKey("totalTickets") ? BsonValues.toLong(v.get("totalTickets")) : 0;
                if (total != tickets.getOrDefault(id, 0)) {
                    broken.add("contact " + id + " has totalTickets " + total + " but " + tickets.getOrDefault(id, 0) + " tickets");
                }
            }
        }
        for (Document o : db.getCollection(Schema.ORGANIZATIONS).find()) {
            long count = BsonValues.toLong(o.get(Fields.LINKED_CONTACTS));
            int linked = links.getOrDefault(o.getString(Fields.ID), 0);
            if (count != linked) {
                broken.add("organization " + o.getString(Fields.ID) + " counts " + count + " contacts but " + linked + " link it");
            }
        }
        return broken;
    }

    /** An unknown value is an absent field: never null, blank text or an empty array (the custom sub-document may be empty). */
    private static void unknownIsAbsent(List<String> broken, String what, Document values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object value = e.getValue();
            if (value instanceof Document) {
                unknownIsAbsent(broken, what, (Document) value);
            } else if (value == null || value instanceof String && ((String) value).isBlank()
                    || value instanceof List && ((List<?>) value).isEmpty()) {
                broken.add(what + " stores the unknown value of " + e.getKey() + " as " + value);
            }
        }
    }

    private static void nonEmpty(List<String> broken, Document d, String field, String noun) {
        Object value = d.get(field);
        if (value instanceof List && !((List<?>) value).isEmpty()) {
            broken.add(noun + " " + d.get(Fields.ID) + " still has " + field + " " + value);
        }
    }

    private static void customDefined(List<String> broken, Document d, Set<String> defined, String noun) {
        for (String sub : List.of(Fields.VALUES, Fields.KEYS)) {
            Document custom = d.get(sub, Document.class).get(Fields.CUSTOM, Document.class);
            if (custom != null) {
                for (String key : custom.keySet()) {
                    if (!defined.contains(key)) {
                        broken.add(noun + " " + d.get(Fields.ID) + " has a value of the undefined custom." + key + " in " + sub);
                    }
                }
            }
        }
    }
}

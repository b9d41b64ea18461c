package dev.contacts.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.contacts.model.PropertyId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * Keeps organizations' linked-contact counts in step with contacts' links, and contacts'
 * links pointing at existing organizations, without a transaction. A contact write that has
 * or had links records, in the same single-document write, a pending entry
 * {@code {op, add, remove, check}} in the contact's {@code pendingLinks} ({@code op} is the
 * contact's new version, or 0 for a deletion; {@code check} is every organization the new
 * state links). {@link #complete} then runs these idempotent steps, which {@code recover}
 * re-runs for every entry a crash left:
 * <ol>
 *   <li>each organization in {@code add} gets {@code $inc: +1} and each in {@code remove}
 *       {@code $inc: -1}, on condition that its {@code appliedOps} does not hold the key
 *       {@code <contact>:<op>} yet, which the same update pushes — so each change is counted
 *       exactly once however often the step runs;</li>
 *   <li>a checked organization that is gone or being deleted is unlinked from the contact
 *       (the write raced with the organization's deletion, which is then simply ordered
 *       after it);</li>
 *   <li>the entry leaves the contact, then the key leaves the organizations' {@code appliedOps}
 *       (a key left behind by a crash between the two is removed by {@link #sweep}).</li>
 * </ol>
 */
final class OrganizationLinks {
    /** Pending entry field: the operation number. */
    static final String OP = "op";
    /** Pending entry field: organizations linked by the operation. */
    static final String ADD = "add";
    /** Pending entry field: organizations unlinked by the operation. */
    static final String REMOVE = "remove";
    /** Pending entry field: every organization the new state links, to be checked for existence. */
    static final String CHECK = "check";

    private final MongoStore store;

    OrganizationLinks(MongoStore store) {
        this.store = store;
    }

    private MongoCollection<Document> organizations() {
        return store.collection(Schema.ORGANIZATIONS);
    }

    private MongoCollection<Document> contacts() {
        return store.collection(Schema.CONTACTS);
    }

    /**
     * @param op     the operation number
     * @param add    organization ids linked
     * @param remove organization ids unlinked
     * @param check  organization ids of the new state
     * @return the pending entry a contact write records
     */
    static Document entry(long op, List<String> add, List<String> remove, List<String> check) {
        return new Document(OP, op).append(ADD, add).append(REMOVE, remove).append(CHECK, check);
    }

    /**
     * Runs the steps of one pending entry of a contact.
     *
     * @param property the property
     * @param contact  the contact id
     * @param entry    its pending entry
     */
    @SuppressWarnings("unchecked")
    void complete(PropertyId property, String contact, Document entry) {
        long op = ((Number) entry.get(OP)).longValue();
        String key = contact + ":" + op;
        List<String> add = (List<String>) entry.get(ADD);
        List<String> remove = (List<String>) entry.get(REMOVE);
        List<String> check = (List<String>) entry.get(CHECK);
        for (String organization : add) {
            organizations().updateOne(Filters.and(Fields.one(property, organization), Fields.notDeleting(),
                    Filters.ne(MongoOrganizations.APPLIED_OPS, key)), countChange(1, key));
        }
        for (String organization : remove) {
            organizations().updateOne(Filters.and(Fields.one(property, organization), Filters.ne(MongoOrganizations.APPLIED_OPS, key)),
                    countChange(-1, key));
        }
        if (!check.isEmpty()) {
            Set<String> live = new HashSet<>();
            for (Document org : organizations().find(Filters.and(Fields.scope(property), Filters.in(Fields.ID, check),
                    Fields.notDeleting())).projection(Projections.include(Fields.ID))) {
                live.add(org.getString(Fields.ID));
            }
            for (String organization : check) {
                if (!live.contains(organization)) {
                    store.contactRepository().unlink(property, contact, organization);
                }
            }
        }
        contacts().updateOne(Fields.one(property, contact),
                Updates.pull(MongoContacts.PENDING_LINKS, new Document(OP, op)));
        Set<String> touched = new LinkedHashSet<>(add);
        touched.addAll(remove);
        if (!touched.isEmpty()) {
            organizations().updateMany(Filters.and(Fields.scope(property), Filters.in(Fields.ID, new ArrayList<>(touched))),
                    Updates.pull(MongoOrganizations.APPLIED_OPS, key));
        }
    }

    private static Bson countChange(int delta, String key) {
        return Updates.combine(Updates.inc(Fields.LINKED_CONTACTS, new Decimal128(delta)), Updates.push(MongoOrganizations.APPLIED_OPS, key));
    }

    /**
     * Removes operation keys left in organizations' {@code appliedOps} by a crash after
     * their entry left the contact: a key whose contact has no pending entry of that
     * operation any more has been counted and will never be counted again.
     *
     * @param property the property
     * @return how many keys were removed
     */
    long sweep(PropertyId property) {
        long removed = 0;
        for (Document org : organizations().find(Filters.and(Fields.scope(property), Filters.gte(MongoOrganizations.APPLIED_OPS, "")))
                .projection(Projections.include(Fields.ID, MongoOrganizations.APPLIED_OPS))) {
            for (Object o : org.getList(MongoOrganizations.APPLIED_OPS, Object.class)) {
                String key = (String) o;
                int colon = key.lastIndexOf(':');
                String contact = key.substring(0, colon);
                long op = Long.parseLong(key.substring(colon + 1));
                boolean pending = contacts().countDocuments(Filters.and(Filters.eq(Fields.ID, contact), Fields.scope(property),
                        Filters.eq(MongoContacts.PENDING_LINKS + "." + OP, op))) > 0;
                if (!pending) {
                    removed += organizations().updateOne(Fields.one(property, org.getString(Fields.ID)),
                            Updates.pull(MongoOrganizations.APPLIED_OPS, key)).getModifiedCount();
                }
            }
        }
        return removed;
    }
}

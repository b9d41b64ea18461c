package dev.contacts.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.spi.ContactMerge;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merging two contacts without a transaction. The merge is first recorded in
 * {@code contactMerges} ({@code _id} = the removed contact, with everything the steps need),
 * then these steps run, each idempotent and recognisable once done, so that {@link #run}
 * — from the merge call or from {@code recover} — can take a record in any state:
 * <ol>
 *   <li>lock the removed contact: on its expected version, set {@code mergingInto} and bump
 *       the version, so no concurrent edit of it can succeed any more;</li>
 *   <li>replace the kept contact on its expected version with the merged values (its own
 *       email keys only, see below), leaving {@code mergedFrom} and a pending link entry
 *       (organization counts, see {@link OrganizationLinks});</li>
 *   <li>delete the removed contact like any deletion (which frees its email keys and
 *       decrements its organizations' counts);</li>
 *   <li>add the removed contact's email keys to the kept contact;</li>
 *   <li>mark the record {@code stored} (then drop {@code mergedFrom}): from then on
 *       {@link #pending} reports it until the core has re-pointed the history and called
 *       {@link #complete}.</li>
 * </ol>
 * Up to step 2 the merge can still lose a race (either contact changed): it is then undone —
 * the removed contact unlocked, the record deleted — and {@link ConflictException} (or
 * {@link NotFoundException}) is thrown; from step 2 on it only rolls forward. Email keys move
 * in steps 3 and 4 because a unique index cannot let two documents hold one key at once;
 * a contact created with one of those addresses in between keeps it, and the kept contact
 * then does without that address (logged at WARN) rather than two contacts sharing it.
 */
final class ContactMerges {
    private static final Logger LOG = LoggerFactory.getLogger(ContactMerges.class);
    static final String MERGING_INTO = "mergingInto";
    static final String MERGED_FROM = "mergedFrom";
    private static final String STATE = "state";
    private static final String WRITING = "writing";
    private static final String STORED = "stored";

    private final MongoStore store;
    private final MongoContacts contacts;

    ContactMerges(MongoStore store, MongoContacts contacts) {
        this.store = store;
        this.contacts = contacts;
    }

    private MongoCollection<Document> records() {
        return store.collection(Schema.MERGES);
    }

    /**
     * Records and runs a merge.
     *
     * @see dev.contacts.spi.ContactRepository#merge
     */
    void merge(PropertyId property, Contact merged, long keptVersion, ContactId removed, long removedVersion) {
        String keptId = merged.id().toString();
        String removedId = removed.toString();
        Document kept = contacts.collection().find(Filters.and(Fields.one(property, keptId), MongoContacts.writable())).first();
        Document gone = contacts.collection().find(Filters.and(Fields.one(property, removedId), MongoContacts.writable())).first();
        if (kept == null || gone == null) {
            throw new NotFoundException("contact " + (kept == null ? keptId : removedId) + " does not exist in property " + property);
        }
        checkVersion(kept, keptVersion, keptId);
        checkVersion(gone, removedVersion, removedId);
        List<String> keptOrgs = MongoContacts.linked(kept);
        List<String> mergedOrgs = MongoContacts.ids(merged.organizations());
        List<String> added = MongoContacts.minus(mergedOrgs, keptOrgs);
        contacts.requireOrganizations(property, added);

        List<Object> keptKeys = kept.getList(MongoContacts.EMAIL_KEYS, Object.class);
        List<String> ownKeys = new ArrayList<>();
        List<String> movedKeys = new ArrayList<>();
        for (String email : merged.emails()) {
            String fold = Values.fold(email);
            (keptKeys.contains(fold) ? ownKeys : movedKeys).add(fold);
        }
        checkThirdParty(property, movedKeys, keptId, removedId);
        Document record = new Document(Fields.ID, removedId).append(Fields.PROPERTY, property.value()).append("kept", keptId)
                .append("keptVersion", keptVersion).append("removedVersion", removedVersion).append(STATE, WRITING)
                .append("at", new Date())
                .append("values", EntityCodec.values(merged, Target.CONTACT)).append("keys", EntityCodec.keys(merged, Target.CONTACT))
                .append("ownKeys", ownKeys.isEmpty() ? List.of("~" + keptId) : ownKeys).append("movedKeys", movedKeys)
                .append("entry", OrganizationLinks.entry(keptVersion + 1, added, List.of(), mergedOrgs));
        try {
            records().insertOne(record);
        } catch (MongoException e) {
            if (StoreCalls.isDuplicateKey(e, "_id_")) {
                throw new ConflictException("contact " + removedId + " is already being merged; run Contacts.recover() if that merge "
                        + "was interrupted, then try again");
            }
            throw e;
        }
        run(property, record, true);
    }

    private static void checkVersion(Document doc, long expected, String id) {
        long version = ((Number) doc.get(Fields.VERSION)).longValue();
        if (version != expected) {
            throw new ConflictException("contact " + id + " is at version " + version + ", not " + expected + "; merge again");
        }
    }

    /** Refuses, before anything is written, addresses that a third contact holds. */
    private void checkThirdParty(PropertyId property, List<String> keys, String keptId, String removedId) {
        if (keys.isEmpty()) {
            return;
        }
        Document owner = contacts.collection().find(Filters.and(Fields.scope(property), Filters.in(MongoContacts.EMAIL_KEYS, keys),
                Filters.nin(Fields.ID, keptId, removedId))).projection(Projections.include(Fields.ID)).first();
        if (owner != null) {
            throw new ConflictException("an email address of the merged contact already belongs to contact " + owner.getString(Fields.ID)
                    + " in property " + property + "; merge that contact too, or remove the address from one of them");
        }
    }

    /**
     * Runs the steps of a recorded merge from wherever they stopped.
     *
     * @param property the property
     * @param record   the merge record
     * @param caller   whether the merge call itself runs it (an undone merge then throws)
     * @return whether the merge is now stored (false when it was undone)
     */
    boolean run(PropertyId property, Document record, boolean caller) {
        String removedId = record.getString(Fields.ID);
        String keptId = record.getString("kept");
        long keptVersion = ((Number) record.get("keptVersion")).longValue();
        long removedVersion = ((Number) record.get("removedVersion")).longValue();
        if (STORED.equals(record.getString(STATE))) {
            return true;
        }
        Bson keptDone = Filters.and(Fields.one(property, keptId), Filters.eq(MERGED_FROM, removedId));
        boolean keptWritten = contacts.collection().countDocuments(keptDone) > 0;
        if (!keptWritten) {
            // step 1: lock the removed contact
            long locked = contacts.collection().updateOne(Filters.and(Fields.one(property, removedId),
                    Filters.eq(Fields.VERSION, removedVersion), MongoContacts.writable()),
                    Updates.combine(Updates.set(MERGING_INTO, keptId), Updates.set(Fields.VERSION, removedVersion + 1))).getMatchedCount();
            if (locked == 0 && contacts.collection().countDocuments(Filters.and(Fields.one(property, removedId),
                    Filters.eq(MERGING_INTO, keptId))) == 0) {
                return undo(property, record, caller, removedId);
            }
            // step 2: write the kept contact
            Document entry = record.get("entry", Document.class);
            long written = contacts.collection().updateOne(Filters.and(Fields.one(property, keptId), Filters.eq(Fields.VERSION, keptVersion),
                    MongoContacts.writable()), Updates.combine(Updates.set(Fields.VALUES, record.get("values")),
                    Updates.set(Fields.KEYS, record.get("keys")), Updates.set(MongoContacts.EMAIL_KEYS, record.get("ownKeys")),
                    Updates.set(Fields.VERSION, keptVersion + 1), Updates.set(MERGED_FROM, removedId),
                    Updates.push(MongoContacts.PENDING_LINKS, entry))).getMatchedCount();
            if (written == 0 && contacts.collection().countDocuments(keptDone) == 0) {
                return undo(property, record, caller, keptId);
            }
        }
        contacts.completePending(property, keptId);
        // step 3: delete the removed contact
        Document gone = contacts.collection().find(Fields.one(property, removedId))
                .projection(Projections.include(Fields.VERSION, "v.organization", Fields.DELETING)).first();
        if (gone != null) {
            if (!Boolean.TRUE.equals(gone.get(Fields.DELETING))) {
                contacts.collection().updateOne(Filters.and(Fields.one(property, removedId), Filters.eq(MERGING_INTO, keptId)),
                        Updates.combine(Updates.set(Fields.DELETING, true), Updates.push(MongoContacts.PENDING_LINKS,
                                OrganizationLinks.entry(0, List.of(), MongoContacts.linked(gone), List.of()))));
            }
            contacts.completeDeletion(property, removedId);
        }
        // step 4: move the email keys
        moveEmailKeys(property, keptId, removedId, record);
        // step 5: stored; only then may the kept contact's mergedFrom go (a re-run before it must still see step 2 done)
        records().updateOne(Fields.one(property, removedId), Updates.set(STATE, STORED));
        contacts.collection().updateOne(keptDone, Updates.unset(MERGED_FROM));
        return true;
    }

    private void moveEmailKeys(PropertyId property, String keptId, String removedId, Document record) {
        Bson kept = Fields.one(property, keptId);
        boolean real = !record.getList("ownKeys", String.class).get(0).startsWith("~");
        for (String key : record.getList("movedKeys", String.class)) {
            try {
                contacts.collection().updateOne(kept, Updates.addToSet(MongoContacts.EMAIL_KEYS, key));
                real = true;
            } catch (MongoException e) {
                if (!StoreCalls.isDuplicateKey(e, Schema.CONTACT_EMAILS_UNIQUE)) {
                    throw e;
                }
                LOG.warn("{}: merging contact {} into {}: the address {} was given to another contact meanwhile; the merged contact "
                        + "does without it", property, removedId, keptId, key);
                dropAddress(property, keptId, key);
            }
        }
        if (real) {
            contacts.collection().updateOne(kept, Updates.pull(MongoContacts.EMAIL_KEYS, "~" + keptId));
        }
    }

    /** Removes one address (by fold) from a contact's values and keys, keeping the rest in order. */
    private void dropAddress(PropertyId property, String contactId, String fold) {
        Document doc = contacts.collection().find(Fields.one(property, contactId)).projection(Projections.include(Fields.ID, Fields.VERSION,
                Fields.VALUES)).first();
        if (doc == null) {
            return;
        }
        Contact c = EntityCodec.contact(doc);
        List<String> emails = new ArrayList<>();
        for (String e : c.emails()) {
            if (!Values.fold(e).equals(fold)) {
                emails.add(e);
            }
        }
        Contact without = c.toBuilder().set("emails", emails).build();
        contacts.collection().updateOne(Fields.one(property, contactId), Updates.combine(
                Updates.set(Fields.VALUES, EntityCodec.values(without, Target.CONTACT)),
                Updates.set(Fields.KEYS, EntityCodec.keys(without, Target.CONTACT))));
    }

    /** Undoes steps 1 of a merge that lost a race, and reports why. */
    private boolean undo(PropertyId property, Document record, boolean caller, String changed) {
        String removedId = record.getString(Fields.ID);
        String keptId = record.getString("kept");
        long removedVersion = ((Number) record.get("removedVersion")).longValue();
        Bson locked = Filters.and(Fields.one(property, removedId), Filters.eq(MERGING_INTO, keptId));
        contacts.collection().updateOne(Filters.and(locked, Filters.eq(Fields.VERSION, removedVersion + 1)),
                Updates.combine(Updates.unset(MERGING_INTO), Updates.set(Fields.VERSION, removedVersion)));
        contacts.collection().updateOne(locked, Updates.unset(MERGING_INTO));
        records().deleteOne(Filters.and(Fields.one(property, removedId), Filters.eq(STATE, WRITING)));
        if (!caller) {
            LOG.info("{}: undid the interrupted merge of {} into {}: contact {} changed meanwhile", property, removedId, keptId, changed);
            return false;
        }
        if (contacts.collection().countDocuments(Filters.and(Fields.one(property, changed), Fields.notDeleting())) == 0) {
            throw new NotFoundException("contact " + changed + " does not exist in property " + property);
        }
        throw new ConflictException("contact " + changed + " changed while it was being merged; merge again");
    }

    /**
     * @param property the property
     * @return the stored merges whose history the core has not re-pointed yet, oldest first
     */
    List<ContactMerge> pending(PropertyId property) {
        List<ContactMerge> merges = new ArrayList<>();
        for (Document r : records().find(Filters.and(Fields.scope(property), Filters.eq(STATE, STORED))).sort(Sorts.ascending("at", Fields.ID))) {
            merges.add(new ContactMerge(ContactId.parse(r.getString(Fields.ID)), ContactId.parse(r.getString("kept"))));
        }
        return merges;
    }

    /**
     * Forgets a stored merge.
     *
     * @param property the property
     * @param removed  its removed contact
     */
    void complete(PropertyId property, ContactId removed) {
        contacts.collection().updateMany(Filters.and(Fields.scope(property), Filters.eq(MERGED_FROM, removed.toString())), Updates.unset(MERGED_FROM));
        records().deleteOne(Filters.and(Fields.one(property, removed.toString()), Filters.eq(STATE, STORED)));
    }

    /**
     * Runs every merge of the property a crash left in the writing state.
     *
     * @param property the property
     * @return how many were completed or undone
     */
    long recover(PropertyId property) {
        long n = 0;
        for (Document r : records().find(Filters.and(Fields.scope(property), Filters.eq(STATE, WRITING)))) {
            run(property, r, false);
            n++;
        }
        return n;
    }
}

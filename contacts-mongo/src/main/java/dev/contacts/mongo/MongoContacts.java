package dev.contacts.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.filter.Filter;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.spi.BulkResult;
import dev.contacts.spi.ContactMerge;
import dev.contacts.spi.ContactRepository;
import dev.contacts.spi.ContactUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Contacts, one document each. Every edit is one {@code updateOne} whose filter names the
 * expected {@code version} (optimistic locking) and whose update sets {@code v}, {@code f},
 * {@code emailKeys} and the next version, so an edit is all or nothing and a stale one
 * matches nothing ({@link ConflictException}).
 *
 * <p>Email addresses are unique per property by fold through the unique multikey index on
 * {@code (propertyId, emailKeys)}: {@code emailKeys} holds the folds of the addresses, or,
 * for a contact without any, the single key {@code ~<contact id>} (no address contains no
 * {@code @}, so it can never equal one). That keeps the index total — a unique index would
 * otherwise see every address-less contact as the same missing key — without a partial
 * index, which mongo-java-server ignores. The check is the insert or update itself: two
 * racing writers of one address cannot both succeed.
 *
 * <p>Organization links and counts are kept by {@link OrganizationLinks}; a deletion flags
 * the contact {@code deleting} with its pending entry, completes the entry, then removes
 * the document.
 */
final class MongoContacts extends MongoEntityRepository<ContactId, Contact> implements ContactRepository {
    /** Unique keys of the contact's addresses (see the class comment). */
    static final String EMAIL_KEYS = "emailKeys";
    /** Pending organization-link entries, see {@link OrganizationLinks}. */
    static final String PENDING_LINKS = "pendingLinks";
    private static final String ORGANIZATIONS = Fields.VALUES + "." + BuiltInAttributes.ORGANIZATION;
    private static final String TAGS = Fields.VALUES + ".tags";
    private static final String TAG_KEYS = Fields.KEYS + ".tags";

    private static final Logger LOG = LoggerFactory.getLogger(MongoContacts.class);

    private final OrganizationLinks links;
    private final ContactMerges merges;

    MongoContacts(MongoStore store) {
        super(store, Target.CONTACT, Schema.CONTACTS, EntityCodec::contact, ContactId::parse);
        this.links = new OrganizationLinks(store);
        this.merges = new ContactMerges(store, this);
    }

    /** @return the merge steps */
    ContactMerges merges() {
        return merges;
    }

    /** @return the organization-link steps */
    OrganizationLinks links() {
        return links;
    }

    /** @return the condition of every edit: the contact is neither being deleted nor being merged away */
    static Bson writable() {
        return Filters.and(Fields.notDeleting(), Filters.exists(ContactMerges.MERGING_INTO, false));
    }

    private static List<Object> emailKeys(Contact contact) {
        if (contact.emails().isEmpty()) {
            return List.of("~" + contact.id());
        }
        List<Object> keys = new ArrayList<>();
        for (String email : contact.emails()) {
            keys.add(Values.fold(email));
        }
        return keys;
    }

    static List<String> ids(List<OrganizationId> organizations) {
        List<String> ids = new ArrayList<>();
        for (OrganizationId o : organizations) {
            ids.add(o.toString());
        }
        return ids;
    }

    @Override
    public void insert(PropertyId property, Contact contact) {
        Objects.requireNonNull(contact, "contact");
        StoreCalls.runVoid("contacts.insert", property, () -> {
            store.requireProperty(property, "insert a contact");
            List<String> organizations = ids(contact.organizations());
            requireOrganizations(property, organizations);
            Document entry = organizations.isEmpty() ? null
                    : OrganizationLinks.entry(contact.version(), organizations, List.of(), organizations);
            Document doc = newDocument(property, contact).append(EMAIL_KEYS, emailKeys(contact));
            if (entry != null) {
                doc.append(PENDING_LINKS, List.of(entry));
            }
            try {
                collection().insertOne(doc);
            } catch (MongoException e) {
                throw conflict(e, property, contact);
            }
            if (entry != null) {
                links.complete(property, contact.id().toString(), entry);
            }
        });
    }

    /**
     * {@inheritDoc} One ordered {@code insertMany} (organizations checked in one query before,
     * each new contact's link entry completed after). If a document is refused (an address
     * or an id taken), the documents that call inserted before it are deleted again — through
     * the deletion path for linked contacts, so organization counts stay exact — before
     * {@link ConflictException} is thrown. A crash between the insert and that clean-up
     * leaves those contacts stored, each whole ({@code recover()} completes their counts), as
     * if the batch had ended before the refused one.
     */
    @Override
    public void insertAll(PropertyId property, List<Contact> contacts) {
        List<Contact> all = List.copyOf(contacts);
        if (all.isEmpty()) {
            return;
        }
        StoreCalls.runVoid("contacts.insertAll", property, () -> {
            store.requireProperty(property, "insert contacts");
            Set<String> organizations = new LinkedHashSet<>();
            all.forEach(c -> organizations.addAll(ids(c.organizations())));
            requireOrganizations(property, new ArrayList<>(organizations));
            List<Document> docs = new ArrayList<>(all.size());
            List<Document> entries = new ArrayList<>(all.size());
            for (Contact contact : all) {
                List<String> linked = ids(contact.organizations());
                Document entry = linked.isEmpty() ? null : OrganizationLinks.entry(contact.version(), linked, List.of(), linked);
                Document doc = newDocument(property, contact).append(EMAIL_KEYS, emailKeys(contact));
                if (entry != null) {
                    doc.append(PENDING_LINKS, List.of(entry));
                }
                docs.add(doc);
                entries.add(entry);
            }
            try {
                collection().insertMany(docs, new InsertManyOptions().ordered(true));
            } catch (MongoBulkWriteException e) {
                int refused = e.getWriteErrors().isEmpty() ? all.size() : e.getWriteErrors().get(0).getIndex();
                RuntimeException error = refused < all.size() ? conflict(e, property, all.get(refused)) : e;
                undoInserts(property, all.subList(0, Math.min(refused, all.size())));
                throw error;
            }
            for (int i = 0; i < all.size(); i++) {
                if (entries.get(i) != null) {
                    links.complete(property, all.get(i).id().toString(), entries.get(i));
                }
            }
        });
    }

    /** Deletes contacts a refused batch insert stored: unlinked ones at once, linked ones through the deletion path. */
    private void undoInserts(PropertyId property, List<Contact> inserted) {
        List<String> unlinked = new ArrayList<>();
        for (Contact c : inserted) {
            if (c.organizations().isEmpty()) {
                unlinked.add(c.id().toString());
            } else {
                delete(property, c.id());
            }
        }
        if (!unlinked.isEmpty()) {
            collection().deleteMany(Filters.and(scope(property), Filters.in(Fields.ID, unlinked)));
        }
    }

    @Override
    public void update(PropertyId property, Contact contact, long expectedVersion) {
        Objects.requireNonNull(contact, "contact");
        StoreCalls.runVoid("contacts.update", property, () -> {
            store.requireProperty(property, "update a contact");
            checkNextVersion(contact.version(), expectedVersion, contact.id());
            Document current = collection().find(Filters.and(byId(property, contact.id()), Fields.notDeleting()))
                    .projection(Projections.include(Fields.VERSION, ORGANIZATIONS)).first();
            if (current == null) {
                throw new NotFoundException("contact " + contact.id() + " does not exist in property " + property);
            }
            if (((Number) current.get(Fields.VERSION)).longValue() != expectedVersion) {
                throw staleOrMissing(property, contact.id(), expectedVersion);
            }
            List<String> before = linked(current);
            requireOrganizations(property, minus(ids(contact.organizations()), before));
            replace(property, contact, expectedVersion, before);
        });
    }

    /**
     * Replaces a contact on its version in one conditional {@code updateOne} that also records
     * its link entry, then completes the entry.
     *
     * @param before the organizations the stored contact links
     */
    private void replace(PropertyId property, Contact contact, long expectedVersion, List<String> before) {
        List<String> after = ids(contact.organizations());
        List<String> added = minus(after, before);
        Document entry = before.isEmpty() && after.isEmpty() ? null
                : OrganizationLinks.entry(contact.version(), added, minus(before, after), after);
        List<Bson> changes = new ArrayList<>(List.of(Updates.set(Fields.VALUES, EntityCodec.values(contact, Target.CONTACT)),
                Updates.set(Fields.KEYS, EntityCodec.keys(contact, Target.CONTACT)), Updates.set(EMAIL_KEYS, emailKeys(contact)),
                Updates.set(Fields.VERSION, contact.version())));
        if (entry != null) {
            changes.add(Updates.push(PENDING_LINKS, entry));
        }
        long matched;
        try {
            matched = collection().updateOne(Filters.and(byId(property, contact.id()), Filters.eq(Fields.VERSION, expectedVersion),
                    writable()), Updates.combine(changes)).getMatchedCount();
        } catch (MongoException e) {
            throw conflict(e, property, contact);
        }
        if (matched == 0) {
            throw staleOrMissing(property, contact.id(), expectedVersion);
        }
        if (entry != null) {
            links.complete(property, contact.id().toString(), entry);
        }
    }

    /**
     * {@inheritDoc} The contacts are read in one query and every rule is checked before
     * anything is written — existence and versions, linked organizations (one query),
     * addresses unique in the batch and not held by a contact outside it (one query) — so a
     * refused batch writes nothing. Then each contact is replaced with the conditional update
     * of {@link #update}. Only a concurrent writer that changes one of the contacts or takes
     * an address between the checks and the writes can still refuse one: the contacts already
     * replaced by the call then get their previous values back (one version further, with
     * their organization counts moved back) before {@link ConflictException} is thrown, and a
     * crash in between leaves them replaced, each whole.
     */
    @Override
    public void updateAll(PropertyId property, List<ContactUpdate> updates) {
        List<ContactUpdate> all = List.copyOf(updates);
        if (all.isEmpty()) {
            return;
        }
        StoreCalls.runVoid("contacts.updateAll", property, () -> {
            store.requireProperty(property, "update contacts");
            Map<String, ContactUpdate> byId = new LinkedHashMap<>();
            for (ContactUpdate u : all) {
                if (byId.put(u.contact().id().toString(), u) != null) {
                    throw new IllegalArgumentException("contact " + u.contact().id() + " is twice in one batch update");
                }
            }
            Map<String, Contact> stored = new HashMap<>();
            for (Document d : collection().find(Filters.and(scope(property), Filters.in(Fields.ID, new ArrayList<>(byId.keySet())),
                    Fields.notDeleting()))) {
                stored.put(d.getString(Fields.ID), EntityCodec.contact(d));
            }
            Set<String> added = new LinkedHashSet<>();
            Map<String, String> holders = new HashMap<>(); // fold -> contact id
            for (ContactUpdate u : all) {
                Contact before = stored.get(u.contact().id().toString());
                if (before == null) {
                    throw new NotFoundException("contact " + u.contact().id() + " does not exist in property " + property);
                }
                if (before.version() != u.expectedVersion()) {
                    throw staleOrMissing(property, u.contact().id(), u.expectedVersion());
                }
                added.addAll(minus(ids(u.contact().organizations()), ids(before.organizations())));
                for (Object fold : emailKeys(u.contact())) {
                    String other = holders.put((String) fold, u.contact().id().toString());
                    if (other != null && !other.equals(u.contact().id().toString())) {
                        throw new ConflictException("the email address '" + fold + "' is given to both contact " + other + " and contact "
                                + u.contact().id() + " in one batch; give it to one of them");
                    }
                }
            }
            requireOrganizations(property, new ArrayList<>(added));
            Document owner = collection().find(Filters.and(scope(property), Filters.in(EMAIL_KEYS, new ArrayList<>(holders.keySet())),
                    Filters.nin(Fields.ID, new ArrayList<>(byId.keySet())))).projection(Projections.include(Fields.ID, "f.emails")).first();
            if (owner != null) {
                throw new ConflictException("the email address '" + sharedAddress(owner, new ArrayList<Object>(holders.keySet()))
                        + "' already belongs to contact " + owner.getString(Fields.ID) + " in property " + property
                        + "; update that contact or merge the two");
            }
            List<ContactUpdate> done = new ArrayList<>();
            try {
                for (ContactUpdate u : all) {
                    Contact before = stored.get(u.contact().id().toString());
                    replace(property, u.contact(), u.expectedVersion(), ids(before.organizations()));
                    done.add(u);
                }
            } catch (RuntimeException e) {
                for (int i = done.size() - 1; i >= 0; i--) {
                    Contact written = done.get(i).contact();
                    Contact before = stored.get(written.id().toString());
                    try {
                        replace(property, before.toBuilder().version(written.version() + 1).build(), written.version(),
                                ids(written.organizations()));
                    } catch (ConflictException | NotFoundException undo) {
                        LOG.warn("contact {} of property {} changed during a refused batch update; it keeps the batch's change under "
                                + "the later one ({})", written.id(), property, undo.getMessage());
                    }
                }
                throw e;
            }
        });
    }

    static List<String> linked(Document doc) {
        Document v = doc.get(Fields.VALUES, Document.class);
        List<String> ids = new ArrayList<>();
        if (v != null && v.get(BuiltInAttributes.ORGANIZATION) != null) {
            for (Object o : v.getList(BuiltInAttributes.ORGANIZATION, Object.class)) {
                ids.add((String) o);
            }
        }
        return ids;
    }

    static List<String> minus(List<String> a, List<String> b) {
        List<String> result = new ArrayList<>(a);
        result.removeAll(b);
        return result;
    }

    /** Refuses links to organizations that do not exist in the property or are being deleted. */
    void requireOrganizations(PropertyId property, List<String> organizations) {
        if (organizations.isEmpty()) {
            return;
        }
        Set<String> found = new HashSet<>();
        for (Document d : store.collection(Schema.ORGANIZATIONS).find(Filters.and(scope(property),
                Filters.in(Fields.ID, organizations), Fields.notDeleting())).projection(Projections.include(Fields.ID))) {
            found.add(d.getString(Fields.ID));
        }
        for (String o : organizations) {
            if (!found.contains(o)) {
                throw new NotFoundException("organization " + o + " does not exist in property " + property);
            }
        }
    }

    private RuntimeException conflict(MongoException e, PropertyId property, Contact contact) {
        if (StoreCalls.isDuplicateKey(e, Schema.CONTACT_EMAILS_UNIQUE)) {
            List<Object> keys = emailKeys(contact);
            Document owner = collection().find(Filters.and(scope(property), Filters.in(EMAIL_KEYS, keys),
                    Filters.ne(Fields.ID, contact.id().toString()))).projection(Projections.include(Fields.ID, "f.emails")).first();
            String which = owner == null ? String.valueOf(keys) : sharedAddress(owner, keys);
            return new ConflictException("the email address '" + which + "' already belongs to contact "
                    + (owner == null ? "(changed meanwhile)" : owner.getString(Fields.ID)) + " in property " + property
                    + "; update that contact or merge the two");
        }
        if (StoreCalls.isDuplicateKey(e, "_id_")) {
            return new ConflictException("contact " + contact.id() + " already exists");
        }
        return e;
    }

    private static String sharedAddress(Document owner, List<Object> keys) {
        Document f = owner.get(Fields.KEYS, Document.class);
        for (Object o : f.getList("emails", Object.class)) {
            if (keys.contains(o)) {
                return (String) o;
            }
        }
        return String.valueOf(keys);
    }

    @Override
    public boolean delete(PropertyId property, ContactId id) {
        Objects.requireNonNull(id, "id");
        return StoreCalls.run("contacts.delete", property, () -> {
            while (true) {
                Document current = collection().find(byId(property, id))
                        .projection(Projections.include(Fields.VERSION, ORGANIZATIONS, Fields.DELETING, ContactMerges.MERGING_INTO)).first();
                if (current == null) {
                    return false;
                }
                if (Boolean.TRUE.equals(current.get(Fields.DELETING))) {
                    return completeDeletion(property, id.toString());
                }
                if (current.get(ContactMerges.MERGING_INTO) != null) {
                    return false; // being merged away: the merge deletes it
                }
                Bson unchanged = Filters.and(byId(property, id), Filters.eq(Fields.VERSION, current.get(Fields.VERSION)), writable());
                List<String> organizations = linked(current);
                if (organizations.isEmpty()) {
                    if (collection().deleteOne(unchanged).getDeletedCount() == 1) {
                        return true;
                    }
                    continue; // changed meanwhile: read again
                }
                Bson flag = Updates.combine(Updates.set(Fields.DELETING, true),
                        Updates.push(PENDING_LINKS, OrganizationLinks.entry(0, List.of(), organizations, List.of())));
                if (collection().updateOne(unchanged, flag).getMatchedCount() == 1) {
                    return completeDeletion(property, id.toString());
                }
            }
        });
    }

    /**
     * Completes the pending entries of a contact flagged {@code deleting}, then removes it.
     *
     * @param property the property
     * @param id       the contact id
     * @return whether this call removed the document
     */
    boolean completeDeletion(PropertyId property, String id) {
        completePending(property, id);
        return collection().deleteOne(Filters.and(Fields.one(property, id), Filters.eq(Fields.DELETING, true)))
                .getDeletedCount() == 1;
    }

    /**
     * Runs the steps of every pending organization-link entry of a contact.
     *
     * @param property the property
     * @param id       the contact id
     */
    void completePending(PropertyId property, String id) {
        Document doc = collection().find(Fields.one(property, id))
                .projection(Projections.include(PENDING_LINKS)).first();
        if (doc != null && doc.get(PENDING_LINKS) != null) {
            for (Document entry : doc.getList(PENDING_LINKS, Document.class)) {
                links.complete(property, id, entry);
            }
        }
    }

    /**
     * @param property the property
     * @return ids of contacts with pending link entries or an unfinished deletion
     */
    List<String> pending(PropertyId property) {
        List<String> ids = new ArrayList<>();
        for (Document d : collection().find(Filters.and(scope(property), Filters.or(Filters.gte(PENDING_LINKS + "." + OrganizationLinks.OP, 0),
                Filters.eq(Fields.DELETING, true)))).projection(Projections.include(Fields.ID))) {
            ids.add(d.getString(Fields.ID));
        }
        return ids;
    }

    /**
     * Removes one organization from a contact's links, never leaving an empty array; the
     * version and {@code updated} stay (a consequence of the organization's deletion).
     *
     * @param property     the property
     * @param contact      the contact id
     * @param organization the organization id
     */
    void unlink(PropertyId property, String contact, String organization) {
        Bson one = Fields.one(property, contact);
        if (collection().updateOne(Filters.and(one, Filters.eq(ORGANIZATIONS, List.of(organization))), Updates.unset(ORGANIZATIONS))
                .getMatchedCount() == 0) {
            collection().updateOne(Filters.and(one, Filters.eq(ORGANIZATIONS, organization)), Updates.pull(ORGANIZATIONS, organization));
        }
    }

    /**
     * Removes an organization from every contact of the property: contacts linked to it
     * alone lose the field, the others the element, and any empty array a concurrent
     * unlink left is removed last.
     *
     * @param property     the property
     * @param organization the organization id
     */
    void unlinkEverywhere(PropertyId property, String organization) {
        collection().updateMany(Filters.and(scope(property), Filters.eq(ORGANIZATIONS, List.of(organization))), Updates.unset(ORGANIZATIONS));
        collection().updateMany(Filters.and(scope(property), Filters.eq(ORGANIZATIONS, organization)), Updates.pull(ORGANIZATIONS, organization));
        collection().updateMany(Filters.and(scope(property), Filters.eq(ORGANIZATIONS, List.of())), Updates.unset(ORGANIZATIONS));
    }

    /**
     * {@inheritDoc} Recorded first, then run as the idempotent steps of {@link ContactMerges}.
     */
    @Override
    public void merge(PropertyId property, Contact merged, long keptVersion, ContactId removed, long removedVersion) {
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(removed, "removed");
        StoreCalls.runVoid("contacts.merge", property, () -> {
            store.requireProperty(property, "merge contacts");
            checkNextVersion(merged.version(), keptVersion, merged.id());
            merges.merge(property, merged, keptVersion, removed, removedVersion);
        });
    }

    @Override
    public List<ContactMerge> listPendingMerges(PropertyId property) {
        return StoreCalls.run("contacts.listPendingMerges", property, () -> merges.pending(property));
    }

    @Override
    public void completeMerge(PropertyId property, ContactId removed) {
        Objects.requireNonNull(removed, "removed");
        StoreCalls.runVoid("contacts.completeMerge", property, () -> merges.complete(property, removed));
    }

    @Override
    public Optional<Contact> findByEmail(PropertyId property, String email) {
        Objects.requireNonNull(email, "email");
        String fold = Values.fold(email.strip());
        return StoreCalls.run("contacts.findByEmail", property, () -> Optional.ofNullable(collection()
                .find(Filters.and(scope(property), Filters.eq(EMAIL_KEYS, fold), Filters.eq("f.emails", fold))).first())
                .map(EntityCodec::contact));
    }

    /** {@inheritDoc} One {@code $in} query on the unique address keys. */
    @Override
    public Map<String, Contact> findByEmails(PropertyId property, Collection<String> folds) {
        Objects.requireNonNull(folds, "folds");
        Map<String, String> normal = new HashMap<>(); // the stored fold -> the caller's key
        for (String f : folds) {
            normal.put(Values.fold(f.strip()), f);
        }
        if (normal.isEmpty()) {
            return Map.of();
        }
        List<String> keys = new ArrayList<>(normal.keySet());
        return StoreCalls.run("contacts.findByEmails", property, () -> {
            Map<String, Contact> found = new HashMap<>();
            for (Document doc : collection().find(Filters.and(scope(property), Filters.in(EMAIL_KEYS, keys), Filters.in("f.emails", keys)))) {
                Contact c = EntityCodec.contact(doc);
                for (String email : c.emails()) {
                    String key = normal.get(Values.fold(email));
                    if (key != null) {
                        found.put(key, c);
                    }
                }
            }
            return found;
        });
    }

    /**
     * {@inheritDoc} Tags already present (by fold) are not added again; a contact that
     * already has every tag is unchanged and not counted. Each contact is one conditional
     * update on its version, retried on the re-read contact when another write got there first.
     */
    @Override
    public BulkResult addTags(PropertyId property, Filter filter, List<String> tags, Instant updated) {
        Objects.requireNonNull(updated, "updated");
        List<String> normal = Values.textSet("tags", tags);
        return retag(property, filter, "contacts.addTags", normal, current -> {
            Set<String> present = new HashSet<>();
            for (String t : current) {
                present.add(Values.fold(t));
            }
            List<String> next = new ArrayList<>(current);
            for (String tag : normal) {
                if (present.add(Values.fold(tag))) {
                    next.add(tag);
                }
            }
            return next;
        }, updated);
    }

    /** {@inheritDoc} Contacts having none of the tags are unchanged and not counted. */
    @Override
    public BulkResult removeTags(PropertyId property, Filter filter, List<String> tags, Instant updated) {
        Objects.requireNonNull(updated, "updated");
        List<String> normal = Values.textSet("tags", tags);
        Set<String> removed = new HashSet<>();
        for (String tag : normal) {
            removed.add(Values.fold(tag));
        }
        return retag(property, filter, "contacts.removeTags", normal, current -> {
            List<String> next = new ArrayList<>();
            for (String t : current) {
                if (!removed.contains(Values.fold(t))) {
                    next.add(t);
                }
            }
            return next;
        }, updated);
    }

    /** Changes the tags of every matching contact, atomically per contact. */
    private BulkResult retag(PropertyId property, Filter filter, String operation, List<String> tags,
                             Function<List<String>, List<String>> change, Instant updated) {
        Bson query = query(property, filter);
        if (tags.isEmpty()) {
            return new BulkResult(0, List.of());
        }
        return StoreCalls.run(operation, property, () -> {
            long[] changed = {0};
            List<ContactId> skipped = new ArrayList<>();
            forEachById(query, Projections.include(Fields.ID, Fields.VERSION, TAGS), doc -> {
                Document current = doc;
                while (current != null) {
                    List<String> before = tags(current);
                    List<String> next = change.apply(before);
                    if (next.equals(before)) {
                        return;
                    }
                    String id = current.getString(Fields.ID);
                    if (next.size() > Values.MAX_SET_ELEMENTS) {
                        skipped.add(ContactId.parse(id));
                        return;
                    }
                    long version = ((Number) current.get(Fields.VERSION)).longValue();
                    Bson set = next.isEmpty() ? Updates.combine(Updates.unset(TAGS), Updates.unset(TAG_KEYS))
                            : Updates.combine(Updates.set(TAGS, next), Updates.set(TAG_KEYS, BsonValues.key(next)));
                    Bson write = Updates.combine(set, Updates.set(Fields.VALUES + ".updated", Date.from(updated)),
                            Updates.set(Fields.VERSION, version + 1));
                    Bson one = Fields.one(property, id);
                    if (collection().updateOne(Filters.and(one, Filters.eq(Fields.VERSION, version), writable()), write).getMatchedCount() == 1) {
                        changed[0]++;
                        return;
                    }
                    current = collection().find(Filters.and(query, one, writable()))
                            .projection(Projections.include(Fields.ID, Fields.VERSION, TAGS)).first();
                }
            });
            return new BulkResult(changed[0], skipped);
        });
    }

    private static List<String> tags(Document doc) {
        Document v = doc.get(Fields.VALUES, Document.class);
        if (v == null || v.get("tags") == null) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (Object o : v.getList("tags", Object.class)) {
            tags.add((String) o);
        }
        return tags;
    }
}

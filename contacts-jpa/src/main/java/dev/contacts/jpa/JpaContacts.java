package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.filter.Filter;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Values;
import dev.contacts.spi.BulkResult;
import dev.contacts.spi.ContactMerge;
import dev.contacts.spi.ContactRepository;
import dev.contacts.spi.ContactUpdate;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Contacts: the main row, set tables, custom values and organization links written in one
 * transaction. Emails are unique per property by fold through the unique key
 * {@code (property_id, fold)} of {@code contact_email}, so two concurrent writers cannot
 * both take an address. Each linked organization's {@code contact_count} changes in one
 * statement ({@code contact_count = contact_count + 1}) in the same transaction, which also
 * locks the organization row: an organization deleted concurrently makes the write fail with
 * {@link NotFoundException} instead of leaving a dangling link.
 */
final class JpaContacts extends JpaEntityRepository<ContactId, Contact> implements ContactRepository {
    /** Contacts per transaction of a bulk operation: atomic per contact, not one giant transaction. */
    private static final int BULK_CHUNK = 200;

    private final BulkInsertStatistics statistics;
    private final H2FileCompaction compaction;

    JpaContacts(Transactions tx, H2FileCompaction compaction) {
        super(tx, EntityTable.CONTACTS);
        this.statistics = BulkInsertStatistics.contacts(tx);
        this.compaction = compaction;
    }

    @Override
    ContactId id(UUID value) {
        return new ContactId(value);
    }

    @Override
    String noun() {
        return "contact";
    }

    /** {@inheritDoc} Here: the main row is read {@code FOR UPDATE}, locked until the unit of work (or this call) ends. */
    @Override
    public Optional<Contact> getForUpdate(PropertyId property, ContactId id) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(id, "id");
        return tx.run("get contact for update", db -> {
            String p = property.value();
            List<Contact> found = rows.load(db, p, db.sql("SELECT " + rows.mainColumns("t") + ", (SELECT catalog_version FROM property WHERE id = ").value(p)
                    .append(") AS " + CATALOG_VERSION + " FROM contact t WHERE t.property_id = ").value(p).append(" AND t.id = ")
                    .value(id.value()).append(" FOR UPDATE"), rs -> tx.sawCatalogVersion(p, rs.getLong(CATALOG_VERSION)));
            return found.isEmpty() ? Optional.<Contact>empty() : Optional.of(found.get(0));
        });
    }

    /**
     * {@inheritDoc} Here: the main row is updated on the version, then only what changed is
     * rewritten (each changed set, the changed custom attributes, the links and the
     * organizations' counts when the links changed, the address check when the addresses
     * changed): a change of one column is one statement.
     */
    @Override
    public void update(PropertyId property, Contact previous, Contact next) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(next, "next");
        if (!previous.id().equals(next.id())) {
            throw new IllegalArgumentException("previous and next are two contacts: " + previous.id() + ", " + next.id());
        }
        checkNextVersion(next, previous.version());
        String p = property.value();
        tx.run("update contact", db -> {
            if (!rows.updateMain(db, p, next, previous.version())) {
                throw updateRefused(db, p, next, previous.version());
            }
            // the version matched: the stored values are previous's, so only the differences need writing
            if (!previous.emails().equals(next.emails())) {
                checkEmails(db, p, next);
            }
            rows.replaceChangedValues(db, p, previous, next);
            if (!previous.organizations().equals(next.organizations())) {
                changeLinks(db, p, next.id(), previous.organizations(), next.organizations());
            }
            return null;
        });
    }

    @Override
    public void insert(PropertyId property, Contact contact) {
        insertEntity(property, contact, JpaContacts::checkEmails, JpaContacts::relink);
    }

    @Override
    public void update(PropertyId property, Contact contact, long expectedVersion) {
        updateEntity(property, contact, expectedVersion, JpaContacts::checkEmails, JpaContacts::relink);
    }

    /**
     * {@inheritDoc} One transaction: ids and addresses checked with one query each, then the
     * main rows, set and custom values and organization links written one table at a time in
     * bulk ({@link BulkRows}: {@code COPY … FROM STDIN} on PostgreSQL, JDBC batches elsewhere,
     * multi-row inserts where the driver rewrites batches); a key taken meanwhile by a
     * concurrent writer fails the whole statement, so the call stays all or nothing. Each
     * linked organization's count is moved once by the batch's delta, in id order. On PostgreSQL, the planner statistics of the contact
     * tables are refreshed after the commit each time bulk inserts doubled the table
     * ({@link BulkInsertStatistics} says why).
     */
    @Override
    public void insertAll(PropertyId property, List<Contact> contacts) {
        Objects.requireNonNull(property, "property");
        List<Contact> all = List.copyOf(contacts);
        if (all.isEmpty()) {
            return;
        }
        String p = property.value();
        tx.run("insert contacts", db -> {
            requireProperty(db, p, "insert " + all.size() + " contacts");
            Set<UUID> ids = new LinkedHashSet<>();
            for (Contact c : all) {
                if (!ids.add(c.id().value())) {
                    throw new ConflictException("contact " + c.id() + " is twice in one batch insert");
                }
            }
            Optional<UUID> existing = db.first(db.sql("SELECT c.id").fromIdSet("contact", "c", p, "id", ids), rs -> db.id(rs, "id"));
            if (existing.isPresent()) {
                throw new ConflictException("contact " + existing.get() + " already exists in property " + p);
            }
            checkEmails(db, p, all, Set.of());
            rows.insertMains(db, p, all);
            rows.insertValues(db, p, all);
            Map<OrganizationId, Integer> delta = new java.util.TreeMap<>();
            BulkRows links = new BulkRows("contact_organization", List.of("property_id", "contact_id", "organization_id", "position"),
                    List.of(Sql.ColumnType.TEXT, Sql.ColumnType.ID, Sql.ColumnType.ID, Sql.ColumnType.LONG));
            for (Contact c : all) {
                List<OrganizationId> organizations = c.organizations();
                for (int i = 0; i < organizations.size(); i++) {
                    delta.merge(organizations.get(i), 1, Integer::sum);
                    links.add(p, c.id().value(), organizations.get(i).value(), i);
                }
            }
            moveCounts(db, p, delta, delta.keySet());
            links.write(db);
            return null;
        });
        statistics.inserted(all.size());
        compaction.written(all.size());
    }

    /**
     * {@inheritDoc} One transaction: the contacts locked in id order and their versions
     * checked with one query, main rows replaced in one JDBC batch, set and custom values
     * deleted with one statement per table and inserted in batches, the links of the contacts
     * whose organizations changed replaced, each organization's count moved once.
     */
    @Override
    public void updateAll(PropertyId property, List<ContactUpdate> updates) {
        Objects.requireNonNull(property, "property");
        List<ContactUpdate> all = List.copyOf(updates);
        if (all.isEmpty()) {
            return;
        }
        String p = property.value();
        tx.run("update contacts", db -> {
            Map<UUID, ContactUpdate> byId = new LinkedHashMap<>();
            for (ContactUpdate u : all) {
                if (byId.put(u.contact().id().value(), u) != null) {
                    throw new IllegalArgumentException("contact " + u.contact().id() + " is twice in one batch update");
                }
            }
            Map<UUID, Long> versions = new HashMap<>();
            db.list(db.sql("SELECT c.id, c.version").fromIdSetForUpdate("contact", "c", p, byId.keySet()),
                    rs -> versions.put(db.id(rs, "id"), rs.getLong("version")));
            for (ContactUpdate u : all) {
                Long stored = versions.get(u.contact().id().value());
                if (stored == null) {
                    throw new NotFoundException("contact " + u.contact().id() + " does not exist in property " + p);
                }
                if (stored != u.expectedVersion()) {
                    throw new ConflictException("contact " + u.contact().id() + " is at version " + stored + ", not " + u.expectedVersion()
                            + "; reload it and apply the change again");
                }
            }
            List<Contact> contacts = new ArrayList<>(all.size());
            List<Long> expected = new ArrayList<>(all.size());
            all.forEach(u -> {
                contacts.add(u.contact());
                expected.add(u.expectedVersion());
            });
            checkEmails(db, p, contacts, byId.keySet());
            int[] counts = rows.updateMains(db, p, contacts, expected);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw updateRefused(db, p, contacts.get(i), expected.get(i)); // rows are locked: not expected
                }
            }
            rows.deleteValues(db, p, byId.keySet());
            rows.insertValues(db, p, contacts);
            Map<UUID, List<OrganizationId>> before = organizationsOf(db, p, byId.keySet());
            Map<OrganizationId, Integer> delta = new java.util.TreeMap<>();
            Set<OrganizationId> added = new HashSet<>();
            List<UUID> relinked = new ArrayList<>();
            List<List<Sql.Binder>> links = new ArrayList<>();
            for (Contact c : contacts) {
                List<OrganizationId> was = before.getOrDefault(c.id().value(), List.of());
                if (was.equals(c.organizations())) {
                    continue;
                }
                relinked.add(c.id().value());
                for (OrganizationId o : c.organizations()) {
                    if (!was.contains(o)) {
                        delta.merge(o, 1, Integer::sum);
                        added.add(o);
                    }
                }
                for (OrganizationId o : was) {
                    if (!c.organizations().contains(o)) {
                        delta.merge(o, -1, Integer::sum);
                    }
                }
                addLinkRows(db.dialect(), p, c.id(), c.organizations(), links);
            }
            moveCounts(db, p, delta, added);
            if (!relinked.isEmpty()) {
                db.update(db.sql().deleteIdSet("contact_organization", p, "contact_id", relinked, null));
            }
            db.batch(INSERT_LINK, links);
            return null;
        });
        compaction.written(all.size());
    }

    /**
     * Moves organizations' counts by a delta each: the newly linked ones locked in id order
     * (the order every writer locks organizations in) and checked to exist with one query,
     * then one batched {@code UPDATE}.
     *
     * @param mustExist organizations newly linked: a missing one is a {@link NotFoundException}
     */
    private static void moveCounts(Db db, String property, Map<OrganizationId, Integer> delta, Set<OrganizationId> mustExist)
            throws SQLException {
        if (!mustExist.isEmpty()) {
            Set<UUID> wanted = new java.util.TreeSet<>();
            mustExist.forEach(o -> wanted.add(o.value()));
            Set<UUID> found = new HashSet<>(db.list(db.sql("SELECT o.id").fromIdSetForUpdate("organization", "o", property, wanted),
                    rs -> db.id(rs, "id")));
            for (OrganizationId o : mustExist) {
                if (!found.contains(o.value())) {
                    throw new NotFoundException("organization " + o + " does not exist in property " + property);
                }
            }
        }
        Dialect d = db.dialect();
        List<List<Sql.Binder>> rows = new ArrayList<>();
        for (Map.Entry<OrganizationId, Integer> e : delta.entrySet()) {
            if (e.getValue() != 0) {
                rows.add(List.of(Sql.binder(d, e.getValue()), Sql.binder(d, property), Sql.binder(d, e.getKey().value())));
            }
        }
        db.batch("UPDATE organization SET contact_count = contact_count + ? WHERE property_id = ? AND id = ?", rows);
    }

    /**
     * Email addresses of a batch: unique among its contacts and not held by another contact
     * of the property (contacts of the batch may hold them now, as they are being replaced).
     */
    private static void checkEmails(Db db, String property, List<Contact> contacts, Set<UUID> replaced) throws SQLException {
        Map<String, Contact> holders = new HashMap<>();
        for (Contact c : contacts) {
            for (String email : c.emails()) {
                Contact other = holders.put(Values.fold(email), c);
                if (other != null && !other.id().equals(c.id())) {
                    throw new ConflictException("the email address '" + email + "' is given to both contact " + other.id() + " and contact "
                            + c.id() + " in one batch; give it to one of them");
                }
            }
        }
        for (Object[] owner : owners(db, property, holders.keySet())) {
            UUID id = (UUID) owner[1];
            Contact holder = holders.get((String) owner[0]);
            if (!holder.id().value().equals(id) && !replaced.contains(id)) {
                throw new ConflictException("the email address '" + owner[2] + "' already belongs to contact " + id
                        + " in property " + property + "; update that contact or merge the two");
            }
        }
    }

    /** Addresses per {@code IN} list of the batch lookups: well under every database's parameter limit. */
    private static final int FOLDS_PER_QUERY = 500;

    /** @return {fold, contact id, display} of the addresses of the property among the folds */
    private static List<Object[]> owners(Db db, String property, Collection<String> folds) throws SQLException {
        List<Object[]> found = new ArrayList<>();
        List<String> all = new ArrayList<>(folds);
        for (int from = 0; from < all.size(); from += FOLDS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + FOLDS_PER_QUERY));
            Sql sql = db.sql("SELECT e.fold, e.contact_id, e.display").fromTextSet("contact_email", "e", property, "fold", chunk);
            found.addAll(db.list(sql, rs -> new Object[] {rs.getString("fold"), db.id(rs, "contact_id"), rs.getString("display")}));
        }
        return found;
    }

    /** Brings the contact's organization links (and the organizations' counts) in line with its state. */
    private static void relink(Db db, String property, Contact contact) throws SQLException {
        changeLinks(db, property, contact.id(), links(db, property, contact.id()), contact.organizations());
    }

    /** Email addresses are unique per property by fold: a readable error before the unique key would refuse it. */
    private static void checkEmails(Db db, String property, Contact contact) throws SQLException {
        if (contact.emails().isEmpty()) {
            return;
        }
        Sql sql = db.sql("SELECT contact_id, display FROM contact_email WHERE property_id = ").value(property).append(" AND fold IN (");
        for (int i = 0; i < contact.emails().size(); i++) {
            sql.append(i == 0 ? "" : ", ").value(Values.fold(contact.emails().get(i)));
        }
        sql.append(") AND contact_id <> ").value(contact.id().value());
        Optional<Object[]> taken = db.first(sql, rs -> new Object[] {db.id(rs, "contact_id"), rs.getString("display")});
        if (taken.isPresent()) {
            throw new ConflictException("the email address '" + taken.get()[1] + "' already belongs to contact " + taken.get()[0]
                    + " in property " + property + "; update that contact or merge the two");
        }
    }

    /** @return the organizations a contact is linked to, in link order */
    private static List<OrganizationId> links(Db db, String property, ContactId contact) throws SQLException {
        return db.list(db.sql("SELECT organization_id FROM contact_organization WHERE property_id = ").value(property)
                .append(" AND contact_id = ").value(contact.value()).append(" ORDER BY position"),
                rs -> new OrganizationId(db.id(rs, "organization_id")));
    }

    /**
     * @return the organizations each of several contacts is linked to, in link order (sorted
     *         here: an {@code ORDER BY} would make H2 read the whole property, see {@link Sql#fromIdSet})
     */
    private static Map<UUID, List<OrganizationId>> organizationsOf(Db db, String property, Collection<UUID> contacts) throws SQLException {
        record Link(UUID contact, int position, OrganizationId organization) {
        }
        List<Link> links = db.list(db.sql("SELECT x.contact_id, x.position, x.organization_id")
                .fromIdSet("contact_organization", "x", property, "contact_id", contacts),
                rs -> new Link(db.id(rs, "contact_id"), rs.getInt("position"), new OrganizationId(db.id(rs, "organization_id"))));
        links.sort(Comparator.comparingInt(Link::position));
        Map<UUID, List<OrganizationId>> byContact = new HashMap<>();
        for (Link l : links) {
            byContact.computeIfAbsent(l.contact(), k -> new ArrayList<>()).add(l.organization());
        }
        return byContact;
    }

    /**
     * Replaces a contact's links and moves the counts of the organizations whose link
     * changed, in id order (so concurrent writers lock organizations in the same order).
     *
     * @throws NotFoundException if a newly linked organization does not exist in the property
     */
    private static void changeLinks(Db db, String property, ContactId contact, List<OrganizationId> before, List<OrganizationId> after)
            throws SQLException {
        Set<OrganizationId> added = new HashSet<>(after);
        before.forEach(added::remove);
        Set<OrganizationId> removed = new HashSet<>(before);
        after.forEach(removed::remove);
        if (added.isEmpty() && removed.isEmpty() && before.equals(after)) {
            return;
        }
        Set<OrganizationId> touched = new java.util.TreeSet<>(added);
        touched.addAll(removed);
        for (OrganizationId o : touched) {
            int delta = added.contains(o) ? 1 : -1;
            int n = db.update(db.sql("UPDATE organization SET contact_count = contact_count " + (delta > 0 ? "+" : "-") + " 1 WHERE property_id = ")
                    .value(property).append(" AND id = ").value(o.value()));
            if (n == 0 && delta > 0) {
                throw new NotFoundException("organization " + o + " does not exist in property " + property);
            }
        }
        if (!before.isEmpty()) {
            db.update(db.sql("DELETE FROM contact_organization WHERE property_id = ").value(property).append(" AND contact_id = ")
                    .value(contact.value()));
        }
        List<List<Sql.Binder>> links = new ArrayList<>();
        addLinkRows(db.dialect(), property, contact, after, links);
        db.batch(INSERT_LINK, links);
    }

    /** Inserts one organization link: the rows of {@link #addLinkRows}. */
    static final String INSERT_LINK = "INSERT INTO contact_organization (property_id, contact_id, organization_id, position) VALUES (?, ?, ?, ?)";

    /** Adds the rows of {@link #INSERT_LINK} that link a contact to organizations, in link order. */
    static void addLinkRows(Dialect d, String property, ContactId contact, List<OrganizationId> organizations, List<List<Sql.Binder>> rows) {
        for (int i = 0; i < organizations.size(); i++) {
            rows.add(List.of(Sql.binder(d, property), Sql.binder(d, contact.value()), Sql.binder(d, organizations.get(i).value()),
                    Sql.binder(d, i)));
        }
    }

    /**
     * Locks a contact's row until the end of the transaction, so history written for it
     * cannot race its deletion.
     *
     * @return whether the contact exists
     */
    static boolean lock(Db db, String property, UUID id) throws SQLException {
        return lock(db, EntityTable.CONTACTS, property, id);
    }

    @Override
    public boolean delete(PropertyId property, ContactId id) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(id, "id");
        String p = property.value();
        return tx.run("delete contact", db -> {
            if (!lock(db, p, id.value())) {
                return false;
            }
            List<OrganizationId> linked = links(db, p, id);
            changeLinks(db, p, id, linked, List.of());
            // the set tables and custom values go with it (ON DELETE CASCADE); its history is the core's (ContactHistory)
            return db.update(db.sql("DELETE FROM contact WHERE property_id = ").value(p).append(" AND id = ").value(id.value())) > 0;
        });
    }

    /**
     * {@inheritDoc} One transaction: both contacts checked on their versions, the removed
     * one deleted (its tickets, notes and activity stay, pointing at it, until the core
     * re-points them: history has no foreign key to its contact),
     * the kept one replaced, the organization counts moved, the merge recorded as pending.
     */
    @Override
    public void merge(PropertyId property, Contact merged, long keptVersion, ContactId removed, long removedVersion) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(removed, "removed");
        checkNextVersion(merged, keptVersion);
        String p = property.value();
        tx.run("merge contacts", db -> {
            requireProperty(db, p, "merge contacts");
            Optional<Long> gone = db.first(db.sql("SELECT version FROM contact WHERE property_id = ").value(p).append(" AND id = ")
                    .value(removed.value()).append(" FOR UPDATE"), rs -> rs.getLong(1));
            if (gone.isEmpty()) {
                throw new NotFoundException("contact " + removed + " does not exist in property " + p);
            }
            if (gone.get() != removedVersion) {
                throw new ConflictException("contact " + removed + " is at version " + gone.get() + ", not " + removedVersion + "; merge again");
            }
            if (!rows.updateMain(db, p, merged, keptVersion)) {
                throw updateRefused(db, p, merged, keptVersion);
            }
            List<OrganizationId> removedLinks = links(db, p, removed);
            changeLinks(db, p, removed, removedLinks, List.of());
            db.update(db.sql("DELETE FROM contact WHERE property_id = ").value(p).append(" AND id = ").value(removed.value()));
            rows.deleteValues(db, p, merged.id().value());
            checkEmails(db, p, merged);
            rows.insertValues(db, p, List.of(merged));
            changeLinks(db, p, merged.id(), links(db, p, merged.id()), merged.organizations());
            long seq = db.count(db.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM contact_merge WHERE property_id = ").value(p));
            db.update(db.sql("INSERT INTO contact_merge (property_id, removed_id, kept_id, seq) VALUES (").value(p).append(", ")
                    .value(removed.value()).append(", ").value(merged.id().value()).append(", ").value(seq).append(")"));
            return null;
        });
    }

    @Override
    public List<ContactMerge> listPendingMerges(PropertyId property) {
        Objects.requireNonNull(property, "property");
        return tx.run("list pending merges", db -> db.list(db.sql("SELECT removed_id, kept_id FROM contact_merge WHERE property_id = ")
                .value(property.value()).append(" ORDER BY seq"),
                rs -> new ContactMerge(new ContactId(db.id(rs, "removed_id")), new ContactId(db.id(rs, "kept_id")))));
    }

    @Override
    public void completeMerge(PropertyId property, ContactId removed) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(removed, "removed");
        tx.run("complete merge", db -> db.update(db.sql("DELETE FROM contact_merge WHERE property_id = ").value(property.value())
                .append(" AND removed_id = ").value(removed.value())));
    }

    @Override
    public Optional<Contact> findByEmail(PropertyId property, String email) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(email, "email");
        String p = property.value();
        String fold = Values.fold(email.strip());
        return tx.run("find contact by email", db -> {
            Optional<UUID> id = db.first(db.sql("SELECT contact_id FROM contact_email WHERE property_id = ").value(p)
                    .append(" AND fold = ").value(fold), rs -> db.id(rs, "contact_id"));
            return id.isEmpty() ? Optional.<Contact>empty() : load(db, p, id.get());
        });
    }

    /** {@inheritDoc} One transaction: one query for the owners of the addresses, then their contacts with a fixed number of queries. */
    @Override
    public Map<String, Contact> findByEmails(PropertyId property, Collection<String> folds) {
        Objects.requireNonNull(property, "property");
        Map<String, String> normal = new HashMap<>(); // the column's fold -> the caller's key
        for (String f : folds) {
            normal.put(Values.fold(f.strip()), f);
        }
        if (normal.isEmpty()) {
            return Map.of();
        }
        String p = property.value();
        return tx.run("find contacts by email", db -> {
            Map<String, UUID> owners = new HashMap<>();
            for (Object[] owner : owners(db, p, normal.keySet())) {
                owners.put(normal.get((String) owner[0]), (UUID) owner[1]);
            }
            if (owners.isEmpty()) {
                return Map.<String, Contact>of();
            }
            Map<UUID, Contact> contacts = new HashMap<>();
            List<Contact> loaded = rows.load(db, p, db.sql("SELECT " + rows.mainColumns("t")).fromIdSet("contact", "t", p, "id", new HashSet<>(owners.values())));
            for (Contact c : loaded) {
                contacts.put(c.id().value(), c);
            }
            Map<String, Contact> found = new HashMap<>();
            owners.forEach((fold, id) -> {
                if (contacts.containsKey(id)) {
                    found.put(fold, contacts.get(id));
                }
            });
            return found;
        });
    }

    /**
     * {@inheritDoc} Runs in transactions of a few hundred contacts, each locked in id order
     * ({@code FOR UPDATE}) before its tags are read, so concurrent bulk operations on the
     * same contacts never lose a tag; the version goes up in the statement that changes it.
     */
    @Override
    public BulkResult addTags(PropertyId property, Filter filter, List<String> tags, Instant updated) {
        return bulkTags(property, filter, tags, updated, true);
    }

    /** {@inheritDoc} Contacts having none of the tags are unchanged and not counted. */
    @Override
    public BulkResult removeTags(PropertyId property, Filter filter, List<String> tags, Instant updated) {
        return bulkTags(property, filter, tags, updated, false);
    }

    private BulkResult bulkTags(PropertyId property, Filter filter, List<String> tags, Instant updated, boolean add) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(updated, "updated");
        List<String> normal = Values.textSet("tags", tags);
        if (normal.isEmpty()) {
            return new BulkResult(0, List.of());
        }
        String p = property.value();
        List<ContactId> ids = new ArrayList<>(findIds(property, filter));
        ids.sort(null);
        long changed = 0;
        List<ContactId> skipped = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BULK_CHUNK) {
            List<ContactId> chunk = ids.subList(from, Math.min(ids.size(), from + BULK_CHUNK));
            ChunkResult outcome = tx.run(add ? "add tags" : "remove tags", db -> tagChunk(db, p, chunk, normal, updated, add));
            changed += outcome.changed();
            skipped.addAll(outcome.skipped());
        }
        return new BulkResult(changed, skipped);
    }

    /** What one transaction of a bulk operation did (returned, not accumulated, so that a retried transaction counts once). */
    private record ChunkResult(long changed, List<ContactId> skipped) {
    }

    private static ChunkResult tagChunk(Db db, String property, List<ContactId> chunk, List<String> tags, Instant updated, boolean add)
            throws SQLException {
        List<ContactId> skipped = new ArrayList<>();
        Set<UUID> ids = new LinkedHashSet<>();
        chunk.forEach(c -> ids.add(c.value()));
        List<UUID> locked = db.list(db.sql("SELECT c.id").fromIdSetForUpdate("contact", "c", property, ids), rs -> db.id(rs, "id"));
        if (locked.isEmpty()) {
            return new ChunkResult(0, skipped);
        }
        Map<UUID, List<String[]>> present = new HashMap<>(); // id -> [position, fold]
        db.list(db.sql("SELECT x.contact_id, x.position, x.fold").fromIdSet("contact_tag", "x", property, "contact_id", locked), rs -> present.computeIfAbsent(db.id(rs, "contact_id"), k -> new ArrayList<>())
                .add(new String[] {Integer.toString(rs.getInt("position")), rs.getString("fold")}));
        Dialect d = db.dialect();
        List<List<Sql.Binder>> inserts = new ArrayList<>();
        List<UUID> changedIds = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>();
        tags.forEach(t -> wanted.add(Values.fold(t)));
        for (UUID id : locked) {
            List<String[]> have = present.getOrDefault(id, List.of());
            Set<String> folds = new HashSet<>();
            int next = 0;
            for (String[] h : have) {
                folds.add(h[1]);
                next = Math.max(next, Integer.parseInt(h[0]) + 1);
            }
            if (add) {
                List<String> adding = new ArrayList<>();
                for (String t : tags) {
                    if (!folds.contains(Values.fold(t))) {
                        adding.add(t);
                    }
                }
                if (adding.isEmpty()) {
                    continue;
                }
                if (have.size() + adding.size() > Values.MAX_SET_ELEMENTS) {
                    skipped.add(new ContactId(id));
                    continue;
                }
                for (String t : adding) {
                    inserts.add(List.of(Sql.binder(d, property), Sql.binder(d, id), Sql.binder(d, next++), Sql.binder(d, t),
                            Sql.binder(d, Values.fold(t))));
                }
                changedIds.add(id);
            } else if (folds.stream().anyMatch(wanted::contains)) {
                changedIds.add(id);
            }
        }
        if (changedIds.isEmpty()) {
            return new ChunkResult(0, skipped);
        }
        if (add) {
            db.batch("INSERT INTO contact_tag (property_id, contact_id, position, display, fold) VALUES (?, ?, ?, ?, ?)", inserts);
        } else {
            Sql folds = db.sql(" AND fold IN (");
            int i = 0;
            for (String f : wanted) {
                folds.append(i++ == 0 ? "" : ", ").value(f);
            }
            db.update(db.sql().deleteIdSet("contact_tag", property, "contact_id", changedIds, folds.append(")")));
        }
        db.update(db.sql().updateIdSet("contact", property, "id", changedIds, db.sql("version = version + 1, updated = ").value(updated)));
        return new ChunkResult(changedIds.size(), skipped);
    }
}

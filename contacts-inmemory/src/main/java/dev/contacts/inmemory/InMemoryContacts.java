package dev.contacts.inmemory;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.filter.Filter;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Values;
import dev.contacts.spi.BulkResult;
import dev.contacts.spi.ContactMerge;
import dev.contacts.spi.ContactRepository;
import dev.contacts.spi.ContactUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Contacts: every write under the property's write lock, with the email uniqueness
 * check, the indexes and the linked organizations' counts updated in the same critical
 * section. Writes to a property that does not exist throw {@link NotFoundException}.
 */
final class InMemoryContacts extends EntityRepositoryBase<ContactId, Contact> implements ContactRepository {

    InMemoryContacts(InMemoryStore store) {
        super(store);
    }

    @Override
    Table<Contact> table(PropertyData data) {
        return data.contacts;
    }

    @Override
    String noun() {
        return "contact";
    }

    @Override
    public void insert(PropertyId property, Contact contact) {
        Objects.requireNonNull(contact, "contact");
        PropertyData data = require(property, "insert a contact");
        data.write(() -> {
            insertLocked(data, contact);
            return null;
        });
    }

    /**
     * {@inheritDoc} One critical section: the contacts are inserted one by one and, if one
     * is refused, those inserted before it are removed again before the lock is released.
     */
    @Override
    public void insertAll(PropertyId property, List<Contact> contacts) {
        List<Contact> all = List.copyOf(contacts);
        if (all.isEmpty()) {
            return;
        }
        PropertyData data = require(property, "insert contacts");
        data.write(() -> {
            List<Row<Contact>> done = new ArrayList<>();
            try {
                for (Contact c : all) {
                    done.add(insertLocked(data, c));
                }
            } catch (RuntimeException e) {
                for (int i = done.size() - 1; i >= 0; i--) {
                    Row<Contact> row = done.get(i);
                    data.contacts.remove(row);
                    row.entity.organizations().forEach(data::refreshCount);
                }
                throw e;
            }
            return null;
        });
    }

    private static Row<Contact> insertLocked(PropertyData data, Contact contact) {
        if (data.contacts.get(contact.id()) != null) {
            throw new ConflictException("contact " + contact.id() + " already exists in property " + data.property.id());
        }
        Row<Contact> row = Schema.CONTACTS.row(contact);
        checkEmails(data, row);
        checkOrganizations(data, contact);
        data.contacts.insert(row);
        contact.organizations().forEach(data::refreshCount);
        return row;
    }

    @Override
    public void update(PropertyId property, Contact contact, long expectedVersion) {
        Objects.requireNonNull(contact, "contact");
        PropertyData data = require(property, "update a contact");
        data.write(() -> {
            updateLocked(data, contact, expectedVersion);
            return null;
        });
    }

    /**
     * {@inheritDoc} One critical section: the contacts are replaced one by one and, if one
     * is refused, those replaced before it get their old state back before the lock is
     * released.
     */
    @Override
    public void updateAll(PropertyId property, List<ContactUpdate> updates) {
        List<ContactUpdate> all = List.copyOf(updates);
        if (all.isEmpty()) {
            return;
        }
        PropertyData data = require(property, "update contacts");
        data.write(() -> {
            List<Replaced> done = new ArrayList<>();
            try {
                for (ContactUpdate u : all) {
                    done.add(updateLocked(data, u.contact(), u.expectedVersion()));
                }
            } catch (RuntimeException e) {
                for (int i = done.size() - 1; i >= 0; i--) {
                    Row<Contact> old = done.get(i).old();
                    Row<Contact> next = done.get(i).next();
                    data.contacts.replace(next, old);
                    refreshChangedCounts(data, next.entity, old.entity);
                }
                throw e;
            }
            return null;
        });
    }

    /** A row replaced by an update, kept to undo it. */
    private record Replaced(Row<Contact> old, Row<Contact> next) {
    }

    /** @return the replaced row and its replacement */
    private Replaced updateLocked(PropertyData data, Contact contact, long expectedVersion) {
        Row<Contact> old = data.contacts.get(contact.id());
        if (old == null) {
            throw new NotFoundException("contact " + contact.id() + " does not exist in property " + data.property.id());
        }
        checkVersions(old.entity.version(), expectedVersion, contact.version(), contact.id());
        Row<Contact> next = Schema.CONTACTS.row(contact);
        checkEmails(data, next);
        checkOrganizations(data, contact);
        data.contacts.replace(old, next);
        refreshChangedCounts(data, old.entity, contact);
        return new Replaced(old, next);
    }

    /** Recounts the organizations linked before or after but not both. */
    private static void refreshChangedCounts(PropertyData data, Contact before, Contact after) {
        Set<OrganizationId> touched = new HashSet<>(before.organizations());
        touched.addAll(after.organizations());
        for (OrganizationId o : touched) {
            if (before.organizations().contains(o) != after.organizations().contains(o)) {
                data.refreshCount(o);
            }
        }
    }

    /** Checked under the lock: an organization deleted after the core's check must not stay linked. */
    private static void checkOrganizations(PropertyData data, Contact contact) {
        for (OrganizationId o : contact.organizations()) {
            if (data.organizations.get(o) == null) {
                throw new NotFoundException("organization " + o + " does not exist in property " + data.property.id());
            }
        }
    }

    private static void checkEmails(PropertyData data, Row<Contact> row) {
        checkEmails(data, row, row.id);
    }

    /** Email addresses are unique per property by fold; {@code alsoAllowed} may hold them too (the other side of a merge). */
    private static void checkEmails(PropertyData data, Row<Contact> row, EntityId alsoAllowed) {
        HashIndex emails = data.contacts.hashIndex("emails");
        for (Object fold : Schema.CONTACTS.indexKeys("emails", row)) {
            for (EntityId owner : emails.get(fold)) {
                if (!owner.equals(row.id) && !owner.equals(alsoAllowed)) {
                    throw new ConflictException("the email address '" + fold + "' already belongs to contact " + owner
                            + " in property " + data.property.id() + "; update that contact or merge the two");
                }
            }
        }
    }

    @Override
    public boolean delete(PropertyId property, ContactId id) {
        Objects.requireNonNull(id, "id");
        PropertyData data = store.data(property);
        if (data == null) {
            return false;
        }
        return data.write(() -> {
            Row<Contact> row = data.contacts.get(id);
            if (row == null) {
                return false;
            }
            data.contacts.remove(row);
            row.entity.organizations().forEach(data::refreshCount);
            return true;
        });
    }

    @Override
    public void merge(PropertyId property, Contact merged, long keptVersion, ContactId removed, long removedVersion) {
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(removed, "removed");
        PropertyData data = require(property, "merge contacts");
        data.write(() -> {
            Row<Contact> kept = data.contacts.get(merged.id());
            Row<Contact> gone = data.contacts.get(removed);
            if (kept == null || gone == null) {
                throw new NotFoundException("contact " + (kept == null ? merged.id() : removed) + " does not exist in property "
                        + property);
            }
            checkVersions(kept.entity.version(), keptVersion, merged.version(), merged.id());
            if (gone.entity.version() != removedVersion) {
                throw new ConflictException("contact " + removed + " is at version " + gone.entity.version() + ", not "
                        + removedVersion + "; merge again");
            }
            Row<Contact> next = Schema.CONTACTS.row(merged);
            checkEmails(data, next, removed);
            checkOrganizations(data, merged);
            data.contacts.remove(gone);
            data.contacts.replace(kept, next);
            Set<OrganizationId> touched = new HashSet<>(kept.entity.organizations());
            touched.addAll(gone.entity.organizations());
            touched.addAll(merged.organizations());
            touched.forEach(data::refreshCount);
            data.pendingMerges.put(removed, merged.id());
            return null;
        });
    }

    @Override
    public List<ContactMerge> listPendingMerges(PropertyId property) {
        PropertyData data = store.data(Objects.requireNonNull(property, "property"));
        if (data == null) {
            return List.of();
        }
        return data.read(() -> {
            List<ContactMerge> merges = new ArrayList<>();
            data.pendingMerges.forEach((removed, kept) -> merges.add(new ContactMerge(removed, kept)));
            return merges;
        });
    }

    @Override
    public void completeMerge(PropertyId property, ContactId removed) {
        Objects.requireNonNull(removed, "removed");
        PropertyData data = store.data(Objects.requireNonNull(property, "property"));
        if (data != null) {
            data.write(() -> data.pendingMerges.remove(removed));
        }
    }

    @Override
    public Optional<Contact> findByEmail(PropertyId property, String email) {
        Objects.requireNonNull(email, "email");
        PropertyData data = store.data(property);
        if (data == null) {
            return Optional.empty();
        }
        String fold = Schema.fold(email.strip());
        return data.read(() -> {
            for (EntityId id : data.contacts.hashIndex("emails").get(fold)) {
                return Optional.of(data.contacts.get(id).entity);
            }
            return Optional.<Contact>empty();
        });
    }

    /** {@inheritDoc} One read under the property's read lock. */
    @Override
    public Map<String, Contact> findByEmails(PropertyId property, Collection<String> folds) {
        Objects.requireNonNull(folds, "folds");
        PropertyData data = store.data(property);
        if (data == null || folds.isEmpty()) {
            return Map.of();
        }
        return data.read(() -> {
            Map<String, Contact> found = new HashMap<>();
            HashIndex emails = data.contacts.hashIndex("emails");
            for (String f : folds) {
                String fold = Schema.fold(f.strip());
                for (EntityId id : emails.get(fold)) {
                    found.put(f, data.contacts.get(id).entity);
                    break;
                }
            }
            return found;
        });
    }

    /**
     * {@inheritDoc} Tags already present (by fold) are not added again; a contact that
     * already has every tag is unchanged and not counted.
     */
    @Override
    public BulkResult addTags(PropertyId property, Filter filter, List<String> tags, Instant updated) {
        return bulkTags(property, filter, tags, updated, (data, normal) -> {
            long changed = 0;
            List<ContactId> skipped = new ArrayList<>();
            for (Row<Contact> row : data.contacts.matching(filter)) {
                Contact c = row.entity;
                Set<String> present = folds(row);
                List<String> added = new ArrayList<>();
                for (String tag : normal) {
                    if (present.add(Values.fold(tag))) {
                        added.add(tag);
                    }
                }
                if (added.isEmpty()) {
                    continue;
                }
                if (c.tags().size() + added.size() > Values.MAX_SET_ELEMENTS) {
                    skipped.add(c.id());
                    continue;
                }
                List<String> next = new ArrayList<>(c.tags());
                next.addAll(added);
                write(data, row, c.toBuilder().set("tags", next), updated);
                changed++;
            }
            return new BulkResult(changed, skipped);
        });
    }

    /** {@inheritDoc} Contacts having none of the tags are unchanged and not counted. */
    @Override
    public BulkResult removeTags(PropertyId property, Filter filter, List<String> tags, Instant updated) {
        return bulkTags(property, filter, tags, updated, (data, normal) -> {
            Set<String> removed = new HashSet<>();
            for (String tag : normal) {
                removed.add(Values.fold(tag));
            }
            long changed = 0;
            for (Row<Contact> row : data.contacts.matching(filter)) {
                Contact c = row.entity;
                List<Object> folds = Schema.CONTACTS.indexKeys("tags", row);
                List<String> next = new ArrayList<>();
                for (int i = 0; i < folds.size(); i++) {
                    if (!removed.contains(folds.get(i))) {
                        next.add(c.tags().get(i));
                    }
                }
                if (next.size() != c.tags().size()) {
                    write(data, row, c.toBuilder().set("tags", next), updated);
                    changed++;
                }
            }
            return new BulkResult(changed, List.of());
        });
    }

    /** The common frame of the bulk tag operations: checks, normal tags, the write lock. */
    private BulkResult bulkTags(PropertyId property, Filter filter, List<String> tags, Instant updated,
                                BiFunction<PropertyData, List<String>, BulkResult> change) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(updated, "updated");
        List<String> normal = Values.textSet("tags", tags);
        PropertyData data = store.data(property);
        if (data == null || normal.isEmpty()) {
            return new BulkResult(0, List.of());
        }
        return data.write(() -> change.apply(data, normal));
    }

    private static Set<String> folds(Row<Contact> row) {
        Set<String> present = new HashSet<>();
        for (Object fold : Schema.CONTACTS.indexKeys("tags", row)) {
            present.add((String) fold);
        }
        return present;
    }

    /** One contact of a bulk operation: the next version, with the given {@code updated}. */
    private static void write(PropertyData data, Row<Contact> row, Contact.Builder next, Instant updated) {
        Contact contact = next.set("updated", updated).version(row.entity.version() + 1).build();
        data.contacts.replace(row, Schema.CONTACTS.row(contact));
    }

    /**
     * Drops an organization from every contact linked to it (write lock held). Those
     * contacts keep their version and {@code updated}: the unlink is a consequence of
     * deleting the organization, not a write to the contact.
     *
     * @param data         the property
     * @param organization the deleted organization
     */
    static void unlink(PropertyData data, OrganizationId organization) {
        Collection<EntityId> linked = data.contacts.hashIndex(BuiltInAttributes.ORGANIZATION).get(organization);
        for (EntityId id : new ArrayList<>(linked)) {
            Row<Contact> row = data.contacts.get(id);
            List<OrganizationId> remaining = new ArrayList<>(row.entity.organizations());
            remaining.remove(organization);
            Contact next = row.entity.toBuilder().set(BuiltInAttributes.ORGANIZATION, remaining).build();
            data.contacts.replace(row, Schema.CONTACTS.row(next));
        }
    }
}

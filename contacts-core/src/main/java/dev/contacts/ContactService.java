package dev.contacts;

import dev.contacts.filter.Filter;
import dev.contacts.host.OperationListener;
import dev.contacts.internal.BatchUpsert;
import dev.contacts.internal.ContactHistory;
import dev.contacts.internal.ContactMerger;
import dev.contacts.internal.ConflictRetry;
import dev.contacts.internal.ContactStates;
import dev.contacts.internal.OrganizationLookup;
import dev.contacts.internal.PropertyContext;
import dev.contacts.internal.QueryRunner;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.spi.BulkResult;
import dev.contacts.spi.ContactRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contacts of one property: create, read, update (partial, optimistic), delete,
 * find and count by filter with keyset paging, bulk tagging and deletion over a whole
 * filter result, upsert by email (one row, or batches of up to {@value #MAX_UPSERT_ROWS}
 * rows with {@link #upsertAll}), organization links. Obtain it from
 * {@code contacts.property(id).contacts()}.
 *
 * <p>Thread-safe: one instance serves every thread; each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}).
 */
public final class ContactService {
    /** Most rows of one {@link #upsertAll} call. */
    public static final int MAX_UPSERT_ROWS = BatchUpsert.MAX_ROWS;

    private static final int UPDATE_ATTEMPTS = ConflictRetry.ATTEMPTS;

    private final PropertyContext context;
    private final ContactRepository repository;
    private final QueryRunner<ContactId, Contact> queries;

    ContactService(PropertyContext context) {
        this.context = context;
        this.repository = context.store().contacts();
        this.queries = new QueryRunner<>(Target.CONTACT, context, repository);
    }

    private PropertyId pid() {
        return context.property().id();
    }

    /**
     * Creates a contact; {@code created} defaults to now, {@code updated} is now.
     *
     * @param changes its attributes
     * @return the stored contact, version 1
     * @throws UnknownAttributeException if an attribute is not defined
     * @throws InvalidValueException     if a value does not fit
     * @throws ConflictException         if one of its emails belongs to another contact
     */
    public Contact create(AttributeChanges changes) {
        return context.write(() -> {
            Contact contact = states().created(changes);
            repository.insert(pid(), contact);
            return contact;
        });
    }

    /** @return the rules of one write, with the property's catalog read now */
    private ContactStates states() {
        return new ContactStates(context.catalog(Target.CONTACT), pid(), OrganizationLookup.of(context.store().organizations()),
                context.now());
    }

    /**
     * @param id the id
     * @return the contact
     * @throws NotFoundException if it is not in this property
     */
    public Contact get(ContactId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * @param id the id
     * @return the contact, or empty when it is not in this property
     */
    public Optional<Contact> find(ContactId id) {
        return repository.get(pid(), Objects.requireNonNull(id, "id"));
    }

    /**
     * Applies a partial change if the contact is still at {@code expectedVersion}.
     *
     * @param id              the id
     * @param expectedVersion the version the change is based on
     * @param changes         the change
     * @return the new state
     * @throws ConflictException if the contact changed since that version (reload and retry)
     * @throws NotFoundException if it is not in this property
     */
    public Contact update(ContactId id, long expectedVersion, AttributeChanges changes) {
        Objects.requireNonNull(id, "id");
        return context.write(() -> {
            Contact current = repository.getForUpdate(pid(), id).orElseThrow(() -> notFound(id));
            if (current.version() != expectedVersion) {
                throw new ConflictException("contact " + id + " is at version " + current.version() + ", not " + expectedVersion
                        + "; reload it and apply the change again");
            }
            return write(current, changes);
        });
    }

    /**
     * Applies a partial change to the latest version. The contact is read and written in one
     * unit of work: stores that lock rows (the SQL stores) lock it while the change is
     * applied, so concurrent calls queue instead of conflicting; on other stores a lost race
     * is re-read and re-applied with jittered exponential backoff. Attributes not named in
     * the change are never overwritten with stale values.
     *
     * @param id      the id
     * @param changes the change
     * @return the new state
     * @throws NotFoundException if it is not in this property
     * @throws ConflictException if an address the change sets belongs to another contact
     */
    public Contact update(ContactId id, AttributeChanges changes) {
        Objects.requireNonNull(id, "id");
        return change(id, current -> write(current, changes));
    }

    /**
     * Runs a read-modify-write of one contact in a unit of work, retrying lost races.
     *
     * @param id     the contact
     * @param change the write, given the current state (read under the unit's lock)
     * @return the new state
     */
    private Contact change(ContactId id, java.util.function.UnaryOperator<Contact> change) {
        java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong(-1);
        return ConflictRetry.run("update contact " + id, () -> {
            read.set(-1);
            return context.write(() -> {
                Contact current = repository.getForUpdate(pid(), id).orElseThrow(() -> notFound(id));
                read.set(current.version());
                return change.apply(current);
            });
        }, e -> read.get() >= 0 && !stillAt(id, read.get()));
    }

    /** @return whether the contact is still at that version (a conflict was then not a lost race) */
    private boolean stillAt(ContactId id, long version) {
        return repository.get(pid(), id).map(c -> c.version() == version).orElse(false);
    }

    private Contact write(Contact current, AttributeChanges changes) {
        ContactStates states = states();
        Contact next = states.next(current, states.applied(current, changes));
        repository.update(pid(), current, next);
        return next;
    }

    /**
     * Deletes a contact with its history: its tickets (messages, pending emails,
     * attachment bytes), notes and activity go first, then the contact; afterwards its id
     * is not found. Under {@link DeletionPolicy#REFUSE_WHEN_HISTORY} a contact with history
     * is refused.
     *
     * @param id the id
     * @throws NotFoundException       if it is not in this property
     * @throws HistoryExistsException  if it has history and the policy refuses to delete it (nothing changed)
     */
    public void delete(ContactId id) {
        Objects.requireNonNull(id, "id");
        if (find(id).isEmpty()) {
            throw notFound(id);
        }
        Optional<HistoryExistsException> refused = ContactHistory.refusal(context, id);
        if (refused.isPresent()) {
            throw refused.get();
        }
        if (!ContactHistory.deleteWith(context, id, () -> repository.delete(pid(), id))) {
            throw notFound(id);
        }
    }

    /**
     * Merges one contact into another of this property. The kept contact gets the union of
     * both contacts' emails, phones, tags, organizations and custom sets; its own values win
     * where both have a different one (each such case is in
     * {@link MergeResult#conflicts()}); activity statistics are recombined as if every event
     * had happened to it. The removed contact's tickets, notes, chats and web sessions then
     * point at the kept contact, and the removed id is not found any more. If a crash
     * interrupts the merge after the contacts were written, {@link Contacts#recover()}
     * finishes re-pointing the history.
     *
     * @param kept    the contact that stays
     * @param removed the contact merged into it
     * @return the merged contact and the conflicts
     * @throws NotFoundException       if either is not in this property
     * @throws InvalidValueException   if both ids are the same
     * @throws MergeRefusedException   if the merged contact would break a limit (nothing changed)
     * @throws ConflictException       if the contacts kept changing concurrently (nothing changed; try again)
     */
    public MergeResult merge(ContactId kept, ContactId removed) {
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(removed, "removed");
        if (kept.equals(removed)) {
            throw new InvalidValueException("removed", "a contact cannot be merged into itself; give two different contacts");
        }
        ConflictException last = null;
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            Contact k = get(kept);
            Contact r = get(removed);
            ContactMerger.Outcome outcome = ContactMerger.merge(k, r, context.catalog(Target.CONTACT), context.now());
            try {
                repository.merge(pid(), outcome.contact(), k.version(), removed, r.version());
            } catch (ConflictException e) {
                if (unchanged(k) && unchanged(r)) {
                    throw e; // not a lost race: an email of the removed contact belongs to a third one
                }
                last = e;
                continue;
            }
            ContactHistory.reassign(context.store(), pid(), removed, kept);
            repository.completeMerge(pid(), removed);
            return new MergeResult(outcome.contact(), removed, outcome.conflicts());
        }
        throw last;
    }

    private boolean unchanged(Contact c) {
        return repository.get(pid(), c.id()).map(now -> now.version() == c.version()).orElse(false);
    }

    /**
     * @param query filter, sort, page size, cursor
     * @return one page and the cursor of the next
     */
    public Page<Contact> find(Query query) {
        return context.timed(OperationListener.Operation.FIND, () -> context.read(() -> queries.find(query)));
    }

    /**
     * @param filter a filter
     * @return the exact number of matching contacts (zone and now: the property's and the clock's)
     */
    public long count(Filter filter) {
        return context.timed(OperationListener.Operation.COUNT, () -> context.read(() -> queries.count(filter, null, null)));
    }

    /**
     * @param query a query; its filter, zone and now are used
     * @return the exact number of matching contacts
     */
    public long count(Query query) {
        return context.timed(OperationListener.Operation.COUNT,
                () -> context.read(() -> queries.count(query.filter(), query.zone(), query.now())));
    }

    /**
     * Adds tags to every contact matching the filter (the whole result, not a page).
     * Contacts that would get more than 100 tags are skipped and reported.
     *
     * @param filter the contacts
     * @param tags   tags to add
     * @return how many changed and which were skipped
     */
    public BulkResult addTags(Filter filter, Collection<String> tags) {
        return repository.addTags(pid(), queries.prepare(filter, null, null), tagList(tags), context.now());
    }

    /**
     * Removes tags (compared by fold) from every contact matching the filter.
     *
     * @param filter the contacts
     * @param tags   tags to remove
     * @return how many changed
     */
    public BulkResult removeTags(Filter filter, Collection<String> tags) {
        return repository.removeTags(pid(), queries.prepare(filter, null, null), tagList(tags), context.now());
    }

    private static List<String> tagList(Collection<String> tags) {
        List<String> normal = Values.textSet("tags", tags);
        if (normal.isEmpty()) {
            throw new InvalidValueException("tags", "give at least one non-blank tag");
        }
        return normal;
    }

    /**
     * Deletes every contact matching the filter, each with its history (see
     * {@link #delete(ContactId)}). Under {@link DeletionPolicy#REFUSE_WHEN_HISTORY},
     * contacts that have history are left in place and reported.
     *
     * @param filter the contacts; {@code Filter.all()} empties the property
     * @return how many were deleted, and the contacts kept because of their history
     */
    public BulkResult deleteAll(Filter filter) {
        // per contact, history first: a contact is never deleted with its history left behind
        long deleted = 0;
        List<ContactId> kept = new ArrayList<>();
        for (ContactId id : repository.findIds(pid(), queries.prepare(filter, null, null))) {
            if (ContactHistory.refusal(context, id).isPresent()) {
                kept.add(id);
                continue;
            }
            if (ContactHistory.deleteWith(context, id, () -> repository.delete(pid(), id))) {
                deleted++;
            }
        }
        return new BulkResult(deleted, kept);
    }

    /**
     * The import and identify path: updates the contact having this email (compared by
     * fold), or creates one with it as primary email.
     *
     * @param email   the address
     * @param changes attributes to set
     * @return the contact and what happened
     * @throws InvalidValueException     if the email is blank or a value does not fit
     * @throws UnknownAttributeException if an attribute is not defined
     * @throws ConflictException         if an address the change sets belongs to another contact
     */
    public Upsert upsertByEmail(String email, AttributeChanges changes) {
        if (Values.text("email", email) == null) {
            throw new InvalidValueException("email", "an upsert needs an email address");
        }
        return upsert(ContactUpsert.byEmail(email, changes));
    }

    /**
     * Upserts one row: updates the contact the row's id names in this property; or else the
     * contact having the row's email (compared by fold); or else creates a contact with that
     * email as primary address (unless the change sets {@code emails} or
     * {@code primaryEmail}). A change that changes nothing writes nothing
     * ({@link Upsert.Outcome#UNCHANGED}). Lost races with concurrent writers are retried.
     *
     * @param row the row
     * @return the contact and what happened
     * @throws NotFoundException         if the id names no contact and the row has no email, or a linked organization does not exist
     * @throws InvalidValueException     if a value does not fit
     * @throws UnknownAttributeException if an attribute is not defined
     * @throws ConflictException         if an address the change sets belongs to another contact
     */
    public Upsert upsert(ContactUpsert row) {
        Objects.requireNonNull(row, "row");
        java.util.concurrent.atomic.AtomicReference<Contact> read = new java.util.concurrent.atomic.AtomicReference<>();
        return context.timed(OperationListener.Operation.UPSERT, () -> ConflictRetry.run("upsert contact", () -> {
            read.set(null);
            return context.write(() -> upsertOnce(row, read));
        }, e -> lostUpsertRace(row, read.get())));
    }

    /** One attempt of {@link #upsert(ContactUpsert)}, inside a unit of work; {@code read} gets the contact it changes. */
    private Upsert upsertOnce(ContactUpsert row, java.util.concurrent.atomic.AtomicReference<Contact> read) {
        ContactStates states = states();
        Optional<Contact> existing = row.id() == null ? Optional.empty() : repository.getForUpdate(pid(), row.id());
        if (existing.isEmpty() && row.email() != null) {
            Optional<Contact> owner = repository.findByEmail(pid(), row.email());
            if (owner.isPresent()) {
                // read again under the lock: what counts is the state the write is based on
                existing = repository.getForUpdate(pid(), owner.get().id());
                if (existing.isEmpty() || !hasAddress(existing.get(), row.email())) {
                    read.set(owner.get());
                    throw new ConflictException("contact " + owner.get().id() + " lost the address " + row.email()
                            + " while it was read; trying again");
                }
            }
        }
        if (existing.isEmpty()) {
            if (row.email() == null) {
                throw ContactStates.noContact(row.id(), pid());
            }
            Contact created = states.created(ContactStates.creation(row.email(), row.changes()));
            repository.insert(pid(), created);
            return new Upsert(created, Upsert.Outcome.CREATED);
        }
        Contact current = existing.get();
        read.set(current);
        Contact applied = states.applied(current, row.changes());
        if (applied.equals(current)) {
            return new Upsert(current, Upsert.Outcome.UNCHANGED);
        }
        Contact next = states.next(current, applied);
        repository.update(pid(), current, next);
        return new Upsert(next, Upsert.Outcome.UPDATED);
    }

    private static boolean hasAddress(Contact contact, String email) {
        String fold = Values.fold(email);
        return contact.emails().stream().anyMatch(e -> Values.fold(e).equals(fold));
    }

    /**
     * After a conflict of an upsert: whether it lost a race (the contact it changed moved on,
     * or the address it was to create got an owner meanwhile) rather than broke a rule that
     * would break again (an address of another contact).
     */
    private boolean lostUpsertRace(ContactUpsert row, Contact read) {
        if (read != null) {
            return !stillAt(read.id(), read.version());
        }
        return row.email() != null && repository.findByEmail(pid(), row.email()).isPresent();
    }

    /**
     * The batch import path: upserts up to {@value #MAX_UPSERT_ROWS} rows with the results of
     * {@link #upsert(ContactUpsert) upserting} them one after another, in order — rows naming
     * the same contact or address see each other's writes — but with a few store calls per
     * batch instead of a few per row: the contacts the rows name are read in one call by id
     * and one by address, new contacts written with one batched insert and changed ones with
     * one batched update. A bad row (unknown attribute, invalid value, an address of another
     * contact, a missing organization, an id naming no contact without an email) is rejected
     * with the exception the single-row upsert would throw, writes nothing, and does not
     * affect the other rows. When a concurrent writer makes a batched write fail, the rows of
     * that write are applied one at a time instead, with the same results.
     *
     * @param rows the rows, at most {@value #MAX_UPSERT_ROWS}
     * @return one result per row, in input order: an {@link Upsert} or a {@link RejectedRow}
     * @throws InvalidValueException if there are more than {@value #MAX_UPSERT_ROWS} rows (nothing written)
     * @throws StoreException        if the store fails; rows of earlier writes of the call may be written
     */
    public List<UpsertRowResult> upsertAll(List<ContactUpsert> rows) {
        return new BatchUpsert(context, this::upsert).run(rows);
    }

    /**
     * Links a contact to an organization of the same property (no change if linked).
     *
     * @param contact      the contact
     * @param organization the organization
     * @return the contact
     */
    public Contact linkOrganization(ContactId contact, OrganizationId organization) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(organization, "organization");
        return change(contact, current -> {
            if (current.organizations().contains(organization)) {
                return current;
            }
            List<OrganizationId> ids = new ArrayList<>(current.organizations());
            ids.add(organization);
            return write(current, AttributeChanges.builder().set(BuiltInAttributes.ORGANIZATION, ids).build());
        });
    }

    /**
     * Unlinks a contact from an organization (no change if not linked).
     *
     * @param contact      the contact
     * @param organization the organization
     * @return the contact
     */
    public Contact unlinkOrganization(ContactId contact, OrganizationId organization) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(organization, "organization");
        return change(contact, current -> {
            if (!current.organizations().contains(organization)) {
                return current;
            }
            List<OrganizationId> ids = new ArrayList<>(current.organizations());
            ids.remove(organization);
            return write(current, AttributeChanges.builder().set(BuiltInAttributes.ORGANIZATION, ids).build());
        });
    }

    private NotFoundException notFound(ContactId id) {
        return new NotFoundException("contact " + id + " does not exist in property " + pid());
    }
}

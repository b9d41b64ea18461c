package dev.contacts.spi;

import dev.contacts.filter.Filter;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.PropertyId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of contacts. Email addresses are unique per property by fold: {@code insert}
 * and {@code update} throw {@link dev.contacts.ConflictException} when another contact
 * of the property has a fold-equal address, and {@link dev.contacts.NotFoundException}
 * when a linked organization does not exist in the property (checked atomically with
 * the write, so a concurrent organization delete cannot leave a dangling link). The
 * store maintains each organization's linked-contact count from the contacts'
 * {@code organizations}.
 *
 * <p>Implementations must be thread-safe, each method atomic on its own, and take part in the
 * unit of work open on the calling thread ({@link ContactStore#unitOfWork}).
 */
public interface ContactRepository extends EntityRepository<ContactId, Contact> {

    /**
     * @param property the property
     * @param email    an address, compared by fold
     * @return the contact having it, if any
     */
    Optional<Contact> findByEmail(PropertyId property, String email);

    /**
     * Replaces a contact whose stored state is {@code previous}, if it is still at
     * {@code previous.version()}; a store may write only what differs between the two
     * states (when the version matches, the stored values are those of {@code previous}).
     * The rules are those of {@code update(property, next, previous.version())}, which the default
     * calls.
     *
     * @param property the property
     * @param previous the state the change was computed from, as read from the store
     * @param next     the new state, version {@code previous.version() + 1}
     * @throws dev.contacts.ConflictException if the stored version differs or an address belongs to another contact
     * @throws dev.contacts.NotFoundException if the contact or a linked organization does not exist
     */
    default void update(PropertyId property, Contact previous, Contact next) {
        update(property, next, previous.version());
    }

    /**
     * Reads a contact to change it: inside a {@link WorkMode#WRITE} unit of work
     * ({@link ContactStore#unitOfWork}) a store that locks rows locks the contact until the
     * unit ends, so that an update based on what was read cannot lose a race with a
     * concurrent writer (SQL stores: {@code SELECT … FOR UPDATE}). The default reads it
     * with {@link #get}; the SDK then retries a version conflict with backoff.
     *
     * @param property the property
     * @param id       the contact
     * @return the contact, if it is in the property
     */
    default Optional<Contact> getForUpdate(PropertyId property, ContactId id) {
        return get(property, id);
    }

    /**
     * Looks up the owners of many addresses at once (the batch upsert's lookup). A store
     * should answer in one round trip; the default asks {@link #findByEmail} once per address.
     *
     * @param property the property
     * @param folds    addresses in folded form ({@code Values.fold} of the normal form)
     * @return fold to contact, for the folds some contact of the property has (absent ones are missing)
     */
    default Map<String, Contact> findByEmails(PropertyId property, Collection<String> folds) {
        Map<String, Contact> found = new HashMap<>();
        for (String fold : new LinkedHashSet<>(folds)) {
            findByEmail(property, fold).ifPresent(c -> found.put(fold, c));
        }
        return found;
    }

    /**
     * Inserts new contacts (version 1), all or nothing: either every contact is stored, or
     * an exception is thrown and none is. The rules are those of {@link #insert} for each
     * contact, and addresses must also be unique among the contacts of the call. A store
     * should write them in one transaction with batched statements.
     *
     * <p>The default inserts them one by one with {@link #insert} and is <em>not</em>
     * atomic across contacts: when it throws, the contacts before the failing one stay
     * inserted. The core copes with that — after a failed batch it re-runs the rows of the
     * batch one at a time, and an upsert of a contact that is already stored finds it — but
     * a store that can should override it.
     *
     * @param property the property
     * @param contacts new contacts with distinct ids
     * @throws dev.contacts.ConflictException if an id exists or an address belongs to another contact
     * @throws dev.contacts.NotFoundException if the property or a linked organization does not exist
     */
    default void insertAll(PropertyId property, List<Contact> contacts) {
        for (Contact contact : contacts) {
            insert(property, contact);
        }
    }

    /**
     * Replaces contacts, each if its stored version is the expected one, all or nothing:
     * either every contact is replaced, or an exception is thrown and none is. The rules are
     * those of {@link #update} for each contact, and addresses must also be unique among the
     * contacts of the call. Each contact appears at most once.
     *
     * <p>The default updates them one by one with {@link #update} and is <em>not</em>
     * atomic across contacts (see {@link #insertAll}); the core's fallback re-reads and
     * re-applies the rows of a failed batch one at a time.
     *
     * @param property the property
     * @param updates  new states with the versions they are based on
     * @throws dev.contacts.ConflictException if a stored version differs or an address belongs to another contact
     * @throws dev.contacts.NotFoundException if a contact, the property or a linked organization does not exist
     */
    default void updateAll(PropertyId property, List<ContactUpdate> updates) {
        for (ContactUpdate u : updates) {
            update(property, u.contact(), u.expectedVersion());
        }
    }

    /**
     * Adds tags to every contact matching the filter, atomically per contact (version and
     * {@code updated} change on the contacts that change; contacts that already have every
     * tag are unchanged and not counted). A contact that would get more than 100 tags is
     * left unchanged and reported.
     *
     * @param property the property
     * @param filter   store-form filter
     * @param tags     normalised tags
     * @param updated  the new {@code updated} instant
     * @return how many changed, which were skipped
     */
    BulkResult addTags(PropertyId property, Filter filter, List<String> tags, Instant updated);

    /**
     * Removes tags (by fold) from every contact matching the filter, atomically per contact.
     *
     * @param property the property
     * @param filter   store-form filter
     * @param tags     normalised tags
     * @param updated  the new {@code updated} instant
     * @return how many changed
     */
    BulkResult removeTags(PropertyId property, Filter filter, List<String> tags, Instant updated);

    /**
     * The one atomic step of merging two contacts of a property: replaces {@code kept}
     * with {@code merged}, deletes {@code removed}, and records the merge as pending (the
     * removed id and the kept id) until {@link #completeMerge} — the core re-points the
     * removed contact's tickets, notes and activity in between, and
     * {@code Contacts.recover()} finishes merges a crash interrupted. The merged contact
     * may hold the removed contact's email addresses: uniqueness is checked against the
     * other contacts only. A SQL store does it in one transaction; a store without
     * multi-document transactions records the pending merge first and makes every step
     * idempotent (strip the removed contact's emails, replace the kept one on its version,
     * delete the removed one), completing them in {@code recover()} — the pending record is
     * what lets it.
     *
     * @param property        the property
     * @param merged          the new state of the kept contact, version {@code keptVersion + 1}
     * @param keptVersion     the version of the kept contact the merge was computed from
     * @param removed         the contact merged into it
     * @param removedVersion  the version of the removed contact the merge was computed from
     * @throws dev.contacts.NotFoundException if either contact is not in this property
     * @throws dev.contacts.ConflictException if either changed since those versions, or an
     *                                        email of {@code merged} belongs to a third contact
     */
    void merge(PropertyId property, Contact merged, long keptVersion, ContactId removed, long removedVersion);

    /**
     * @param property the property
     * @return the merges whose removed contact's history may still point at it, oldest first
     */
    List<ContactMerge> listPendingMerges(PropertyId property);

    /**
     * Forgets a pending merge once the removed contact's history points at the kept one.
     * Idempotent.
     *
     * @param property the property
     * @param removed  the removed contact of the merge
     */
    void completeMerge(PropertyId property, ContactId removed);
}

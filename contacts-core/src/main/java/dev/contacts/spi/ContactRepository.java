package dev.contacts.spi;

import dev.contacts.filter.Filter;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.PropertyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of contacts. Email addresses are unique per property by fold: {@code insert}
 * and {@code update} throw {@link dev.contacts.ConflictException} when another contact
 * of the property has a fold-equal address, and {@link dev.contacts.NotFoundException}
 * when a linked organization does not exist in the property (checked atomically with
 * the write, so a concurrent organization delete cannot leave a dangling link). The
 * store maintains each organization's linked-contact count from the contacts'
 * {@code organizations}.
 */
public interface ContactRepository extends EntityRepository<ContactId, Contact> {

    /**
     * @param property the property
     * @param email    an address, compared by fold
     * @return the contact having it, if any
     */
    Optional<Contact> findByEmail(PropertyId property, String email);

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
}

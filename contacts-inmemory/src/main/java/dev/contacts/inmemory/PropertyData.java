package dev.contacts.inmemory;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Everything of one property, behind one read-write lock: reads run under the read lock
 * (many at once), every write under the write lock, so each write — including a bulk
 * operation, an organization deletion that unlinks its contacts and an attribute
 * deletion that drops its values — is atomic and never observed half-done.
 */
final class PropertyData {
    final Property property;
    final Table<Contact> contacts = new Table<>(Schema.CONTACTS);
    final Table<Organization> organizations = new Table<>(Schema.ORGANIZATIONS);
    /** Custom attribute definitions per target, by name, in creation order. */
    final Map<Target, Map<String, AttributeDefinition>> definitions = new EnumMap<>(Target.class);
    /** Merges whose removed contact's history is still being re-pointed: removed id to kept id, oldest first. */
    final Map<ContactId, ContactId> pendingMerges = new LinkedHashMap<>();
    /** Tickets, their messages and pending emails. */
    final TicketData tickets = new TicketData();
    /** Notes on contacts and organizations. */
    final NoteData notes = new NoteData();
    /** Web sessions and live chats. */
    final ActivityData activity = new ActivityData();
    /** Saved segments and list views. */
    final ViewData views = new ViewData();
    /** Raised by every write of an attribute definition (under the write lock; read without a lock, hence volatile). */
    volatile long catalogVersion;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    PropertyData(Property property) {
        this.property = property;
        for (Target target : Target.values()) {
            definitions.put(target, new LinkedHashMap<>());
        }
    }

    <R> R read(Supplier<R> action) {
        ReentrantReadWriteLock.ReadLock l = lock.readLock();
        l.lock();
        try {
            return action.get();
        } finally {
            l.unlock();
        }
    }

    <R> R write(Supplier<R> action) {
        if (lock.getReadHoldCount() > 0 && !lock.isWriteLockedByCurrentThread()) {
            // a read lock cannot be upgraded: waiting for the write lock would wait forever
            throw new IllegalStateException("a write of property " + property.id() + " inside a READ unit of work; use WorkMode.WRITE");
        }
        ReentrantReadWriteLock.WriteLock l = lock.writeLock();
        l.lock();
        try {
            return action.get();
        } finally {
            l.unlock();
        }
    }

    /**
     * @param id an organization id
     * @return how many contacts of the property link to it
     */
    long linkedContacts(OrganizationId id) {
        return contacts.hashIndex(BuiltInAttributes.ORGANIZATION).size(id);
    }

    /**
     * Brings an organization's {@code contacts} count in step with the links (write lock held).
     *
     * @param id an organization id; nothing happens when it is not stored
     */
    void refreshCount(OrganizationId id) {
        Row<Organization> row = organizations.get(id);
        if (row == null) {
            return;
        }
        long count = linkedContacts(id);
        if (row.entity.contacts() != count) {
            organizations.replace(row, Schema.ORGANIZATIONS.row(row.entity.withContacts(count)));
        }
    }
}

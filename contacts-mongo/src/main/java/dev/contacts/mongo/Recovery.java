package dev.contacts.mongo;

import dev.contacts.model.PropertyId;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes the multi-step writes a crash interrupted, by re-running their idempotent
 * steps from the markers they left. Safe at any time and concurrently with other calls:
 * every step it runs is one a live writer may run too, with the same outcome.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final MongoStore store;

    Recovery(MongoStore store) {
        this.store = store;
    }

    /** @return how many property deletions were completed */
    long completePropertyDeletions() {
        long n = 0;
        for (String id : store.propertyRepository().deleting()) {
            store.propertyRepository().completeDeletion(id);
            n++;
        }
        return n;
    }

    /**
     * Completes every interrupted write of one property, and the store's interrupted
     * property deletions.
     *
     * @param property the property
     * @return how many interrupted writes were completed
     */
    long recover(PropertyId property) {
        long n = completePropertyDeletions();
        for (Document definition : store.attributeRepository().deleting(property)) {
            store.attributeRepository().bumpCatalog(property); // the crash may have come before the deletion raised it
            store.attributeRepository().completeDeletion(property, definition);
            n++;
        }
        for (String organization : store.organizationRepository().deleting(property)) {
            store.organizationRepository().completeDeletion(property, organization);
            n++;
        }
        MongoContacts contacts = store.contactRepository();
        n += contacts.merges().recover(property);
        List<String> pending = contacts.pending(property);
        for (String contact : pending) {
            contacts.completePending(property, contact);
            contacts.completeDeletion(property, contact);
            n++;
        }
        long swept = contacts.links().sweep(property);
        if (n > 0 || swept > 0) {
            LOG.info("{}: completed {} interrupted write(s), removed {} stale operation key(s)", property, n, swept);
        }
        return n;
    }
}

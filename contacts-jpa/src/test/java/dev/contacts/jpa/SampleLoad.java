package dev.contacts.jpa;

import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.sample.SampleData;
import dev.contacts.spi.ContactStore;
import java.util.List;

/** Writes a generated property into a store through the SPI, contacts in batch inserts of 500, as an import does. */
final class SampleLoad {
    private SampleLoad() {
    }

    /** @return the id of the data's first property, now in the store with its attributes, organizations and contacts */
    static PropertyId firstProperty(ContactStore store, SampleData data) {
        Property p = data.properties().get(0);
        PropertyId property = p.id();
        store.properties().create(p);
        data.attributes(property).forEach(d -> store.attributes().create(property, d));
        for (Organization o : data.organizations(property)) {
            store.organizations().insert(property, o);
        }
        List<Contact> all = data.contacts(property);
        for (int from = 0; from < all.size(); from += 500) {
            store.contacts().insertAll(property, all.subList(from, Math.min(all.size(), from + 500)));
        }
        return property;
    }
}

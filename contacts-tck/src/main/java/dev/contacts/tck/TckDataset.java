package dev.contacts.tck;

import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.sample.SampleData;
import dev.contacts.sample.SampleSpec;
import dev.contacts.spi.ContactStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TCK's data: one seeded adversarial dataset (several properties, organizations,
 * custom attributes of every type), loaded into a store through the SPI exactly as
 * generated, and kept in memory as the reference evaluator's input.
 */
public final class TckDataset {
    private final SampleData data;
    private final Map<PropertyId, List<Contact>> contacts = new LinkedHashMap<>();
    private final Map<PropertyId, Map<OrganizationId, Organization>> organizations = new LinkedHashMap<>();

    private TckDataset(SampleData data) {
        this.data = data;
        for (Property p : data.properties()) {
            contacts.put(p.id(), List.copyOf(data.contacts(p.id())));
        }
        for (Property p : data.properties()) {
            organizations.put(p.id(), withCounts(data.organizations(p.id()), contacts.get(p.id())));
        }
    }

    /**
     * @param seed the seed
     * @return the adversarial dataset of that seed (at least 2,000 contacts in 3 properties)
     */
    public static TckDataset adversarial(long seed) {
        return new TckDataset(SampleData.generate(SampleSpec.adversarial(seed, SampleSpec.DEFAULT_ADVERSARIAL_CONTACTS_PER_PROPERTY)));
    }

    /**
     * @param data generated data
     * @return a dataset of it
     */
    public static TckDataset of(SampleData data) {
        return new TckDataset(data);
    }

    /** Each organization's linked-contact count, computed from the contacts, as every store must report it. */
    private static Map<OrganizationId, Organization> withCounts(List<Organization> orgs, List<Contact> contacts) {
        Map<OrganizationId, Long> counts = new HashMap<>();
        for (Contact c : contacts) {
            for (OrganizationId id : c.organizations()) {
                counts.merge(id, 1L, Long::sum);
            }
        }
        Map<OrganizationId, Organization> result = new LinkedHashMap<>();
        for (Organization o : orgs) {
            result.put(o.id(), o.withContacts(counts.getOrDefault(o.id(), 0L)));
        }
        return result;
    }

    /** @return the generated data */
    public SampleData data() {
        return data;
    }

    /** @return the properties */
    public List<Property> properties() {
        return data.properties();
    }

    /**
     * @param property a property
     * @return its contacts, as generated
     */
    public List<Contact> contacts(PropertyId property) {
        return contacts.get(property);
    }

    /**
     * @param property a property
     * @return its organizations with their linked-contact counts
     */
    public Map<OrganizationId, Organization> organizations(PropertyId property) {
        return organizations.get(property);
    }

    /**
     * @param property a property
     * @param target   contacts or organizations
     * @return its attribute catalogue
     */
    public AttributeCatalog catalog(PropertyId property, Target target) {
        return AttributeCatalog.of(target, data.attributes(property));
    }

    /**
     * Loads every property, definition, organization and contact into an empty store.
     *
     * @param store an empty store
     */
    public void load(ContactStore store) {
        for (Property p : data.properties()) {
            load(store, p, contacts.get(p.id()));
        }
    }

    /**
     * Loads one property with only some of its contacts (used to shrink a failing case).
     *
     * @param store    an empty store
     * @param property the property
     * @param subset   the contacts to load
     */
    public void load(ContactStore store, Property property, List<Contact> subset) {
        store.properties().create(property);
        data.attributes(property.id()).forEach(d -> store.attributes().create(property.id(), d));
        organizations.get(property.id()).values().forEach(o -> store.organizations().insert(property.id(), o));
        subset.forEach(c -> store.contacts().insert(property.id(), c));
    }

    /**
     * @param property a property
     * @param ids      contact ids
     * @return those contacts, in the order of the ids
     */
    public List<Contact> contactsById(PropertyId property, List<ContactId> ids) {
        Map<ContactId, Contact> byId = new HashMap<>();
        contacts.get(property).forEach(c -> byId.put(c.id(), c));
        List<Contact> result = new ArrayList<>();
        ids.forEach(id -> result.add(byId.get(id)));
        return result;
    }
}

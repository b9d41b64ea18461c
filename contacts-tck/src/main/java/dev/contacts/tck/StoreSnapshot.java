package dev.contacts.tck;

import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.query.Segment;
import dev.contacts.spi.ContactStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a store holds, read through the SPI and put in a fixed order, so that a test
 * can assert that a refused operation changed nothing.
 *
 * @param properties    the properties
 * @param definitions   custom definitions of every property
 * @param contacts      every contact, by property then id
 * @param organizations every organization, by property then id
 * @param segments      every saved segment, by property, target, then id
 * @param listViews     every saved list view, by property, target, then agent (the property's own first)
 */
public record StoreSnapshot(List<Property> properties, List<AttributeDefinition> definitions, List<Contact> contacts,
                            List<Organization> organizations, List<Segment> segments, List<ListView> listViews) {
    private static final Comparator<ListView> BY_AGENT = Comparator.comparing(ListView::agent,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * @param store a store
     * @return what it holds now
     */
    public static StoreSnapshot of(ContactStore store) {
        List<Property> properties = new ArrayList<>(store.properties().list());
        properties.sort(Comparator.comparing(p -> p.id().value()));
        List<AttributeDefinition> definitions = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Organization> organizations = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        List<ListView> listViews = new ArrayList<>();
        for (Property p : properties) {
            for (Target t : Target.values()) {
                definitions.addAll(store.attributes().list(p.id(), t));
                List<Segment> ss = new ArrayList<>(store.segments().list(p.id(), t));
                ss.sort(Comparator.comparing(Segment::id));
                segments.addAll(ss);
                List<ListView> vs = new ArrayList<>(store.listViews().list(p.id(), t));
                vs.sort(BY_AGENT);
                listViews.addAll(vs);
            }
            List<Contact> cs = new ArrayList<>(store.contacts().getAll(p.id(), store.contacts().findIds(p.id(), Filter.all())));
            cs.sort(Comparator.comparing(Contact::id));
            contacts.addAll(cs);
            List<Organization> os = new ArrayList<>(store.organizations().getAll(p.id(), store.organizations().findIds(p.id(), Filter.all())));
            os.sort(Comparator.comparing(Organization::id));
            organizations.addAll(os);
        }
        return new StoreSnapshot(List.copyOf(properties), List.copyOf(definitions), List.copyOf(contacts), List.copyOf(organizations),
                List.copyOf(segments), List.copyOf(listViews));
    }
}

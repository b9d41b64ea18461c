package dev.contacts.tck;

import dev.contacts.filter.Filter;
import dev.contacts.model.ActivityEvent;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Contact;
import dev.contacts.model.LiveChat;
import dev.contacts.model.EntityId;
import dev.contacts.model.Note;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.model.WebSession;
import dev.contacts.query.ListView;
import dev.contacts.query.Segment;
import dev.contacts.spi.ContactStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

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
 * @param notes         every note, by property, then its contact's or organization's id, then newest first
 * @param activity      every web session and live chat, by property, then contact, then kind, then newest first
 */
public record StoreSnapshot(List<Property> properties, List<AttributeDefinition> definitions, List<Contact> contacts,
                            List<Organization> organizations, List<Segment> segments, List<ListView> listViews, List<Note> notes,
                            List<ActivityEvent> activity) {
    private static final Comparator<ListView> BY_AGENT = Comparator.comparing(ListView::agent,
            Comparator.nullsFirst(Comparator.naturalOrder()));
    /** Page size of the reads of keyset lists. */
    private static final int PAGE = 1000;

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
        List<Note> notes = new ArrayList<>();
        List<ActivityEvent> activity = new ArrayList<>();
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
            for (Contact c : cs) {
                activity.addAll(StoreSnapshot.<WebSession>drain(last -> store.activity().listWebSessions(p.id(), c.id(), last == null ? null : last.start(),
                        last == null ? null : last.id(), PAGE)));
                activity.addAll(StoreSnapshot.<LiveChat>drain(last -> store.activity().listChats(p.id(), c.id(), last == null ? null : last.start(),
                        last == null ? null : last.id(), PAGE)));
            }
            List<EntityId> parents = new ArrayList<>();
            cs.forEach(c -> parents.add(c.id()));
            os.forEach(o -> parents.add(o.id()));
            for (EntityId parent : parents) {
                notes.addAll(drain(last -> store.notes().listByParent(p.id(), parent, last == null ? null : last.created(),
                        last == null ? null : last.id(), PAGE)));
            }
        }
        return new StoreSnapshot(List.copyOf(properties), List.copyOf(definitions), List.copyOf(contacts), List.copyOf(organizations),
                List.copyOf(segments), List.copyOf(listViews), List.copyOf(notes), List.copyOf(activity));
    }

    /**
     * Reads every page of a keyset list of the SPI.
     *
     * @param pageAfter the page after an item (null: the first page), at most {@value #PAGE} items
     * @param <T>       item type
     * @return all items, in the list's order
     */
    static <T> List<T> drain(Function<T, List<T>> pageAfter) {
        List<T> all = new ArrayList<>();
        T last = null;
        while (true) {
            List<T> page = pageAfter.apply(last);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            last = page.get(page.size() - 1);
        }
    }
}

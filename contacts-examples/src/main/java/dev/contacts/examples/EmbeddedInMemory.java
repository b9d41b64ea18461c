package dev.contacts.examples;

import dev.contacts.ContactService;
import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterParser;
import dev.contacts.inmemory.InMemoryStore;
import dev.contacts.model.Attr;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.model.TextKey;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Segment;
import dev.contacts.query.Sort;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The smallest embedding: the SDK on the in-memory store, one property, a custom attribute,
 * a few contacts, a filter with a negative criterion, keyset paging and a saved segment.
 */
public final class EmbeddedInMemory {
    private EmbeddedInMemory() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * @param out where to print what happens
     * @return the names of the contacts the segment lists, in its order
     */
    public static List<String> run(PrintStream out) {
        // tag::in-memory[]
        Contacts sdk = Contacts.builder().store(new InMemoryStore()).build();
        sdk.createProperty(Property.of("acme", "ACME support", ZoneId.of("Europe/Paris")));
        PropertyContacts acme = sdk.property("acme");
        acme.attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.TEXT);

        ContactService people = acme.contacts();
        people.create(AttributeChanges.builder().set(Attr.NAME, "Ada Lovelace").set(Attr.EMAILS, List.of("ada@example.com"))
                .set(Attr.TAGS, List.of("vip")).set(Attr.COUNTRY, "GB").set("custom.plan", "pro").build());
        people.create(AttributeChanges.builder().set(Attr.NAME, "Grace Hopper").set(Attr.EMAILS, List.of("grace@example.com"))
                .set(Attr.COUNTRY, "US").build());                    // typed keys: the compiler checks each value
        people.upsertByEmail("ada@example.com", AttributeChanges.builder().set("city", "London").build());

        Filter notVip = FilterParser.parse("tags is not \"vip\"");    // includes contacts without tags
        long count = people.count(notVip);                           // 1: Grace

        Query query = Query.of(Filter.all()).withSort(Sort.asc(Attr.NAME)).withPageSize(1);
        List<String> names = new ArrayList<>();
        Page<Contact> page = people.find(query);
        names.add(page.items().get(0).name());
        while (page.hasNext()) {                                     // keyset paging: page 10,000 costs what page 1 costs
            page = people.find(query.withCursor(page.nextCursor()));
            page.items().forEach(c -> names.add(c.name()));
        }

        Segment paying = acme.segments().save(Target.CONTACT, "Paying", FilterParser.parse("custom.plan has any value"),
                List.of("primaryEmail", "custom.plan"), Sort.asc("name"));
        Page<Contact> payingPage = acme.segments().viewContacts(paying.id(), 50, null);
        String plan = payingPage.items().get(0).get(TextKey.custom("plan"));   // "pro"; or value("custom.plan")
        // end::in-memory[]
        out.println("not VIP: " + count + ", all by name: " + names + ", segment " + paying.name() + ": " + payingPage.items().size()
                + " (plan " + plan + ")");
        List<String> listed = new ArrayList<>();
        payingPage.items().forEach(c -> listed.add(c.name()));
        return listed;
    }
}

package dev.contacts.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.ContactService;
import dev.contacts.Contacts;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterParser;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.Property;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Using it" example of the README, line for line, so it never rots. */
class ReadmeExampleTest {
    @Test
    void theReadmeExampleRuns() {
        Contacts sdk = Contacts.builder().store(new InMemoryStore()).build();
        sdk.createProperty(Property.of("acme", "ACME support", ZoneId.of("Europe/Paris")));
        ContactService people = sdk.property("acme").contacts();

        people.create(AttributeChanges.builder()
                .set("name", "Ada Lovelace").set("emails", List.of("ada@example.com")).set("tags", List.of("vip")).build());

        Query query = Query.of(FilterParser.parse("tags is \"vip\" and city is unknown")).withSort(Sort.desc("lastSeen"));
        Page<Contact> page = people.find(query);                      // first 50, unknown lastSeen last
        List<Contact> all = new ArrayList<>(page.items());
        while (page.hasNext()) {
            page = people.find(query.withCursor(page.next()));        // keyset paging, never offset
            all.addAll(page.items());
        }
        long vips = people.count(Filter.attr("tags").is("vip"));        // exact, no cap

        assertThat(all).extracting(Contact::name).containsExactly("Ada Lovelace");
        assertThat(vips).isEqualTo(1);
    }
}

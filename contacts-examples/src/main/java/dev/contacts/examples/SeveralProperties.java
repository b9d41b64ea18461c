package dev.contacts.examples;

import dev.contacts.Contacts;
import dev.contacts.NotFoundException;
import dev.contacts.filter.Filter;
import dev.contacts.inmemory.InMemoryStore;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.Property;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;

/** One SDK, several properties (tenants): nothing one property holds is visible from another. */
public final class SeveralProperties {
    private SeveralProperties() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * @param out where to print what happens
     * @return how many contacts the second property sees, and whether the first property's contact id was found there
     */
    public static String run(PrintStream out) {
        // tag::properties[]
        Contacts sdk = Contacts.builder().store(new InMemoryStore()).build();
        sdk.createProperty(Property.of("acme-support", "ACME support", ZoneId.of("Europe/Paris")));
        sdk.createProperty(Property.of("globex-sales", "Globex sales", ZoneId.of("America/New_York")));

        Contact ada = sdk.property("acme-support").contacts()
                .create(AttributeChanges.builder().set("emails", List.of("ada@example.com")).build());
        long seen = sdk.property("globex-sales").contacts().count(Filter.all());          // 0
        boolean found;
        try {
            sdk.property("globex-sales").contacts().get(ada.id());                       // another property's id ...
            found = true;
        } catch (NotFoundException expected) {                                           // ... is not found
            found = false;
        }
        // end::properties[]
        String result = seen + " contacts, found " + found;
        out.println("globex-sales sees " + result);
        return result;
    }
}

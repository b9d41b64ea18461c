package dev.contacts.tck;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.spi.ContactStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A small hand-made data set created through the public facade in two properties, for the
 * behavioural TCK classes: an organization, a few contacts with and without tags, custom
 * attributes of every type.
 */
public final class TckFixture {
    /** The fixed instant of the fixture's clock. */
    public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** The SDK over the store. */
    public final Contacts sdk;
    /** Property {@code p1} (Europe/Paris). */
    public final PropertyContacts p1;
    /** Property {@code p2} (UTC), which must never be seen from p1. */
    public final PropertyContacts p2;
    /** An organization of p1. */
    public final Organization acme;
    /** A p1 contact tagged vip, linked to acme. */
    public final Contact ada;
    /** A p1 contact without tags. */
    public final Contact bob;
    /** A p2 contact, same email as ada. */
    public final Contact other;

    /**
     * @param store an empty store
     */
    public TckFixture(ContactStore store) {
        sdk = Contacts.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        sdk.createProperty(Property.of("p1", "Property one", ZoneId.of("Europe/Paris")));
        sdk.createProperty(Property.of("p2", "Property two", ZoneOffset.UTC));
        p1 = sdk.property("p1");
        p2 = sdk.property("p2");
        for (PropertyContacts p : List.of(p1, p2)) {
            p.attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.TEXT);
            p.attributes().define(Target.CONTACT, "interests", "Interests", AttributeType.TEXT_SET);
            p.attributes().define(Target.CONTACT, "score", "Score", AttributeType.NUMBER);
            p.attributes().define(Target.CONTACT, "renewal", "Renewal", AttributeType.DATE);
            p.attributes().define(Target.CONTACT, "vip", "VIP", AttributeType.BOOLEAN);
            p.attributes().define(Target.ORGANIZATION, "tier", "Tier", AttributeType.TEXT);
        }
        acme = p1.organizations().create("ACME");
        ada = p1.contacts().create(AttributeChanges.builder().set("name", "Ada Lovelace")
                .set("emails", List.of("ada@example.com")).set("tags", List.of("vip", "lead"))
                .set("organization", List.of(acme.id())).set("custom.plan", "gold").set("custom.score", 42).build());
        bob = p1.contacts().create(AttributeChanges.builder().set("name", "Bob").set("emails", List.of("bob@example.com")).build());
        other = p2.contacts().create(AttributeChanges.builder().set("name", "Ada in p2").set("emails", List.of("ada@example.com"))
                .set("tags", List.of("vip")).build());
    }
}

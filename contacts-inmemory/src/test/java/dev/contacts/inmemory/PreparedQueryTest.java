package dev.contacts.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queries repeated with the same filter, sort and now reuse what the SDK prepared for them
 * (the checked filter, its store form, its cursor fingerprint) and the store's compiled
 * predicate; these tests hold the answers of repeated queries to what changed in between.
 */
class PreparedQueryTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private Contacts sdk;
    private PropertyContacts p;

    @BeforeEach
    void setUp() {
        sdk = Contacts.builder().store(new InMemoryStore()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        sdk.createProperty(Property.of("p", "P", ZoneOffset.UTC));
        p = sdk.property("p");
    }

    private Contact create(String name, AttributeChanges.Builder more) {
        return p.contacts().create(more.set("name", name).build());
    }

    @Test
    void anOrganizationFilterSeesOrganizationsCreatedBetweenTwoEqualQueries() {
        Organization acme = p.organizations().create("Acme");
        create("a", AttributeChanges.builder().set("organization", List.of(acme.id())));
        Query q = Query.of(Filter.attr("organization.name").startsWith("ac")).withNow(NOW);
        assertThat(p.contacts().find(q).items()).extracting(Contact::name).containsExactly("a");
        assertThat(p.contacts().count(q)).isEqualTo(1);

        Organization acorn = p.organizations().create("Acorn"); // the same filter now matches two organizations
        create("b", AttributeChanges.builder().set("organization", List.of(acorn.id())));
        assertThat(p.contacts().find(q).items()).extracting(Contact::name).containsExactlyInAnyOrder("a", "b");
        assertThat(p.contacts().count(q)).isEqualTo(2);
    }

    @Test
    void anAttributeChangeBetweenTwoEqualQueriesIsSeen() {
        p.attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.TEXT);
        create("a", AttributeChanges.builder().set("custom.plan", "gold"));
        Query q = Query.of(Filter.attr("custom.plan").is("gold")).withNow(NOW);
        assertThat(p.contacts().find(q).items()).extracting(Contact::name).containsExactly("a");

        p.attributes().delete(Target.CONTACT, "custom.plan");
        assertThatThrownBy(() -> p.contacts().find(q)).hasMessageContaining("plan");
        assertThatThrownBy(() -> p.contacts().count(q)).hasMessageContaining("plan");
    }

    @Test
    void aRepeatedQueryFollowsWritesAndItsCursorsStillWork() {
        for (int i = 0; i < 5; i++) {
            create("c" + i, AttributeChanges.builder().set("tags", List.of("vip")));
        }
        Query q = Query.of(Filter.attr("tags").is("vip")).withPageSize(2).withNow(NOW);
        Page<Contact> first = p.contacts().find(q);
        assertThat(p.contacts().find(q)).isEqualTo(first);
        assertThat(p.contacts().find(q.withCursor(first.nextCursor())).items()).hasSize(2);

        create("c5", AttributeChanges.builder().set("tags", List.of("vip")));
        assertThat(p.contacts().count(q)).isEqualTo(6);
        assertThat(p.contacts().find(q.withPageSize(10)).items()).hasSize(6);
        Page<Contact> second = p.contacts().find(q.withCursor(first.nextCursor()));
        assertThat(second.items()).doesNotContainAnyElementsOf(first.items());
    }
}

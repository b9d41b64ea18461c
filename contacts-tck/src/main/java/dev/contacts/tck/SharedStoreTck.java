package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.ConflictException;
import dev.contacts.Contacts;
import dev.contacts.ContactsClosedException;
import dev.contacts.PropertyContacts;
import dev.contacts.UnknownAttributeException;
import dev.contacts.filter.FilterParser;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.query.Query;
import dev.contacts.spi.ContactStore;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two SDK instances on one store, as two nodes of a host application: each caches the
 * attribute catalogs, yet neither ever validates a filter or a write against a catalog the
 * other changed (a filter on an attribute the other node deleted is refused, never run
 * unfiltered; one it defined is usable at once). Also the lifecycle a host relies on at every
 * start-up and shutdown: creating a property if absent from several nodes at once, defining an attribute that is already defined the same way is a
 * no-op, a different definition is a conflict, and a closed {@code Contacts} refuses calls.
 * A store runs it by extending this class.
 */
public abstract class SharedStoreTck {
    private ContactStore store;
    private Contacts nodeA;
    private Contacts nodeB;
    private PropertyContacts a;
    private PropertyContacts b;

    /** @return a new, empty store */
    protected abstract ContactStore createStore();

    @BeforeEach
    void createNodes() {
        store = createStore();
        nodeA = Contacts.builder().store(store).build();
        nodeB = Contacts.builder().store(store).build();
        nodeA.createProperty(Property.of("p1", "Property one", ZoneOffset.UTC));
        a = nodeA.property("p1");
        b = nodeB.property("p1");
        a.attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.TEXT);
        a.contacts().create(AttributeChanges.builder().set("emails", List.of("ada@example.com")).set("custom.plan", "gold").build());
        a.contacts().create(AttributeChanges.builder().set("emails", List.of("bob@example.com")).build());
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
        store.close();
    }

    @Test
    void aNodeNeverRunsAFilterOnAnAttributeAnotherNodeDeleted() {
        assertThat(b.contacts().count(FilterParser.parse("custom.plan is not \"silver\""))).isEqualTo(2); // B caches the catalog

        a.attributes().forceDelete(Target.CONTACT, "custom.plan");

        assertThatThrownBy(() -> b.contacts().count(FilterParser.parse("custom.plan is not \"silver\"")))
                .isInstanceOf(UnknownAttributeException.class);
        assertThatThrownBy(() -> b.contacts().find(Query.of(FilterParser.parse("custom.plan is not \"silver\""))))
                .isInstanceOf(UnknownAttributeException.class);
        assertThatThrownBy(() -> b.contacts().upsertByEmail("bob@example.com",
                AttributeChanges.builder().set("custom.plan", "gold").build())).isInstanceOf(UnknownAttributeException.class);
    }

    @Test
    void anAttributeAnotherNodeDefinedIsUsableAtOnce() {
        assertThat(b.contacts().count(FilterParser.parse("custom.plan is \"gold\""))).isEqualTo(1); // B caches the catalog

        a.attributes().define(Target.CONTACT, "seats", "Seats", AttributeType.NUMBER);

        assertThat(b.contacts().count(FilterParser.parse("custom.seats is unknown"))).isEqualTo(2);
        b.contacts().upsertByEmail("bob@example.com", AttributeChanges.builder().set("custom.seats", 3).build());
        assertThat(a.contacts().count(FilterParser.parse("custom.seats > 2"))).isEqualTo(1);
    }

    @Test
    void aRelabelByAnotherNodeIsSeen() {
        assertThat(b.attributes().catalog(Target.CONTACT).require("custom.plan").label()).isEqualTo("Plan");

        a.attributes().relabel(Target.CONTACT, "custom.plan", "Subscription");

        assertThat(b.attributes().catalog(Target.CONTACT).require("custom.plan").label()).isEqualTo("Subscription");
    }

    @Test
    void definingWhatIsDefinedTheSameWayIsANoOpAndADifferentDefinitionAConflict() {
        AttributeDefinition again = b.attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.TEXT);

        assertThat(again.name()).isEqualTo("custom.plan");
        assertThat(a.attributes().list(Target.CONTACT).stream().filter(d -> d.name().equals("custom.plan")).count()).isEqualTo(1);
        assertThat(a.contacts().count(FilterParser.parse("custom.plan is \"gold\""))).as("values kept").isEqualTo(1);
        assertThatThrownBy(() -> b.attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.NUMBER))
                .isInstanceOf(ConflictException.class).hasMessageContaining("TEXT").hasMessageContaining("NUMBER");
        assertThatThrownBy(() -> b.attributes().define(Target.CONTACT, "plan", "Tier", AttributeType.TEXT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("relabel");
    }

    @Test
    void nodesCreatingTheSamePropertyAtOnceAllGetTheStoredOne() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
            List<java.util.concurrent.Future<Property>> created = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Contacts node = i % 2 == 0 ? nodeA : nodeB;
                String name = "Support " + i;
                created.add(pool.submit(() -> {
                    start.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    return node.createPropertyIfAbsent(Property.of("p2", name, ZoneOffset.UTC));
                }));
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Property> f : created) {
                names.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).name());
            }
            assertThat(names).as("every caller got the one stored property").hasSize(1);
            assertThat(nodeB.properties().stream().filter(p -> p.id().value().equals("p2")).count()).isEqualTo(1);
            assertThat(nodeA.createPropertyIfAbsent(Property.of("p1", "Another name", ZoneOffset.UTC)).name())
                    .as("an existing property is returned as stored").isEqualTo("Property one");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedContactsRefusesCallsAndLeavesTheStoreToTheHost() {
        PropertyContacts before = nodeA.property("p1");

        nodeA.close();

        assertThatThrownBy(() -> before.contacts().count(FilterParser.parse("custom.plan is \"gold\"")))
                .isInstanceOf(ContactsClosedException.class);
        assertThatThrownBy(() -> nodeA.property("p1")).isInstanceOf(ContactsClosedException.class);
        assertThat(b.contacts().count(FilterParser.parse("custom.plan is \"gold\""))).as("the store stays open").isEqualTo(1);
        nodeA.close(); // idempotent
    }
}

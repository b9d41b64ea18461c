package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.InvalidValueException;
import dev.contacts.ListViewService;
import dev.contacts.NotFoundException;
import dev.contacts.UnknownAttributeException;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.query.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * List views through the public facade: the built-in defaults, the property's view, an
 * agent's own view and the fallback between them, resets, columns and sorts checked
 * against the property's attributes, agents checked against the host's directory, bad
 * inputs (typed error, store unchanged) and tenancy. A store runs it by extending this
 * class.
 */
public abstract class ListViewTck extends TicketFixtureTck {

    private ListViewService views() {
        return fx.p1.listViews();
    }

    @Test
    void everyListStartsWithTheBuiltInView() {
        ListView contacts = views().get(Target.CONTACT);
        ListView organizations = views().get(Target.ORGANIZATION, "alice");

        assertThat(contacts.columns()).containsExactly("primaryEmail", "primaryPhone", "organization", "tags", "lastSeen");
        assertThat(contacts.sort()).isEqualTo(Sort.desc("lastSeen"));
        assertThat(contacts.agent()).isNull();
        assertThat(contacts).isEqualTo(ListView.defaultFor(Target.CONTACT));
        assertThat(organizations).isEqualTo(ListView.defaultFor(Target.ORGANIZATION));
        assertThat(organizations.sort()).isEqualTo(Sort.asc("name"));
    }

    @Test
    void theAgentsViewWinsOverThePropertysWhichWinsOverTheBuiltInOne() {
        ListView property = views().save(ListView.ofProperty(Target.CONTACT, List.of("name", "custom.plan", "organization"),
                Sort.asc("custom.score")));
        ListView alice = views().save(ListView.ofAgent(Target.CONTACT, "alice", List.of("name", "tags"), Sort.asc("name")));

        assertThat(views().get(Target.CONTACT)).isEqualTo(property);
        assertThat(views().get(Target.CONTACT, "alice")).isEqualTo(alice);
        assertThat(views().get(Target.CONTACT, "carol")).isEqualTo(property);
        assertThat(views().get(Target.ORGANIZATION, "alice")).isEqualTo(ListView.defaultFor(Target.ORGANIZATION));

        assertThat(views().reset(Target.CONTACT, "alice")).isTrue();
        assertThat(views().get(Target.CONTACT, "alice")).isEqualTo(property);
        assertThat(views().reset(Target.CONTACT, "alice")).isFalse();
        assertThat(views().reset(Target.CONTACT)).isTrue();
        assertThat(views().get(Target.CONTACT, "alice")).isEqualTo(ListView.defaultFor(Target.CONTACT));
    }

    @Test
    void savingAgainReplacesTheView() {
        views().save(ListView.ofAgent(Target.CONTACT, "alice", List.of("name"), Sort.asc("name")));
        ListView second = views().save(ListView.ofAgent(Target.CONTACT, "alice", List.of("jobTitle", "custom.vip"),
                Sort.desc("created")));

        assertThat(views().get(Target.CONTACT, "alice")).isEqualTo(second);
        assertThat(store.listViews().list(PropertyId.of("p1"), Target.CONTACT)).containsExactly(second);
    }

    @Test
    void organizationViewsTakeOrganizationAttributes() {
        ListView v = views().save(ListView.ofProperty(Target.ORGANIZATION, List.of("name", "custom.tier", "contacts"),
                Sort.desc("contacts")));

        assertThat(views().get(Target.ORGANIZATION)).isEqualTo(v);
        assertThat(views().get(Target.CONTACT)).isEqualTo(ListView.defaultFor(Target.CONTACT));
    }

    @Test
    void anotherPropertysViewsAreNotSeen() {
        views().save(ListView.ofProperty(Target.CONTACT, List.of("name"), Sort.asc("name")));
        views().save(ListView.ofAgent(Target.CONTACT, "alice", List.of("tags"), Sort.asc("name")));

        assertThat(fx.p2.listViews().get(Target.CONTACT, "alice")).isEqualTo(ListView.defaultFor(Target.CONTACT));
        assertThat(fx.p2.listViews().reset(Target.CONTACT)).isFalse();
        assertThat(fx.p2.listViews().reset(Target.CONTACT, "alice")).isFalse();
        assertThat(store.listViews().list(PropertyId.of("p2"), Target.CONTACT)).isEmpty();
        assertThat(views().get(Target.CONTACT, "alice").columns()).containsExactly("tags");
    }

    @Test
    void deletingThePropertyDeletesItsViews() {
        views().save(ListView.ofProperty(Target.CONTACT, List.of("name"), Sort.asc("name")));

        fx.sdk.deleteProperty(PropertyId.of("p1"));

        assertThat(store.listViews().list(PropertyId.of("p1"), Target.CONTACT)).isEmpty();
        assertThat(store.listViews().get(PropertyId.of("p1"), Target.CONTACT, null)).isEmpty();
    }

    @Test
    void aStoreOfAPropertyThatDoesNotExistReadsEmptyAndRefusesWrites() {
        PropertyId nope = PropertyId.of("nope");
        ListView v = ListView.ofProperty(Target.CONTACT, List.of("name"), Sort.asc("name"));

        assertThatThrownBy(() -> store.listViews().put(nope, v)).isInstanceOf(NotFoundException.class);
        assertThat(store.listViews().get(nope, Target.CONTACT, null)).isEmpty();
        assertThat(store.listViews().list(nope, Target.CONTACT)).isEmpty();
        assertThat(store.listViews().delete(nope, Target.CONTACT, null)).isFalse();
    }

    private record Bad(String name, Class<? extends RuntimeException> expected, Consumer<ListViewService> action) {
    }

    private static Stream<Bad> badInputs() {
        return Stream.of(
                new Bad("unknown column", UnknownAttributeException.class,
                        v -> v.save(ListView.ofProperty(Target.CONTACT, List.of("name", "favouriteColour"), Sort.asc("name")))),
                new Bad("undefined custom column", UnknownAttributeException.class,
                        v -> v.save(ListView.ofProperty(Target.CONTACT, List.of("custom.nope"), Sort.asc("name")))),
                new Bad("custom column of the other target", UnknownAttributeException.class,
                        v -> v.save(ListView.ofProperty(Target.ORGANIZATION, List.of("custom.plan"), Sort.asc("name")))),
                new Bad("contact column in an organization view", UnknownAttributeException.class,
                        v -> v.save(ListView.ofProperty(Target.ORGANIZATION, List.of("lastSeen"), Sort.asc("name")))),
                new Bad("organization.name as a column", InvalidValueException.class,
                        v -> v.save(ListView.ofProperty(Target.CONTACT, List.of("organization.name"), Sort.asc("name")))),
                new Bad("duplicate column", InvalidValueException.class,
                        v -> v.save(ListView.ofProperty(Target.CONTACT, List.of("tags", "name", "tags"), Sort.asc("name")))),
                new Bad("no column", InvalidValueException.class,
                        v -> v.save(ListView.ofProperty(Target.CONTACT, List.of(), Sort.asc("name")))),
                new Bad("51 columns", InvalidValueException.class,
                        v -> v.save(ListView.ofProperty(Target.CONTACT, fiftyOne(), Sort.asc("name")))),
                new Bad("blank column", InvalidValueException.class,
                        v -> v.save(ListView.ofProperty(Target.CONTACT, List.of("name", " "), Sort.asc("name")))),
                new Bad("sort by a set", InvalidValueException.class,
                        v -> v.save(ListView.ofProperty(Target.CONTACT, List.of("name"), Sort.asc("emails")))),
                new Bad("sort by organization", InvalidValueException.class,
                        v -> v.save(ListView.ofProperty(Target.CONTACT, List.of("name"), Sort.asc("organization")))),
                new Bad("sort by an undefined attribute", UnknownAttributeException.class,
                        v -> v.save(ListView.ofProperty(Target.CONTACT, List.of("name"), Sort.desc("custom.nope")))),
                new Bad("agent not in the directory", InvalidValueException.class,
                        v -> v.save(ListView.ofAgent(Target.CONTACT, "mallory", List.of("name"), Sort.asc("name")))),
                new Bad("blank agent", InvalidValueException.class, v -> v.get(Target.CONTACT, "  ")),
                new Bad("reset for an agent not in the directory", InvalidValueException.class,
                        v -> v.reset(Target.CONTACT, "mallory")));
    }

    private static List<String> fiftyOne() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("c" + i);
        }
        return many;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputRaisesItsTypedExceptionAndChangesNothing() {
        // made once for all the cases (JUnit runs @BeforeEach once per factory): each case changes nothing
        views().save(ListView.ofProperty(Target.CONTACT, List.of("name", "custom.plan"), Sort.asc("name")));
        views().save(ListView.ofAgent(Target.CONTACT, "alice", List.of("tags"), Sort.asc("name")));
        return badInputs().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            StoreSnapshot before = StoreSnapshot.of(store);
            assertThat(before.listViews()).hasSize(2);
            assertThatThrownBy(() -> c.action().accept(views())).as(c.name()).isInstanceOf(c.expected());
            assertThat(StoreSnapshot.of(store)).as("the store after a refused '" + c.name() + "'").isEqualTo(before);
        }));
    }
}

package dev.contacts.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.ConflictException;
import dev.contacts.ContactService;
import dev.contacts.Contacts;
import dev.contacts.InvalidCursorException;
import dev.contacts.NotFoundException;
import dev.contacts.PropertyContacts;
import dev.contacts.Upsert;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.query.Cursor;
import dev.contacts.query.Direction;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import dev.contacts.spi.BulkResult;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.StoreProvider;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The in-memory store through the public facade, as a host application uses it. */
class InMemoryStoreTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private Contacts sdk;
    private PropertyContacts p1;
    private PropertyContacts p2;

    @BeforeEach
    void setUp() {
        sdk = Contacts.builder().store(new InMemoryStore()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        sdk.createProperty(Property.of("p1", "P1", ZoneId.of("Europe/Paris")));
        sdk.createProperty(Property.of("p2", "P2", ZoneId.of("UTC")));
        p1 = sdk.property("p1");
        p2 = sdk.property("p2");
    }

    private static AttributeChanges.Builder set(String attribute, Object value) {
        return AttributeChanges.builder().set(attribute, value);
    }

    private static Contact create(ContactService contacts, String name, String... emails) {
        return contacts.create(set("name", name).set("emails", List.of(emails)).build());
    }

    // ------------------------------------------------------------------ create, read, update, delete

    @Test
    void createGetAndUpdateWithVersions() {
        Contact ada = create(p1.contacts(), "Ada Lovelace", "ada@example.com");
        assertThat(ada.version()).isEqualTo(1);
        assertThat(ada.created()).isEqualTo(NOW);
        assertThat(p1.contacts().get(ada.id())).isEqualTo(ada);

        Contact v2 = p1.contacts().update(ada.id(), 1, set("city", "London").build());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(p1.contacts().get(ada.id())).isEqualTo(v2);

        assertThatThrownBy(() -> p1.contacts().update(ada.id(), 1, set("city", "Paris").build()))
                .isInstanceOf(ConflictException.class);
        assertThat(p1.contacts().get(ada.id())).isEqualTo(v2);
    }

    @Test
    void repositoryUpdateWithStaleVersionIsAConflictAndChangesNothing() {
        ContactStore store = sdk.store();
        Contact ada = create(p1.contacts(), "Ada", "ada@example.com");
        Contact v2 = ada.toBuilder().set("city", "London").version(2).build();
        store.contacts().update(p1.property().id(), v2, 1);
        Contact stale = ada.toBuilder().set("city", "Paris").version(2).build();
        assertThatThrownBy(() -> store.contacts().update(p1.property().id(), stale, 1)).isInstanceOf(ConflictException.class);
        assertThat(store.contacts().get(p1.property().id(), ada.id())).contains(v2);
        Contact ghost = Contact.builder(ContactId.generate()).version(2).build();
        assertThatThrownBy(() -> store.contacts().update(p1.property().id(), ghost, 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.contacts().insert(p1.property().id(), ada)).isInstanceOf(ConflictException.class);
    }

    @Test
    void partialUpdateKeepsWhatItDoesNotName() {
        Contact c = p1.contacts().create(set("name", "Grace").set("city", "Arlington").set("tags", List.of("navy", "cobol")).build());
        Contact next = p1.contacts().update(c.id(), set("jobTitle", "Rear admiral").build());
        assertThat(next.name()).isEqualTo("Grace");
        assertThat(next.city()).isEqualTo("Arlington");
        assertThat(next.tags()).containsExactly("navy", "cobol");
        assertThat(next.jobTitle()).isEqualTo("Rear admiral");
        Contact cleared = p1.contacts().update(c.id(), AttributeChanges.builder().clear("city").build());
        assertThat(cleared.city()).isNull();
        assertThat(cleared.version()).isEqualTo(3);
    }

    @Test
    void deletedContactIsNotFound() {
        Contact c = create(p1.contacts(), "Temp", "temp@example.com");
        p1.contacts().delete(c.id());
        assertThatThrownBy(() -> p1.contacts().get(c.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p1.contacts().delete(c.id())).isInstanceOf(NotFoundException.class);
        assertThat(p1.contacts().count(Filter.all())).isZero();
        // its email is free again
        create(p1.contacts(), "Again", "TEMP@example.com");
    }

    @Test
    void emailsAreUniquePerPropertyByFold() {
        Contact a = create(p1.contacts(), "A", "strasse@example.com", "a2@example.com");
        assertThatThrownBy(() -> create(p1.contacts(), "B", "STRASSE@Example.com"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("strasse@example.com");
        Contact b = create(p1.contacts(), "B", "b@example.com");
        assertThatThrownBy(() -> p1.contacts().update(b.id(), set("emails", List.of("b@example.com", "A2@EXAMPLE.COM")).build()))
                .isInstanceOf(ConflictException.class);
        assertThat(p1.contacts().get(b.id()).emails()).containsExactly("b@example.com");
        // a contact may re-save its own addresses, and another property may use them
        p1.contacts().update(a.id(), set("emails", List.of("Strasse@example.com")).build());
        create(p2.contacts(), "A in p2", "strasse@example.com");
        assertThat(sdk.store().contacts().findByEmail(p1.property().id(), "STRASSE@EXAMPLE.COM")).map(Contact::id).contains(a.id());
    }

    @Test
    void upsertByEmailCreatesUpdatesOrLeavesUnchanged() {
        Upsert first = p1.contacts().upsertByEmail("lin@example.com", set("name", "Lin").build());
        assertThat(first.outcome()).isEqualTo(Upsert.Outcome.CREATED);
        assertThat(first.contact().emails()).containsExactly("lin@example.com");
        Upsert same = p1.contacts().upsertByEmail("LIN@example.com", set("name", "Lin").build());
        assertThat(same.outcome()).isEqualTo(Upsert.Outcome.UNCHANGED);
        assertThat(same.contact()).isEqualTo(first.contact());
        Upsert changed = p1.contacts().upsertByEmail("lin@example.com", set("city", "Taipei").build());
        assertThat(changed.outcome()).isEqualTo(Upsert.Outcome.UPDATED);
        assertThat(changed.contact().id()).isEqualTo(first.contact().id());
        assertThat(changed.contact().version()).isEqualTo(2);
        assertThat(p1.contacts().count(Filter.all())).isEqualTo(1);
    }

    // ------------------------------------------------------------------ paging

    /** Contacts with tied and unknown lastSeen values and tied, case-variant and non-BMP names. */
    private List<Contact> pagingData() {
        String[] names = {"anna", "Anna", "ANNA", "Émile", "emile", "zoë", "Ωmega", "\uFFFD", "\uD83D\uDE00 smile", "bob", null};
        List<Contact> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            AttributeChanges.Builder b = set("name", names[i % names.length]).set("tags", i % 3 == 0 ? List.of("three") : List.of());
            if (i % 4 != 0) {
                b.set("lastSeen", NOW.minus(Duration.ofHours(i % 5)));
            }
            all.add(p1.contacts().create(b.build()));
        }
        return all;
    }

    /** Expected order computed independently: values in direction, ties and unknowns by id text in direction, unknowns last. */
    private static <V> List<ContactId> expectedOrder(List<Contact> contacts, Function<Contact, V> key, Comparator<V> byValue,
                                                     Direction direction) {
        Comparator<ContactId> byId = Comparator.comparing(ContactId::toString);
        Comparator<V> values = direction == Direction.ASC ? byValue : byValue.reversed();
        Comparator<ContactId> ids = direction == Direction.ASC ? byId : byId.reversed();
        List<Contact> known = contacts.stream().filter(c -> key.apply(c) != null)
                .sorted(Comparator.comparing(key, values).thenComparing(Contact::id, ids)).toList();
        List<Contact> unknown = contacts.stream().filter(c -> key.apply(c) == null).sorted(Comparator.comparing(Contact::id, ids)).toList();
        List<ContactId> order = new ArrayList<>();
        known.forEach(c -> order.add(c.id()));
        unknown.forEach(c -> order.add(c.id()));
        return order;
    }

    private List<ContactId> walk(Query first) {
        List<ContactId> seen = new ArrayList<>();
        Query q = first;
        while (true) {
            Page<Contact> page = p1.contacts().find(q);
            assertThat(page.items().size()).isLessThanOrEqualTo(first.pageSize());
            page.items().forEach(c -> seen.add(c.id()));
            if (!page.hasNext()) {
                return seen;
            }
            assertThat(page.items()).hasSize(first.pageSize());
            q = first.withCursor(page.nextCursor());
        }
    }

    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void pagesConcatenateToTheFullOrderByLastSeen(Direction direction) {
        List<Contact> all = pagingData();
        List<ContactId> expected = expectedOrder(all, Contact::lastSeen, Comparator.<Instant>naturalOrder(), direction);
        for (int size = 2; size <= 7; size++) {
            List<ContactId> walked = walk(Query.all().withSort(new Sort("lastSeen", direction)).withPageSize(size));
            assertThat(walked).as("page size %d", size).containsExactlyElementsOf(expected);
            assertThat(new HashSet<>(walked)).hasSize(all.size());
        }
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void pagesConcatenateToTheFullOrderByNameFoldInCodePointOrder(Direction direction) {
        List<Contact> all = pagingData();
        List<ContactId> expected = expectedOrder(all, c -> c.name() == null ? null : Values.fold(c.name()),
                InMemoryStoreTest::compareCodePoints, direction);
        for (int size = 2; size <= 7; size++) {
            assertThat(walk(Query.all().withSort(new Sort("name", direction)).withPageSize(size)))
                    .as("page size %d", size).containsExactlyElementsOf(expected);
        }
        // a filtered walk: the tag index gives the candidates
        List<Contact> three = all.stream().filter(c -> c.tags().contains("three")).toList();
        List<ContactId> expectedThree = expectedOrder(three, Contact::name, Comparator.comparing(Values::fold, InMemoryStoreTest::compareCodePoints),
                direction);
        assertThat(walk(Query.of(Filter.attr("tags").is("THREE")).withSort(new Sort("name", direction)).withPageSize(3)))
                .containsExactlyElementsOf(expectedThree);
    }

    @Test
    void textOrdersByCodePointNotUtf16() {
        Contact replacement = p1.contacts().create(set("name", "\uFFFD").build());
        Contact emoji = p1.contacts().create(set("name", "\uD83D\uDE00").build());
        List<Contact> asc = p1.contacts().find(Query.all().withSort(Sort.asc("name"))).items();
        assertThat(asc).extracting(Contact::id).containsExactly(replacement.id(), emoji.id());
        assertThat(p1.contacts().count(Filter.attr("name").is("\uD83D\uDE00"))).isEqualTo(1);
    }

    @Test
    void aCursorOfAnotherQueryIsRefused() {
        pagingData();
        Page<Contact> page = p1.contacts().find(Query.all().withPageSize(5));
        Cursor cursor = page.nextCursor();
        assertThat(cursor).isNotNull();
        Query other = Query.of(Filter.attr("tags").is("three")).withPageSize(5).withCursor(cursor);
        assertThatThrownBy(() -> p1.contacts().find(other)).isInstanceOf(InvalidCursorException.class);
        Query otherSort = Query.all().withSort(Sort.asc("lastSeen")).withPageSize(5).withCursor(cursor);
        assertThatThrownBy(() -> p1.contacts().find(otherSort)).isInstanceOf(InvalidCursorException.class);
        Query otherProperty = Query.all().withPageSize(5).withCursor(cursor);
        assertThatThrownBy(() -> p2.contacts().find(otherProperty)).isInstanceOf(InvalidCursorException.class);
    }

    // ------------------------------------------------------------------ tenancy

    @Test
    void nothingCrossesProperties() {
        Contact mine = create(p1.contacts(), "Mine", "same@example.com");
        Contact theirs = p2.contacts().create(set("name", "Theirs").set("emails", List.of("same@example.com"))
                .set("tags", List.of("vip")).build());
        Organization org2 = p2.organizations().create("Acme");

        assertThat(p1.contacts().find(theirs.id())).isEmpty();
        assertThatThrownBy(() -> p1.contacts().get(theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p1.contacts().update(theirs.id(), 1, set("city", "X").build())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p1.contacts().delete(theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p1.organizations().get(org2.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p1.contacts().update(mine.id(), set("organization", List.of(org2.id())).build()))
                .isInstanceOf(NotFoundException.class);

        assertThat(p1.contacts().find(Query.all()).items()).extracting(Contact::id).containsExactly(mine.id());
        assertThat(p1.contacts().count(Filter.attr("tags").is("vip"))).isZero();
        assertThat(p1.contacts().count(Filter.attr("organization.name").is("Acme"))).isZero();
        assertThat(p1.contacts().deleteAll(Filter.attr("name").is("Theirs")).changed()).isZero();
        assertThat(p1.contacts().addTags(Filter.all(), List.of("x")).changed()).isEqualTo(1);
        assertThat(p2.contacts().get(theirs.id())).isEqualTo(theirs);
        assertThat(p2.contacts().count(Filter.all())).isEqualTo(1);
        p1.organizations().create("Acme"); // names are unique per property only
    }

    @Test
    void unknownPropertyReadsAsEmptyAndRefusesWrites() {
        ContactStore store = sdk.store();
        var nowhere = dev.contacts.model.PropertyId.of("nowhere");
        assertThat(store.contacts().count(nowhere, Filter.all())).isZero();
        assertThat(store.contacts().get(nowhere, ContactId.generate())).isEmpty();
        assertThat(store.contacts().delete(nowhere, ContactId.generate())).isFalse();
        assertThat(store.attributes().list(nowhere, Target.CONTACT)).isEmpty();
        assertThatThrownBy(() -> store.contacts().insert(nowhere, Contact.builder(ContactId.generate()).build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sdk.property("nowhere")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sdk.createProperty(Property.of("p1", "again", null))).isInstanceOf(ConflictException.class);
        assertThat(sdk.properties()).extracting(p -> p.id().value()).containsExactly("p1", "p2");
        assertThat(sdk.deleteProperty(dev.contacts.model.PropertyId.of("p2"))).isTrue();
        assertThat(sdk.properties()).hasSize(1);
    }

    // ------------------------------------------------------------------ organizations

    @Test
    void organizationCountsFollowLinksAndDeletionUnlinks() {
        Organization acme = p1.organizations().create("Acme");
        Organization globex = p1.organizations().create("Globex");
        assertThatThrownBy(() -> p1.organizations().create("ACME")).isInstanceOf(ConflictException.class);
        Contact a = p1.contacts().create(set("name", "a").set("organization", List.of(acme.id(), globex.id())).build());
        Contact b = p1.contacts().create(set("name", "b").set("organization", List.of(acme.id())).build());
        Contact c = p1.contacts().create(set("name", "c").build());
        assertThat(p1.organizations().get(acme.id()).contacts()).isEqualTo(2);
        assertThat(p1.organizations().get(globex.id()).contacts()).isEqualTo(1);

        p1.contacts().linkOrganization(c.id(), globex.id());
        p1.contacts().unlinkOrganization(a.id(), globex.id());
        assertThat(p1.organizations().get(globex.id()).contacts()).isEqualTo(1);
        p1.contacts().delete(b.id());
        assertThat(p1.organizations().get(acme.id()).contacts()).isEqualTo(1);
        assertThat(p1.organizations().count(Filter.attr("contacts").eq(1))).isEqualTo(2);
        assertThat(p1.organizations().findByName("globex")).map(Organization::id).contains(globex.id());

        assertThat(p1.contacts().count(Filter.attr("organization").is(acme.id().toString()))).isEqualTo(1);
        assertThat(p1.contacts().count(Filter.attr("organization.name").startsWith("ac"))).isEqualTo(1);
        assertThat(p1.contacts().count(Filter.attr("organization.name").doesNotStartWith("ac"))).isEqualTo(1);
        assertThat(p1.contacts().count(Filter.attr("organization").isUnknown())).isZero();

        Contact aBefore = p1.contacts().get(a.id());
        p1.organizations().delete(acme.id());
        Contact aAfter = p1.contacts().get(a.id());
        assertThat(aAfter.organizations()).isEmpty();
        assertThat(aAfter.version()).isEqualTo(aBefore.version());
        assertThat(aAfter.updated()).isEqualTo(aBefore.updated());
        assertThat(p1.contacts().count(Filter.attr("organization").isUnknown())).isEqualTo(1);
        assertThat(p1.contacts().count(Filter.attr("organization").is(acme.id().toString()))).isZero();
        assertThatThrownBy(() -> p1.organizations().get(acme.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void organizationUpdateKeepsTheStoreCountAndChecksVersions() {
        Organization acme = p1.organizations().create("Acme");
        p1.contacts().create(set("name", "a").set("organization", List.of(acme.id())).build());
        Organization next = p1.organizations().update(acme.id(), 1, set("city", "Paris").build());
        assertThat(next.version()).isEqualTo(2);
        assertThat(p1.organizations().get(acme.id()).contacts()).isEqualTo(1);
        assertThatThrownBy(() -> p1.organizations().update(acme.id(), 1, set("city", "Lyon").build())).isInstanceOf(ConflictException.class);
        p1.organizations().create("Globex");
        assertThatThrownBy(() -> p1.organizations().update(acme.id(), 2, set("name", "GLOBEX").build())).isInstanceOf(ConflictException.class);
        assertThat(p1.organizations().find(Query.all()).items()).extracting(Organization::name).containsExactly("Acme", "Globex");
    }

    // ------------------------------------------------------------------ custom attributes

    @Test
    void deletingACustomAttributeDeletesItsValues() {
        p1.attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.TEXT);
        p1.attributes().define(Target.ORGANIZATION, "plan", "Plan", AttributeType.TEXT);
        assertThatThrownBy(() -> p1.attributes().define(Target.CONTACT, "plan", "Again", AttributeType.NUMBER))
                .isInstanceOf(ConflictException.class);
        Contact gold = p1.contacts().create(set("name", "g").set("custom.plan", "Gold").build());
        Contact none = p1.contacts().create(set("name", "n").build());
        Organization org = p1.organizations().create(set("name", "Acme").set("custom.plan", "Gold").build());
        assertThat(p1.contacts().count(Filter.attr("custom.plan").is("gold"))).isEqualTo(1);
        assertThat(p1.contacts().count(Filter.attr("custom.plan").isNot("gold"))).isEqualTo(1);

        p1.attributes().relabel(Target.CONTACT, "custom.plan", "Subscription");
        assertThat(p1.attributes().catalog(Target.CONTACT).require("custom.plan").label()).isEqualTo("Subscription");

        p1.attributes().delete(Target.CONTACT, "custom.plan");
        Contact after = p1.contacts().get(gold.id());
        assertThat(after.custom()).doesNotContainKey("plan");
        assertThat(after.version()).isEqualTo(gold.version());
        assertThat(p1.contacts().get(none.id())).isEqualTo(none);
        assertThat(p1.organizations().get(org.id()).custom()).containsEntry("plan", "Gold");

        p1.attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.NUMBER);
        assertThat(p1.contacts().count(Filter.attr("custom.plan").isUnknown())).isEqualTo(2);
    }

    @Test
    void repositoryExtrasBehaveAsTheSpiSays() {
        ContactStore store = sdk.store();
        var pid = p1.property().id();
        Contact a = create(p1.contacts(), "a", "a@example.com");
        Contact b = create(p1.contacts(), "b", "b@example.com");
        Contact other = create(p2.contacts(), "c", "c@example.com");
        assertThat(store.contacts().getAll(pid, List.of(a.id(), other.id(), b.id(), a.id())))
                .extracting(Contact::id).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(store.contacts().findIds(pid, Filter.attr("emails").endsWith("@EXAMPLE.COM")))
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(store.contacts().findByEmail(pid, "c@example.com")).isEmpty();

        var plan = dev.contacts.model.AttributeDefinition.custom(Target.CONTACT, "plan", "Plan", AttributeType.TEXT);
        assertThatThrownBy(() -> store.attributes().update(pid, plan)).isInstanceOf(NotFoundException.class);
        assertThat(store.attributes().delete(pid, Target.CONTACT, "custom.plan")).isFalse();
        store.attributes().create(pid, plan);
        store.attributes().create(pid, dev.contacts.model.AttributeDefinition.custom(Target.CONTACT, "alpha", "Alpha", AttributeType.BOOLEAN));
        assertThat(store.attributes().list(pid, Target.CONTACT)).extracting(d -> d.name()).containsExactly("custom.plan", "custom.alpha");
        assertThat(store.attributes().list(pid, Target.ORGANIZATION)).isEmpty();
        assertThat(store.attributes().list(p2.property().id(), Target.CONTACT)).isEmpty();
        store.attributes().update(pid, plan.withLabel("Subscription"));
        assertThat(store.attributes().list(pid, Target.CONTACT).get(0).label()).isEqualTo("Subscription");
        assertThatThrownBy(() -> store.attributes().create(pid, plan)).isInstanceOf(ConflictException.class);

        Organization acme = p1.organizations().create("Acme");
        assertThat(store.organizations().findByName(pid, "ACME")).map(Organization::id).contains(acme.id());
        assertThat(store.organizations().findByName(p2.property().id(), "acme")).isEmpty();
        assertThat(store.organizations().count(pid, Filter.attr("name").contains("cm"))).isEqualTo(1);
        assertThat(store.organizations().delete(pid, acme.id())).isTrue();
        assertThat(store.organizations().delete(pid, acme.id())).isFalse();
    }

    // ------------------------------------------------------------------ bulk

    @Test
    void addTagsSkipsContactsThatWouldExceedOneHundredTags() {
        List<String> ninetyNine = IntStream.range(0, 99).mapToObj(i -> "t" + i).toList();
        Contact full = p1.contacts().create(set("name", "full").set("tags", ninetyNine).build());
        Contact roomy = p1.contacts().create(set("name", "roomy").set("tags", ninetyNine.subList(0, 98)).build());
        Contact already = p1.contacts().create(set("name", "already").set("tags", List.of("VIP", "New")).build());
        Contact bare = p1.contacts().create(set("name", "bare").build());
        Contact outside = p1.contacts().create(set("name", "outside").set("city", "Oslo").build());

        BulkResult result = p1.contacts().addTags(Filter.attr("city").isUnknown(), List.of("vip", "new"));
        assertThat(result.changed()).isEqualTo(2);
        assertThat(result.skipped()).containsExactly(full.id());

        assertThat(p1.contacts().get(full.id())).isEqualTo(full);
        assertThat(p1.contacts().get(already.id())).isEqualTo(already);
        assertThat(p1.contacts().get(outside.id())).isEqualTo(outside);
        Contact roomyAfter = p1.contacts().get(roomy.id());
        assertThat(roomyAfter.tags()).hasSize(100).endsWith("vip", "new");
        assertThat(roomyAfter.version()).isEqualTo(2);
        assertThat(p1.contacts().get(bare.id()).tags()).containsExactly("vip", "new");
        assertThat(p1.contacts().count(Filter.attr("tags").is("VIP"))).isEqualTo(3);

        BulkResult removed = p1.contacts().removeTags(Filter.all(), List.of("Vip"));
        assertThat(removed.changed()).isEqualTo(3);
        assertThat(p1.contacts().get(already.id()).tags()).containsExactly("New");
        assertThat(p1.contacts().count(Filter.attr("tags").is("vip"))).isZero();

        assertThat(p1.contacts().deleteAll(Filter.attr("tags").is("new")).changed()).isEqualTo(3);
        assertThat(p1.contacts().find(Query.all()).items()).extracting(Contact::id).containsExactlyInAnyOrder(full.id(), outside.id());
    }

    // ------------------------------------------------------------------ filters

    @Test
    void negativeFiltersIncludeUnknownValues() {
        Contact vip = p1.contacts().create(set("name", "vip").set("tags", List.of("VIP")).set("city", "Paris")
                .set("totalTickets", 5).build());
        Contact other = p1.contacts().create(set("name", "other").set("tags", List.of("other")).set("city", "Lyon")
                .set("totalTickets", 1).build());
        Contact blank = p1.contacts().create(set("name", "blank").build());
        Set<ContactId> notVip = ids(Filter.attr("tags").isNot("vip"));
        assertThat(notVip).containsExactlyInAnyOrder(other.id(), blank.id());
        assertThat(ids(Filter.attr("city").doesNotContain("PAR"))).containsExactlyInAnyOrder(other.id(), blank.id());
        assertThat(ids(Filter.attr("tags").isNoneOf("other", "vip"))).containsExactly(blank.id());
        assertThat(ids(Filter.attr("totalTickets").ne(5))).containsExactlyInAnyOrder(other.id(), blank.id());
        assertThat(ids(Filter.not(Filter.attr("totalTickets").gt(3)))).containsExactlyInAnyOrder(other.id(), blank.id());
        assertThat(ids(Filter.attr("totalTickets").lt(3))).containsExactly(other.id());
        assertThat(ids(Filter.attr("tags").isUnknown())).containsExactly(blank.id());
        assertThat(ids(Filter.not(Filter.and(Filter.attr("tags").is("vip"), Filter.attr("city").is("paris")))))
                .containsExactlyInAnyOrder(other.id(), blank.id());

        List<Filter> filters = List.of(Filter.attr("tags").is("vip"), Filter.attr("city").startsWith("ly"),
                Filter.attr("totalTickets").between(1, 4), Filter.attr("name").contains("o"),
                Filter.or(Filter.attr("tags").isAllOf("vip"), Filter.attr("city").endsWith("on")));
        long all = p1.contacts().count(Filter.all());
        for (Filter f : filters) {
            assertThat(p1.contacts().count(f) + p1.contacts().count(Filter.not(f))).as(f.toString()).isEqualTo(all);
            assertThat(p1.contacts().count(Filter.and(f, Filter.not(f)))).isZero();
        }
        assertThat(vip.tags()).containsExactly("VIP");
    }

    @Test
    void textComparisonsUseTheWholeStringFold() {
        Contact greek = p1.contacts().create(set("name", "ΟΔΟΣ").build());
        Contact german = p1.contacts().create(set("name", "Straße").build());
        Contact percent = p1.contacts().create(set("name", "100%_done").build());
        assertThat(ids(Filter.attr("name").contains("σ"))).isEmpty();
        assertThat(ids(Filter.attr("name").contains("ς"))).containsExactly(greek.id());
        assertThat(ids(Filter.attr("name").is("οδος"))).containsExactly(greek.id());
        assertThat(ids(Filter.attr("name").startsWith("STRA"))).containsExactly(german.id());
        assertThat(ids(Filter.attr("name").contains("%_"))).containsExactly(percent.id());
        assertThat(ids(Filter.attr("name").contains("%"))).containsExactly(percent.id());
        assertThat(ids(Filter.attr("name").contains("_"))).containsExactly(percent.id());
    }

    @Test
    void dateFiltersUseThePropertyZone() {
        // 2026-03-09T23:30Z is 2026-03-10 00:30 in Paris
        Contact late = p1.contacts().create(set("name", "late").set("lastSeen", Instant.parse("2026-03-09T23:30:00Z")).build());
        p1.contacts().create(set("name", "early").set("lastSeen", Instant.parse("2026-03-09T22:30:00Z")).build());
        p1.contacts().create(set("name", "never").build());
        assertThat(ids(Filter.attr("lastSeen").on(java.time.LocalDate.of(2026, 3, 10)))).containsExactly(late.id());
        assertThat(p1.contacts().count(Filter.attr("lastSeen").notOn(java.time.LocalDate.of(2026, 3, 10)))).isEqualTo(2);
        assertThat(p1.contacts().count(Filter.attr("lastSeen").withinLast(13, dev.contacts.filter.PeriodUnit.HOURS))).isEqualTo(1);
        assertThat(p1.contacts().count(Filter.attr("totalTickets").ge(new BigDecimal("0")))).isZero();
    }

    private Set<ContactId> ids(Filter f) {
        Set<ContactId> ids = new HashSet<>();
        Query q = Query.of(f).withPageSize(1000);
        while (true) {
            Page<Contact> page = p1.contacts().find(q);
            page.items().forEach(c -> ids.add(c.id()));
            assertThat(p1.contacts().count(f)).isGreaterThanOrEqualTo(ids.size());
            if (!page.hasNext()) {
                assertThat(p1.contacts().count(f)).isEqualTo(ids.size());
                return ids;
            }
            q = q.withCursor(page.nextCursor());
        }
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void concurrentUpdatesWithExpectedVersionsNeverLoseAWrite() throws Exception {
        Contact c = p1.contacts().create(set("name", "hot").build());
        int threads = 8;
        int attempts = 10;
        Map<Long, String> winners = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < attempts; i++) {
                        Contact current = p1.contacts().get(c.id());
                        String tag = "w" + thread + "-" + i;
                        List<String> tags = new ArrayList<>(current.tags());
                        tags.add(tag);
                        try {
                            Contact next = p1.contacts().update(c.id(), current.version(), set("tags", tags).build());
                            if (winners.putIfAbsent(next.version(), tag) != null) {
                                duplicates.incrementAndGet();
                            }
                        } catch (ConflictException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Contact last = p1.contacts().get(c.id());
        assertThat(duplicates.get()).isZero();
        assertThat(winners.size() + conflicts.get()).isEqualTo(threads * attempts);
        assertThat(last.version()).isEqualTo(1 + winners.size());
        assertThat(winners.keySet()).isEqualTo(LongRangeSet.of(2, last.version()));
        assertThat(last.tags()).containsExactlyInAnyOrderElementsOf(winners.values());
        // versions in order: the tag list grows by one winner at a time
        List<String> inVersionOrder = winners.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                .collect(Collectors.toList());
        assertThat(last.tags()).containsExactlyElementsOf(inVersionOrder);
    }

    /** The set {from..to} of longs. */
    private static final class LongRangeSet {
        static Set<Long> of(long from, long to) {
            Set<Long> s = new HashSet<>();
            for (long v = from; v <= to; v++) {
                s.add(v);
            }
            return s;
        }
    }

    // ------------------------------------------------------------------ provider

    @Test
    void theProviderIsFoundThroughServiceLoaderForMemUrls() {
        Optional<StoreProvider> provider = ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.supports("mem:demo")).findFirst();
        assertThat(provider).isPresent();
        assertThat(provider.get().module()).isEqualTo("contacts-inmemory");
        assertThat(provider.get().supports("jdbc:postgresql://localhost/x")).isFalse();
        try (ContactStore store = provider.get().open("mem:")) {
            assertThat(store).isInstanceOf(InMemoryStore.class);
            assertThat(store.capabilities()).isEmpty();
        }
    }
}

package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.ConflictException;
import dev.contacts.ContactService;
import dev.contacts.ContactUpsert;
import dev.contacts.Contacts;
import dev.contacts.ContactsException;
import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.PropertyContacts;
import dev.contacts.RejectedRow;
import dev.contacts.UnknownAttributeException;
import dev.contacts.Upsert;
import dev.contacts.UpsertRowResult;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.query.Query;
import dev.contacts.query.Segment;
import dev.contacts.spi.ContactUpdate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch upsert ({@link ContactService#upsertAll}): its results are those of upserting the
 * rows one after another — compared on random batches with a sequential replay in a twin
 * property — including rows that name the same contact or address, rejected rows that leave
 * the others alone, organization counts, segment counts, races with a concurrent writer
 * between the lookup and the batched write, and the size limit. A store runs it by extending
 * this class; it exercises the store's {@code findByEmails}, {@code insertAll} and
 * {@code updateAll}.
 */
public abstract class BulkUpsertTck extends FixtureTck {
    private static final Logger LOG = LoggerFactory.getLogger(BulkUpsertTck.class);

    private static AttributeChanges set(String attribute, Object value) {
        return AttributeChanges.of(java.util.Collections.singletonMap(attribute, value));
    }

    private static Upsert applied(UpsertRowResult r) {
        assertThat(r.isRejected()).as("row applied, not rejected: %s", r).isFalse();
        return r.upsert().orElseThrow();
    }

    private static RejectedRow rejected(UpsertRowResult r) {
        assertThat(r.isRejected()).as("row rejected: %s", r).isTrue();
        return r.rejection().orElseThrow();
    }

    // ------------------------------------------------------------------ the basic cases

    @Test
    void anEmptyBatchDoesNothing() {
        assertThat(fx.p1.contacts().upsertAll(List.of())).isEmpty();
        assertThat(fx.p1.contacts().count(Filter.all())).isEqualTo(2);
    }

    @Test
    void aBatchOverTheLimitIsRefusedWithATypedErrorAndWritesNothing() {
        List<ContactUpsert> rows = new ArrayList<>();
        for (int i = 0; i <= ContactService.MAX_UPSERT_ROWS; i++) {
            rows.add(ContactUpsert.byEmail("n" + i + "@limit.test", set("name", "N" + i)));
        }
        assertThatThrownBy(() -> fx.p1.contacts().upsertAll(rows)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(String.valueOf(ContactService.MAX_UPSERT_ROWS));
        assertThat(fx.p1.contacts().count(Filter.all())).isEqualTo(2);
        assertThat(fx.p1.contacts().upsertAll(rows.subList(0, ContactService.MAX_UPSERT_ROWS)))
                .hasSize(ContactService.MAX_UPSERT_ROWS).allMatch(r -> r.upsert().orElseThrow().outcome() == Upsert.Outcome.CREATED);
        assertThat(fx.p1.contacts().count(Filter.all())).isEqualTo(2 + ContactService.MAX_UPSERT_ROWS);
    }

    @Test
    void aLargeBatchStoresEveryValueExactlyBesideRejectedAndUpdatedRows() {
        // large enough for a store's bulk path (COPY on PostgreSQL), with text that a bulk format must escape
        String[] awkward = {"tab\there", "line\nbreak", "cr\rlf", "back\\slash \\N", "ß İ Σ 😀 e\u0301", "100% _x_", "'quote\" \\t"};
        List<ContactUpsert> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String text = awkward[i % awkward.length] + " " + i;
            AttributeChanges.Builder b = AttributeChanges.builder().set("name", text).set("jobTitle", i % 3 == 0 ? null : text)
                    .set("emails", List.of("bulk" + i + "@example.com", "Bulk" + i + ".Other@Example.com"))
                    .set("tags", List.of("t" + (i % 5), text)).set("custom.plan", text).set("custom.interests", List.of(text, "x" + i))
                    .set("custom.score", i % 4 == 0 ? null : new BigDecimal(i).movePointLeft(2).negate())
                    .set("custom.renewal", TckFixture.NOW.plusMillis(i * 1001L)).set("custom.vip", i % 2 == 0);
            if (i % 7 == 0) {
                b.set("organization", List.of(fx.acme.id()));
            }
            if (i % 11 == 0) {
                b.set("phones", List.of("+33 1 23 45 67 " + (10 + i % 90)));
            }
            rows.add(ContactUpsert.byEmail("bulk" + i + "@example.com", b.build()));
        }
        rows.add(ContactUpsert.byEmail("BULK5@example.com", set("city", "Lyon")));            // an earlier row of the batch
        rows.add(ContactUpsert.byEmail("bob@example.com", set("city", "Paris")));             // an existing contact
        rows.add(ContactUpsert.byEmail("bulk-x@example.com", set("emails", List.of("ada@example.com")))); // another's address
        rows.add(ContactUpsert.byEmail("bulk-y@example.com", set("custom.nope", "x")));        // an unknown attribute
        long linkedBefore = fx.p1.organizations().get(fx.acme.id()).contacts();
        List<UpsertRowResult> results = fx.p1.contacts().upsertAll(rows);
        assertThat(results).hasSize(304);
        for (int i = 0; i < 300; i++) {
            Upsert u = applied(results.get(i));
            assertThat(u.outcome()).isEqualTo(Upsert.Outcome.CREATED);
            if (i == 5) {
                continue; // updated by a later row
            }
            assertThat(fx.p1.contacts().get(u.contact().id())).as("row %d read back", i).isEqualTo(u.contact());
        }
        assertThat(applied(results.get(300)).outcome()).isEqualTo(Upsert.Outcome.UPDATED);
        assertThat(fx.p1.contacts().get(applied(results.get(5)).contact().id())).isEqualTo(applied(results.get(300)).contact())
                .extracting(Contact::city).isEqualTo("Lyon");
        assertThat(applied(results.get(301)).contact()).isEqualTo(fx.p1.contacts().get(fx.bob.id())).extracting(Contact::city)
                .isEqualTo("Paris");
        assertThat(rejected(results.get(302)).reason()).isInstanceOf(ConflictException.class);
        assertThat(rejected(results.get(303)).reason()).isInstanceOf(UnknownAttributeException.class);
        assertThat(fx.p1.contacts().count(Filter.all())).isEqualTo(2 + 300);
        assertThat(fx.p1.organizations().get(fx.acme.id()).contacts()).as("linked contacts counted")
                .isEqualTo(linkedBefore + 43);
        assertThat(fx.p1.contacts().count(Filter.attr("name").is(awkward[3] + " 3"))).as("found by its exact text").isEqualTo(1);
    }

    @Test
    void rowsCreateUpdateOrLeaveUnchangedAndComeBackInInputOrder() {
        List<UpsertRowResult> results = fx.p1.contacts().upsertAll(List.of(
                ContactUpsert.byEmail("new@example.com", set("name", "New")),
                ContactUpsert.byEmail("BOB@example.com", set("jobTitle", "Builder")),
                ContactUpsert.byEmail("ada@example.com", set("name", "Ada Lovelace")),
                ContactUpsert.of(fx.bob.id(), "ignored@example.com", set("city", "Paris"))));
        Upsert created = applied(results.get(0));
        assertThat(created.outcome()).isEqualTo(Upsert.Outcome.CREATED);
        assertThat(created.contact().emails()).containsExactly("new@example.com");
        assertThat(created.contact().version()).isEqualTo(1);
        assertThat(created.contact().created()).isEqualTo(TckFixture.NOW);
        assertThat(created.contact().updated()).isEqualTo(TckFixture.NOW);
        assertThat(fx.p1.contacts().get(created.contact().id())).isEqualTo(created.contact());

        Upsert bob = applied(results.get(1));
        assertThat(bob.outcome()).isEqualTo(Upsert.Outcome.UPDATED);
        assertThat(bob.contact().version()).isEqualTo(fx.bob.version() + 1);
        assertThat(applied(results.get(2)).outcome()).isEqualTo(Upsert.Outcome.UNCHANGED);
        assertThat(applied(results.get(2)).contact()).isEqualTo(fx.p1.contacts().get(fx.ada.id()));

        Upsert byId = applied(results.get(3));
        assertThat(byId.outcome()).isEqualTo(Upsert.Outcome.UPDATED);
        assertThat(byId.contact().id()).isEqualTo(fx.bob.id());
        assertThat(byId.contact().version()).as("the second row on bob sees the first").isEqualTo(fx.bob.version() + 2);
        Contact stored = fx.p1.contacts().get(fx.bob.id());
        assertThat(stored).isEqualTo(byId.contact());
        assertThat(stored.jobTitle()).isEqualTo("Builder");
        assertThat(stored.city()).isEqualTo("Paris");
        assertThat(stored.emails()).containsExactly("bob@example.com");
        assertThat(fx.p2.contacts().get(fx.other.id())).as("the other property is untouched").isEqualTo(fx.other);
    }

    @Test
    void rowsNamingTheSameContactOrAddressSeeEachOther() {
        List<UpsertRowResult> results = fx.p1.contacts().upsertAll(List.of(
                ContactUpsert.byEmail("dup@example.com", set("name", "First")),
                ContactUpsert.byEmail("DUP@example.com", set("name", "Second")),
                ContactUpsert.byEmail("dup@EXAMPLE.com", set("name", "Second")),
                ContactUpsert.byEmail("bob@example.com", AttributeChanges.builder().set("emails", List.of("bob@example.com", "b2@example.com"))
                        .build()),
                ContactUpsert.byEmail("b2@example.com", set("jobTitle", "Second address")),
                ContactUpsert.of(fx.bob.id(), null, set("name", "Robert")),
                ContactUpsert.byEmail("fresh@example.com", set("name", "Fresh")),
                ContactUpsert.byEmail("owner@example.com", AttributeChanges.builder().set("emails", List.of("owner@example.com", "fresh@example.com"))
                        .build())));
        Upsert first = applied(results.get(0));
        assertThat(first.outcome()).isEqualTo(Upsert.Outcome.CREATED);
        Upsert second = applied(results.get(1));
        assertThat(second.outcome()).isEqualTo(Upsert.Outcome.UPDATED);
        assertThat(second.contact().id()).isEqualTo(first.contact().id());
        assertThat(second.contact().version()).isEqualTo(2);
        assertThat(applied(results.get(2)).outcome()).isEqualTo(Upsert.Outcome.UNCHANGED);

        assertThat(applied(results.get(3)).outcome()).isEqualTo(Upsert.Outcome.UPDATED);
        Upsert viaNewAddress = applied(results.get(4));
        assertThat(viaNewAddress.outcome()).isEqualTo(Upsert.Outcome.UPDATED);
        assertThat(viaNewAddress.contact().id()).as("the address the row before added").isEqualTo(fx.bob.id());
        Upsert robert = applied(results.get(5));
        assertThat(robert.contact().version()).isEqualTo(fx.bob.version() + 3);

        assertThat(applied(results.get(6)).outcome()).isEqualTo(Upsert.Outcome.CREATED);
        assertThat(rejected(results.get(7)).reason()).as("an address the row before created").isInstanceOf(ConflictException.class);
        assertThat(rejected(results.get(7)).index()).isEqualTo(7);

        Contact bob = fx.p1.contacts().get(fx.bob.id());
        assertThat(bob).isEqualTo(robert.contact());
        assertThat(bob.name()).isEqualTo("Robert");
        assertThat(bob.jobTitle()).isEqualTo("Second address");
        assertThat(bob.emails()).containsExactly("bob@example.com", "b2@example.com");
        assertThat(fx.p1.contacts().get(first.contact().id()).name()).isEqualTo("Second");
        assertThat(fx.p1.contacts().count(Filter.attr("emails").is("dup@example.com"))).isEqualTo(1);
        assertThat(fx.p1.contacts().count(Filter.attr("emails").is("owner@example.com"))).as("the rejected row wrote nothing").isZero();
    }

    @Test
    void anAddressOfAnotherContactRejectsThatRowOnly() {
        List<UpsertRowResult> results = fx.p1.contacts().upsertAll(List.of(
                ContactUpsert.byEmail("before@example.com", set("name", "Before")),
                ContactUpsert.byEmail("bob@example.com", AttributeChanges.builder().set("name", "Bob Two")
                        .set("emails", List.of("bob@example.com", "ADA@example.com")).build()),
                ContactUpsert.byEmail("thief@example.com", set("primaryEmail", "ada@example.com")),
                ContactUpsert.byEmail("after@example.com", set("name", "After"))));
        assertThat(applied(results.get(0)).outcome()).isEqualTo(Upsert.Outcome.CREATED);
        assertThat(rejected(results.get(1)).reason()).isInstanceOf(ConflictException.class).hasMessageContaining("ada@example.com");
        assertThat(rejected(results.get(1)).index()).isEqualTo(1);
        assertThat(rejected(results.get(2)).reason()).isInstanceOf(ConflictException.class);
        assertThat(applied(results.get(3)).outcome()).isEqualTo(Upsert.Outcome.CREATED);
        assertThat(fx.p1.contacts().get(fx.bob.id())).isEqualTo(fx.bob);
        assertThat(fx.p1.contacts().get(fx.ada.id())).isEqualTo(fx.ada);
        assertThat(fx.p1.contacts().count(Filter.all())).isEqualTo(4);
    }

    @Test
    void invalidRowsAreRejectedWithTheSingleRowErrors() {
        ContactId missing = new ContactId(UUID.fromString("0190b0c4-7f3a-7cde-8a12-3456789abcde"));
        List<UpsertRowResult> results = fx.p1.contacts().upsertAll(List.of(
                ContactUpsert.byEmail("a@example.com", set("custom.nope", "x")),
                ContactUpsert.byEmail("b@example.com", set("custom.score", "not a number")),
                ContactUpsert.byEmail("c@example.com", set("organization", List.of(OrganizationId.generate()))),
                ContactUpsert.of(missing, null, set("name", "Nobody")),
                ContactUpsert.of(missing, "d@example.com", set("name", "Somebody")),
                ContactUpsert.byEmail("e@example.com", set("updated", TckFixture.NOW))));
        assertThat(rejected(results.get(0)).reason()).isInstanceOf(UnknownAttributeException.class);
        assertThat(rejected(results.get(1)).reason()).isInstanceOf(InvalidValueException.class);
        assertThat(rejected(results.get(2)).reason()).isInstanceOf(NotFoundException.class);
        assertThat(rejected(results.get(3)).reason()).isInstanceOf(NotFoundException.class);
        Upsert somebody = applied(results.get(4));
        assertThat(somebody.outcome()).isEqualTo(Upsert.Outcome.CREATED);
        assertThat(somebody.contact().id()).as("ids are generated by the SDK").isNotEqualTo(missing);
        assertThat(rejected(results.get(5)).reason()).isInstanceOf(InvalidValueException.class);
        for (int i = 0; i < results.size(); i++) {
            int index = i;
            results.get(i).rejection().ifPresent(r -> assertThat(r.index()).isEqualTo(index));
        }
        assertThat(fx.p1.contacts().count(Filter.all())).isEqualTo(3);
        assertThatThrownBy(() -> ContactUpsert.of(null, "  ", set("name", "x"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void organizationCountsFollowTheBatch() {
        Organization globex = fx.p1.organizations().create("Globex");
        List<UpsertRowResult> results = fx.p1.contacts().upsertAll(List.of(
                ContactUpsert.byEmail("o1@example.com", set("organization", List.of(fx.acme.id()))),
                ContactUpsert.byEmail("o2@example.com", set("organization", List.of(fx.acme.id(), globex.id()))),
                ContactUpsert.byEmail("o3@example.com", set("organization", List.of(globex.id().toString()))),
                ContactUpsert.byEmail("ada@example.com", set("organization", List.of(globex.id()))),
                ContactUpsert.byEmail("bob@example.com", set("organization", List.of(fx.acme.id()))),
                ContactUpsert.byEmail("o1@example.com", set("organization", List.of())),
                ContactUpsert.byEmail("o4@example.com", set("organization", List.of(fx.acme.id(), OrganizationId.generate())))));
        assertThat(results.subList(0, 6)).noneMatch(UpsertRowResult::isRejected);
        assertThat(rejected(results.get(6)).reason()).isInstanceOf(NotFoundException.class);
        // acme: ada (unlinked), o1 (linked then unlinked), o2, bob -> 2; globex: o2, o3, ada -> 3
        assertThat(fx.p1.organizations().get(fx.acme.id()).contacts()).isEqualTo(2);
        assertThat(fx.p1.organizations().get(globex.id()).contacts()).isEqualTo(3);
        assertThat(fx.p1.contacts().count(Filter.attr("organization").is(globex.id().toString()))).isEqualTo(3);
    }

    @Test
    void segmentCountsSeeTheBatchAtOnce() {
        Segment all = fx.p1.segments().save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);
        assertThat(segmentCount(fx.p1, all)).isEqualTo(2);
        fx.p1.contacts().upsertAll(List.of(ContactUpsert.byEmail("s1@example.com", set("name", "S1")),
                ContactUpsert.byEmail("s2@example.com", set("name", "S2"))));
        assertThat(segmentCount(fx.p1, all)).as("the cached count is dropped by the batched insert").isEqualTo(4);
        Segment named = fx.p1.segments().save(Target.CONTACT, "Named", Filter.attr("jobTitle").is("Named"), List.of("name"), null);
        assertThat(segmentCount(fx.p1, named)).isZero();
        fx.p1.contacts().upsertAll(List.of(ContactUpsert.byEmail("s1@example.com", set("jobTitle", "Named"))));
        assertThat(segmentCount(fx.p1, named)).as("the cached count is dropped by the batched update").isEqualTo(1);
    }

    private static long segmentCount(PropertyContacts p, Segment s) {
        return p.segments().list(s.target()).stream().filter(x -> x.segment().id().equals(s.id())).findFirst().orElseThrow().count().getAsLong();
    }

    // ------------------------------------------------------------------ the store's batch writes

    private static Contact newContact(String name, String email, OrganizationId organization) {
        Contact.Builder b = Contact.builder(ContactId.generate()).set("name", name).set("emails", List.of(email))
                .set("created", TckFixture.NOW).set("updated", TckFixture.NOW).version(1);
        if (organization != null) {
            b.set("organization", List.of(organization));
        }
        return b.build();
    }

    @Test
    void theStoresBatchInsertIsAllOrNothing() {
        PropertyId p1 = PropertyId.of("p1");
        Contact first = newContact("First", "first@example.com", fx.acme.id());
        Contact taken = newContact("Taken", "Bob@example.com", null);
        assertThatThrownBy(() -> store.contacts().insertAll(p1, List.of(first, taken))).isInstanceOf(ConflictException.class);
        Contact twin = newContact("Twin", "FIRST@example.com", null);
        assertThatThrownBy(() -> store.contacts().insertAll(p1, List.of(first, twin))).as("an address twice in the batch")
                .isInstanceOf(ConflictException.class);
        Contact dangling = newContact("Dangling", "dangling@example.com", OrganizationId.generate());
        assertThatThrownBy(() -> store.contacts().insertAll(p1, List.of(first, dangling))).isInstanceOf(NotFoundException.class);
        assertThat(store.contacts().get(p1, first.id())).as("nothing of a refused batch is stored").isEmpty();
        assertThat(fx.p1.organizations().get(fx.acme.id()).contacts()).isEqualTo(1);
        assertThat(store.contacts().findByEmails(p1, List.of("first@example.com", "bob@example.com")))
                .containsOnlyKeys("bob@example.com").containsEntry("bob@example.com", fx.bob);

        store.contacts().insertAll(p1, List.of(first, newContact("Second", "second@example.com", fx.acme.id())));
        assertThat(store.contacts().get(p1, first.id())).contains(first);
        assertThat(fx.p1.organizations().get(fx.acme.id()).contacts()).isEqualTo(3);
        assertThat(store.contacts().findByEmails(PropertyId.of("p2"), List.of("first@example.com", "ada@example.com")))
                .as("scoped by property").containsOnlyKeys("ada@example.com").containsEntry("ada@example.com", fx.other);
    }

    @Test
    void theStoresBatchUpdateIsAllOrNothing() {
        PropertyId p1 = PropertyId.of("p1");
        Contact ada = fx.ada.toBuilder().set("name", "Ada B").set("organization", List.of()).version(fx.ada.version() + 1).build();
        Contact bobStale = fx.bob.toBuilder().set("name", "Bob B").version(fx.bob.version() + 2).build();
        assertThatThrownBy(() -> store.contacts().updateAll(p1, List.of(new ContactUpdate(ada, fx.ada.version()),
                new ContactUpdate(bobStale, fx.bob.version() + 1)))).isInstanceOf(ConflictException.class);
        Contact bobTakes = fx.bob.toBuilder().set("emails", List.of("bob@example.com", "other@example.com")).version(fx.bob.version() + 1)
                .build();
        Contact otherOwner = newContact("Owner", "other@example.com", null);
        store.contacts().insert(p1, otherOwner);
        assertThatThrownBy(() -> store.contacts().updateAll(p1, List.of(new ContactUpdate(ada, fx.ada.version()),
                new ContactUpdate(bobTakes, fx.bob.version())))).isInstanceOf(ConflictException.class);
        assertThat(store.contacts().get(p1, fx.ada.id())).as("nothing of a refused batch is stored").contains(fx.ada);
        assertThat(store.contacts().get(p1, fx.bob.id())).contains(fx.bob);
        assertThat(fx.p1.organizations().get(fx.acme.id()).contacts()).isEqualTo(1);

        Contact bob = fx.bob.toBuilder().set("name", "Bob B").set("organization", List.of(fx.acme.id())).version(fx.bob.version() + 1).build();
        store.contacts().updateAll(p1, List.of(new ContactUpdate(ada, fx.ada.version()), new ContactUpdate(bob, fx.bob.version())));
        assertThat(store.contacts().get(p1, fx.ada.id())).contains(ada);
        assertThat(store.contacts().get(p1, fx.bob.id())).contains(bob);
        assertThat(fx.p1.organizations().get(fx.acme.id()).contacts()).isEqualTo(1);
        assertThat(fx.p1.contacts().count(Filter.attr("organization").is(fx.acme.id().toString()))).isEqualTo(1);
    }

    // ------------------------------------------------------------------ races

    @Test
    void anAddressTakenBetweenLookupAndBatchedInsertStillGivesSequentialResults() {
        RacingStore racing = new RacingStore(store);
        PropertyContacts p1 = Contacts.builder().store(racing.store()).clock(Clock.fixed(TckFixture.NOW, ZoneOffset.UTC)).build().property("p1");
        Contact[] concurrent = new Contact[1];
        racing.before("insertAll", () -> concurrent[0] = fx.p1.contacts().create(AttributeChanges.builder().set("name", "Concurrent")
                .set("emails", List.of("race@example.com")).build()));
        List<UpsertRowResult> results = p1.contacts().upsertAll(List.of(
                ContactUpsert.byEmail("calm@example.com", set("name", "Calm")),
                ContactUpsert.byEmail("race@example.com", set("jobTitle", "Racer")),
                ContactUpsert.byEmail("bob@example.com", set("jobTitle", "Builder"))));
        assertThat(concurrent[0]).as("the race ran").isNotNull();
        assertThat(applied(results.get(0)).outcome()).isEqualTo(Upsert.Outcome.CREATED);
        Upsert race = applied(results.get(1));
        assertThat(race.outcome()).as("the concurrent contact is found, as a sequential upsert after it would").isEqualTo(Upsert.Outcome.UPDATED);
        assertThat(race.contact().id()).isEqualTo(concurrent[0].id());
        assertThat(race.contact().name()).isEqualTo("Concurrent");
        assertThat(race.contact().jobTitle()).isEqualTo("Racer");
        assertThat(applied(results.get(2)).outcome()).isEqualTo(Upsert.Outcome.UPDATED);
        assertThat(fx.p1.contacts().count(Filter.attr("emails").is("race@example.com"))).isEqualTo(1);
        assertThat(fx.p1.contacts().count(Filter.attr("emails").is("calm@example.com"))).isEqualTo(1);
        assertThat(fx.p1.contacts().get(race.contact().id())).isEqualTo(race.contact());
        assertThat(fx.p1.contacts().get(fx.bob.id())).isEqualTo(applied(results.get(2)).contact());
    }

    @Test
    void aContactChangedBetweenLookupAndBatchedUpdateStillGivesSequentialResults() {
        RacingStore racing = new RacingStore(store);
        PropertyContacts p1 = Contacts.builder().store(racing.store()).clock(Clock.fixed(TckFixture.NOW, ZoneOffset.UTC)).build().property("p1");
        racing.before("updateAll", () -> fx.p1.contacts().update(fx.bob.id(), set("city", "Lyon")));
        List<UpsertRowResult> results = p1.contacts().upsertAll(List.of(
                ContactUpsert.byEmail("ada@example.com", set("jobTitle", "Countess")),
                ContactUpsert.byEmail("bob@example.com", set("jobTitle", "Builder")),
                ContactUpsert.byEmail("new@example.com", set("name", "New"))));
        Upsert bob = applied(results.get(1));
        assertThat(bob.outcome()).isEqualTo(Upsert.Outcome.UPDATED);
        assertThat(bob.contact().version()).as("applied on top of the concurrent change").isEqualTo(fx.bob.version() + 2);
        assertThat(bob.contact().city()).isEqualTo("Lyon");
        assertThat(bob.contact().jobTitle()).isEqualTo("Builder");
        assertThat(fx.p1.contacts().get(fx.bob.id())).isEqualTo(bob.contact());
        Upsert ada = applied(results.get(0));
        assertThat(ada.outcome()).isEqualTo(Upsert.Outcome.UPDATED);
        assertThat(fx.p1.contacts().get(fx.ada.id())).isEqualTo(ada.contact());
        assertThat(ada.contact().version()).isEqualTo(fx.ada.version() + 1);
        assertThat(applied(results.get(2)).outcome()).isEqualTo(Upsert.Outcome.CREATED);
        assertThat(fx.p1.contacts().count(Filter.all())).isEqualTo(3);
    }

    // ------------------------------------------------------------------ random batches against a sequential replay

    /** Two properties set up alike: the batch runs in one, the same rows one by one in the other. */
    private final class Twin {
        final PropertyContacts p;
        final List<Organization> organizations = new ArrayList<>();
        final List<Contact> initial = new ArrayList<>();

        Twin(String id) {
            fx.sdk.createProperty(Property.of(id, id, ZoneOffset.UTC));
            p = fx.sdk.property(id);
            p.attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.TEXT);
            p.attributes().define(Target.CONTACT, "score", "Score", AttributeType.NUMBER);
            for (int i = 0; i < 3; i++) {
                organizations.add(p.organizations().create("Org" + i));
            }
            for (int i = 0; i < 10; i++) {
                AttributeChanges.Builder b = AttributeChanges.builder().set("name", "C" + i).set("emails", List.of("e" + i + "@x.test"));
                if (i % 3 == 0) {
                    b.set("organization", List.of(organizations.get(i % 2).id()));
                }
                initial.add(p.contacts().create(b.build()));
            }
        }

        /** The contacts and organizations in a form that does not depend on generated ids, sorted. */
        List<String> state() {
            Map<String, String> names = new HashMap<>();
            List<String> rows = new ArrayList<>();
            for (Organization o : organizations) {
                Organization now = p.organizations().get(o.id());
                names.put(o.id().value().toString(), now.name());
                rows.add("organization " + now.name() + " contacts=" + now.contacts());
            }
            for (Contact c : p.contacts().find(Query.of(Filter.all()).withPageSize(1000)).items()) {
                rows.add(canonical(c, names));
            }
            rows.sort(null);
            return rows;
        }

        ContactUpsert resolve(RowSpec spec) {
            ContactId id = spec.contact == null ? null : spec.contact < 0 ? new ContactId(UUID.nameUUIDFromBytes(new byte[] {1}))
                    : initial.get(spec.contact).id();
            Map<String, Object> changes = new LinkedHashMap<>(spec.changes);
            if (spec.organizations != null) {
                List<Object> ids = new ArrayList<>();
                for (int o : spec.organizations) {
                    ids.add(o < 0 ? new OrganizationId(UUID.nameUUIDFromBytes(new byte[] {2})) : organizations.get(o).id());
                }
                changes.put("organization", ids);
            }
            return ContactUpsert.of(id, spec.email, AttributeChanges.of(changes));
        }
    }

    private static String canonical(Contact c, Map<String, String> organizationNames) {
        String full = c.toString(); // custom values in key order: their map's iteration order is not part of a contact's value
        String text = full.substring(0, full.lastIndexOf(", custom=")) + ", custom=" + new java.util.TreeMap<>(c.custom()) + "]";
        text = text.replace(c.id().value().toString(), "<id>");
        for (Map.Entry<String, String> e : organizationNames.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }

    /** A row in terms both twins understand: initial contact and organization by position ({@code -1}: one that does not exist). */
    private record RowSpec(Integer contact, String email, Map<String, Object> changes, List<Integer> organizations) {
    }

    private static RowSpec randomRow(Random random) {
        Integer contact = null;
        int r = random.nextInt(100);
        if (r < 25) {
            contact = random.nextInt(10);
        } else if (r < 30) {
            contact = -1;
        }
        String email = contact != null && random.nextBoolean() ? null : randomEmail(random);
        Map<String, Object> changes = new LinkedHashMap<>();
        if (random.nextInt(3) == 0) {
            changes.put("name", "N" + random.nextInt(3));
        }
        if (random.nextInt(4) == 0) {
            changes.put("custom.plan", random.nextBoolean() ? "gold" : null);
        }
        int s = random.nextInt(20);
        if (s == 0) {
            changes.put("custom.score", "not a number");
        } else if (s < 5) {
            changes.put("custom.score", s);
        }
        if (random.nextInt(25) == 0) {
            changes.put("custom.undefined", "x");
        }
        if (random.nextInt(8) == 0) {
            changes.put("emails", random.nextBoolean() ? List.of(randomEmail(random)) : List.of(randomEmail(random), randomEmail(random)));
        } else if (random.nextInt(15) == 0) {
            changes.put("primaryEmail", randomEmail(random));
        }
        if (random.nextInt(5) == 0) {
            changes.put("tags", random.nextBoolean() ? List.of("t" + random.nextInt(2)) : List.of());
        }
        List<Integer> organizations = null;
        int o = random.nextInt(12);
        if (o < 3) {
            organizations = o == 0 ? List.of() : List.of(random.nextInt(3));
        } else if (o == 3) {
            organizations = List.of(random.nextInt(3), random.nextInt(30) == 0 ? -1 : random.nextInt(3));
        }
        return new RowSpec(contact, email, changes, organizations);
    }

    /** Addresses of the initial contacts and new ones, in random case: rows keep meeting. */
    private static String randomEmail(Random random) {
        String e = "e" + random.nextInt(16) + "@x.test";
        return random.nextInt(4) == 0 ? e.toUpperCase(Locale.ROOT) : e;
    }

    @Test
    void randomBatchesGiveTheResultsOfSequentialUpserts() {
        TckSettings settings = TckSettings.fromSystemProperties();
        Random random = new Random(settings.seed());
        Twin batch = new Twin("bulk-batch");
        Twin sequential = new Twin("bulk-sequential");
        int batches = Math.max(4, settings.cases() / 25);
        int outcomes = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (int b = 0; b < batches; b++) {
            List<RowSpec> specs = new ArrayList<>();
            int size = 1 + random.nextInt(80);
            for (int i = 0; i < size; i++) {
                specs.add(randomRow(random));
            }
            List<ContactUpsert> rows = new ArrayList<>();
            specs.forEach(s -> rows.add(batch.resolve(s)));
            List<UpsertRowResult> results = batch.p.contacts().upsertAll(rows);
            assertThat(results).hasSize(size);
            for (int i = 0; i < size; i++) {
                String expected = describe(sequential, sequential.p.contacts(), sequential.resolve(specs.get(i)));
                String actual = describe(batch, results.get(i));
                assertThat(actual).as("batch %d row %d %s (%s)", b, i, specs.get(i), settings.replay()).isEqualTo(expected);
                seen.merge(actual.replaceAll(" .*", ""), 1, Integer::sum);
                outcomes++;
            }
            assertThat(batch.state()).as("state after batch %d (%s)", b, settings.replay()).isEqualTo(sequential.state());
        }
        LOG.info("{} random rows in {} batches matched the sequential replay: {}", outcomes, batches, seen);
        assertThat(seen).as("the random rows cover every kind of result").containsKeys("CREATED", "UPDATED", "UNCHANGED",
                "ConflictException", "UnknownAttributeException", "InvalidValueException", "NotFoundException");
    }

    private static String describe(Twin twin, ContactService contacts, ContactUpsert row) {
        try {
            return describe(twin, contacts.upsert(row));
        } catch (ContactsException e) {
            return describe(twin, new RejectedRow(0, e));
        }
    }

    private static String describe(Twin twin, UpsertRowResult r) {
        if (r.isRejected()) {
            return r.rejection().orElseThrow().reason().getClass().getSimpleName();
        }
        Upsert u = r.upsert().orElseThrow();
        Map<String, String> names = new HashMap<>();
        twin.organizations.forEach(o -> names.put(o.id().value().toString(), o.name()));
        return u.outcome() + " " + canonical(u.contact(), names);
    }
}

package dev.contacts.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.LiveChat;
import dev.contacts.model.NewMessage;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.model.Ticket;
import dev.contacts.model.WebSession;
import dev.contacts.spi.ContactStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crashes inside the store's multi-document writes: for every write N of an operation,
 * the process "dies" just before or just after the N-th single-document write (see
 * {@link CrashingClient}); a new store is then opened on the same database, as after a
 * restart, {@code Contacts.recover()} runs, and {@link StoredInvariants} must hold with
 * the operation either whole or not done at all. The TCK's fault tests cannot reach these
 * points: their faults fall between SPI calls.
 */
@ExtendWith(MongoTestStores.class)
class StepCrashTest {
    private static final Logger LOG = LoggerFactory.getLogger(StepCrashTest.class);
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** A database with the store and SDK a test works through (healthy or crashing). */
    private record World(MongoDatabase db, ContactStore store, Contacts sdk, PropertyContacts p) {
        static World open(String db, com.mongodb.client.MongoClient client) {
            ContactStore store = MongoStore.create(client, db, MongoTestStores.capabilities());
            Contacts sdk = Contacts.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
            PropertyContacts p = sdk.properties().isEmpty() ? null : sdk.property("p");
            return new World(MongoTestStores.client().getDatabase(db), store, sdk, p);
        }
    }

    /** The data every scenario starts from. */
    private record Base(Organization acme, Organization beta, Contact ada, Contact bob, Ticket bobs) {
    }

    @FunctionalInterface
    private interface Operation {
        void run(World w, Base base);
    }

    @FunctionalInterface
    private interface Outcome {
        void check(World w, Base base, String label);
    }

    private static Base setUp(World w) {
        w.sdk().createProperty(Property.of("p", "P", ZoneOffset.UTC));
        PropertyContacts p = w.sdk().property("p");
        p.attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.TEXT);
        Organization acme = p.organizations().create("ACME");
        Organization beta = p.organizations().create("Beta");
        Contact ada = p.contacts().create(AttributeChanges.builder().set("name", "Ada").set("emails", List.of("ada@example.com"))
                .set("organization", List.of(acme.id())).set("custom.plan", "gold").build());
        Contact bob = p.contacts().create(AttributeChanges.builder().set("name", "Bob").set("emails", List.of("bob@example.com"))
                .set("organization", List.of(acme.id(), beta.id())).set("tags", List.of("lead")).build());
        Ticket bobs = p.tickets().create(NewTicket.builder(bob.id(), "bob@example.com").subject("Hi").body("Hello").build());
        return new Base(acme, beta, p.contacts().get(ada.id()), p.contacts().get(bob.id()), bobs);
    }

    private void underEveryCrash(String name, boolean ticketCounts, Operation operation, Outcome outcome) {
        int writes = countWrites(operation);
        int runs = 0;
        for (boolean after : List.of(false, true)) {
            for (int n = 1; n <= writes; n++) {
                String db = MongoTestStores.newDatabaseName();
                try {
                    Base base = setUp(World.open(db, MongoTestStores.client()));
                    CrashingClient crashing = new CrashingClient(MongoTestStores.client());
                    World faulty = World.open(db, crashing.client());
                    crashing.crashAt(n, after);
                    assertThatThrownBy(() -> operation.run(faulty, base)).isInstanceOf(CrashingClient.Crash.class);
                    String label = name + ", crash " + (after ? "after" : "before") + " write " + n + " of " + writes + " "
                            + crashing.log();
                    World restarted = World.open(db, MongoTestStores.client());
                    restarted.sdk().recover();
                    assertThat(StoredInvariants.violations(restarted.db(), ticketCounts)).as(label).isEmpty();
                    outcome.check(restarted, base, label);
                    runs++;
                } finally {
                    MongoTestStores.client().getDatabase(db).drop();
                }
            }
        }
        LOG.info("{}: {} crashes inside the operation, each recovered whole or undone", name, runs);
        assertThat(runs).isEqualTo(2 * writes);
    }

    private int countWrites(Operation operation) {
        String db = MongoTestStores.newDatabaseName();
        try {
            Base base = setUp(World.open(db, MongoTestStores.client()));
            CrashingClient counting = new CrashingClient(MongoTestStores.client());
            World w = World.open(db, counting.client());
            counting.count();
            operation.run(w, base);
            LOG.info("writes: {}", counting.log());
            assertThat(StoredInvariants.violations(w.db(), true)).as("after a healthy run").isEmpty();
            return counting.writes();
        } finally {
            MongoTestStores.client().getDatabase(db).drop();
        }
    }

    private static Optional<Contact> contact(World w, Contact c) {
        return w.p().contacts().find(c.id());
    }

    @Test
    void creatingAContactLinkedToOrganizations() {
        underEveryCrash("create linked", true, (w, b) -> w.p().contacts().create(AttributeChanges.builder().set("name", "Cy")
                .set("emails", List.of("cy@example.com")).set("organization", List.of(b.acme().id(), b.beta().id())).build()),
                (w, b, label) -> {
                    List<Contact> cys = w.p().contacts().find(dev.contacts.query.Query.of(Filter.attr("name").is("Cy"))).items();
                    assertThat(cys).as(label).hasSizeLessThanOrEqualTo(1);
                    cys.forEach(c -> assertThat(c.organizations()).as(label).containsExactly(b.acme().id(), b.beta().id()));
                    assertThat(w.p().organizations().get(b.acme().id()).contacts()).as(label).isEqualTo(2 + cys.size());
                });
    }

    @Test
    void changingAContactsOrganizations() {
        underEveryCrash("relink", true, (w, b) -> w.p().contacts().update(b.ada().id(), b.ada().version(), AttributeChanges.builder()
                .set("organization", List.of(b.beta().id())).set("jobTitle", "Countess").build()), (w, b, label) -> {
                    Contact ada = contact(w, b.ada()).orElseThrow();
                    boolean done = ada.version() == b.ada().version() + 1;
                    assertThat(ada.organizations()).as(label).containsExactly(done ? b.beta().id() : b.acme().id());
                    assertThat(ada.jobTitle()).as(label).isEqualTo(done ? "Countess" : null);
                });
    }

    @Test
    void deletingAContactLinkedToOrganizations() {
        underEveryCrash("delete linked", false, (w, b) -> w.p().contacts().delete(b.bob().id()), (w, b, label) -> {
            Optional<Contact> bob = contact(w, b.bob());
            bob.ifPresent(c -> assertThat(c.version()).as(label).isEqualTo(b.bob().version()));
            assertThat(w.p().organizations().get(b.beta().id()).contacts()).as(label).isEqualTo(bob.isPresent() ? 1 : 0);
        });
    }

    @Test
    void deletingAnOrganization() {
        underEveryCrash("delete organization", true, (w, b) -> w.p().organizations().delete(b.acme().id()), (w, b, label) -> {
            boolean gone = w.store().organizations().get(w.p().property().id(), b.acme().id()).isEmpty();
            assertThat(contact(w, b.ada()).orElseThrow().organizations()).as(label).isEqualTo(gone ? List.of() : List.of(b.acme().id()));
            assertThat(contact(w, b.bob()).orElseThrow().organizations()).as(label)
                    .isEqualTo(gone ? List.of(b.beta().id()) : List.of(b.acme().id(), b.beta().id()));
        });
    }

    @Test
    void deletingACustomAttribute() {
        underEveryCrash("delete attribute", true, (w, b) -> w.p().attributes().delete(Target.CONTACT, "custom.plan"), (w, b, label) -> {
            boolean defined = w.p().attributes().catalog(Target.CONTACT).find("custom.plan") != null;
            assertThat(contact(w, b.ada()).orElseThrow().custom().get("plan")).as(label).isEqualTo(defined ? "gold" : null);
        });
    }

    @Test
    void deletingAProperty() {
        underEveryCrash("delete property", true, (w, b) -> w.sdk().deleteProperty(w.p().property().id()), (w, b, label) -> {
            if (w.sdk().properties().isEmpty()) {
                for (String collection : Schema.COLLECTIONS) {
                    assertThat(w.db().getCollection(collection).countDocuments()).as(label + ": " + collection).isZero();
                }
            } else {
                assertThat(w.p().contacts().count(Filter.all())).as(label).isEqualTo(2);
            }
        });
    }

    @Test
    void creatingATicket() {
        underEveryCrash("create ticket", true, (w, b) -> w.p().tickets().create(NewTicket.builder(b.ada().id(), "ada@example.com")
                .subject("Invoice").body("Here").build()), (w, b, label) -> {
                    Contact ada = contact(w, b.ada()).orElseThrow();
                    int tickets = w.p().tickets().ofContact(b.ada().id()).size();
                    assertThat(ada.totalTickets()).as(label).isEqualTo(tickets == 0 ? null : BigDecimal.ONE);
                    assertThat(ada.version()).as(label).isEqualTo(b.ada().version() + tickets);
                });
    }

    @Test
    void aContactsReply() {
        underEveryCrash("contact reply", true, (w, b) -> w.p().tickets().reply(b.bobs().id(), NewMessage.fromContact("Thanks")),
                (w, b, label) -> {
                    boolean stored = w.p().tickets().messages(b.bobs().id()).size() == 2;
                    assertThat(contact(w, b.bob()).orElseThrow().lastSeen()).as(label).isEqualTo(stored ? NOW : null);
                });
    }

    @Test
    void mergingTwoContacts() {
        underEveryCrash("merge", true, (w, b) -> w.p().contacts().merge(b.ada().id(), b.bob().id()), (w, b, label) -> {
            Contact ada = contact(w, b.ada()).orElseThrow();
            boolean merged = contact(w, b.bob()).isEmpty();
            if (merged) {
                assertThat(ada.emails()).as(label).containsExactly("ada@example.com", "bob@example.com");
                assertThat(ada.organizations()).as(label).containsExactly(b.acme().id(), b.beta().id());
                assertThat(w.p().tickets().get(b.bobs().id()).contact()).as(label).isEqualTo(ada.id());
                assertThat(w.store().contacts().findByEmail(w.p().property().id(), "BOB@example.com").map(Contact::id)).as(label).contains(ada.id());
            } else {
                assertThat(ada).as(label).isEqualTo(b.ada());
                assertThat(contact(w, b.bob())).as(label).contains(b.bob());
            }
            assertThat(w.p().organizations().get(b.acme().id()).contacts()).as(label).isEqualTo(merged ? 1 : 2);
        });
    }

    @Test
    void bulkTaggingIsAtomicPerContact() {
        underEveryCrash("bulk tags", true, (w, b) -> w.p().contacts().addTags(Filter.all(), List.of("vip")), (w, b, label) -> {
            for (Contact before : List.of(b.ada(), b.bob())) {
                Contact now = contact(w, before).orElseThrow();
                boolean tagged = now.tags().contains("vip");
                assertThat(now.version()).as(label).isEqualTo(before.version() + (tagged ? 1 : 0));
            }
        });
    }

    @Test
    void ingestingTheNewestWebSession() {
        Instant start = NOW.minusSeconds(600);
        underEveryCrash("newest web session", true, (w, b) -> w.p().activity().ingest(WebSession.builder("s1", b.ada().id(), start)
                .end(NOW).pagesViewed(3).timeSpent(600).city("Oslo").country("no").build()), (w, b, label) -> {
                    Contact ada = contact(w, b.ada()).orElseThrow();
                    boolean counted = ada.totalWebSessions() != null;
                    assertThat(w.p().activity().webSessions(b.ada().id(), 10, null).items()).as(label).hasSize(counted ? 1 : 0);
                    assertThat(ada.version()).as(label).isEqualTo(b.ada().version() + (counted ? 1 : 0));
                    assertThat(ada.city()).as(label).isEqualTo(counted ? "Oslo" : null);
                    assertThat(ada.pagesViewed()).as(label).isEqualTo(counted ? new BigDecimal(3) : null);
                    assertThat(ada.lastSeen()).as(label).isEqualTo(counted ? NOW : null);
                });
    }

    @Test
    void ingestingALiveChat() {
        underEveryCrash("live chat", true, (w, b) -> w.p().activity().ingest(LiveChat.of("c1", b.bob().id(), NOW.minusSeconds(60),
                List.of(ChatMessage.visitor("hi", NOW.minusSeconds(30))))), (w, b, label) -> {
                    Contact bob = contact(w, b.bob()).orElseThrow();
                    boolean counted = bob.totalLiveChats() != null;
                    assertThat(bob.lastSeen()).as(label).isEqualTo(counted ? NOW.minusSeconds(30) : null);
                    assertThat(bob.version()).as(label).isEqualTo(b.bob().version() + (counted ? 1 : 0));
                });
    }

    @Test
    void addingANote() {
        underEveryCrash("note", true, (w, b) -> w.p().notes().add(b.ada().id(), "alice", "Called her"), (w, b, label) ->
                assertThat(w.p().notes().list(b.ada().id(), 10, null).items()).as(label).hasSizeLessThanOrEqualTo(1));
    }

    @Test
    void theCrashingClientCrashes() {
        String db = MongoTestStores.newDatabaseName();
        try {
            CrashingClient crashing = new CrashingClient(MongoTestStores.client());
            World w = World.open(db, crashing.client());
            crashing.crashAt(1, true);
            assertThatThrownBy(() -> w.sdk().createProperty(Property.of("p", "P", ZoneOffset.UTC))).isInstanceOf(CrashingClient.Crash.class);
            assertThat(MongoTestStores.client().getDatabase(db).getCollection(Schema.PROPERTIES).countDocuments()).isEqualTo(1);
            assertThat(w.sdk().properties()).as("reads pass").hasSize(1);
            assertThatThrownBy(() -> w.sdk().deleteProperty(dev.contacts.model.PropertyId.of("p")))
                    .isInstanceOf(CrashingClient.Crash.class).hasMessageContaining("down");
            assertThat(crashing.crashed()).isTrue();
        } finally {
            MongoTestStores.client().getDatabase(db).drop();
        }
    }
}

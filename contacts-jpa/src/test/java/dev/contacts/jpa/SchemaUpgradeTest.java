package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.ConflictException;
import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.FilterParser;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.NewMessage;
import dev.contacts.model.Note;
import dev.contacts.model.NoteId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessageId;
import dev.contacts.model.Values;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database of the previous release (every schema version but the last, holding contacts,
 * an organization, a ticket and, once the previous versions have them, notes) is upgraded by
 * {@link SchemaMode#CREATE}: the data is intact, the store works on it and the upgraded
 * schema passes {@link SchemaMode#VALIDATE}. The previous release's rows are written with
 * SQL naming only the columns of the versions that created their tables, as that release
 * wrote them, so the test keeps describing "the release before" as versions are added.
 */
class SchemaUpgradeTest {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaUpgradeTest.class);
    private static final Instant AT = Instant.parse("2025-03-01T10:15:30.123Z");
    private static final String P = "acme";

    private final ContactId ada = ContactId.generate();
    private final ContactId grace = ContactId.generate();
    private final OrganizationId org = OrganizationId.generate();
    private final TicketId ticket = TicketId.generate();
    private final NoteId note = NoteId.generate();

    @Test
    void aDatabaseOfThePreviousVersionsIsUpgradedWithItsDataIntact() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        EntityManagerFactory emf = null;
        try {
            // a host that keeps its own tables with hbm2ddl, leaving the SDK's to the SDK
            emf = HostPersistenceUnit.open(db, Map.of("hibernate.hbm2ddl.auto", "update", "hibernate.hbm2ddl.schema_filter_provider",
                    ContactsSchemaFilterProvider.class.getName()));
            Dialect dialect = Dialect.ofJdbcUrl(db.url());
            int previous = SchemaInstaller.VERSIONS.size() - 1;
            Transactions tx = new Transactions(emf, dialect, TransactionBinding.none());
            assertThat(SchemaInstaller.apply(tx, dialect, previous)).isEqualTo(previous);
            boolean previousHasNotes = ExpectedSchema.of(dialect, SchemaInstaller.VERSIONS.subList(0, previous)).tables().contains("note");
            writePreviousReleaseData(tx, previousHasNotes);
            LOG.info("upgrading a database of versions 1 to {} (notes: {}) on {}", previous, previousHasNotes, dialect);

            try (JpaStore upgraded = JpaStore.create(emf, SchemaMode.CREATE)) {
                PropertyContacts acme = Contacts.builder().store(upgraded).build().property(P);
                Contact a = acme.contacts().get(ada);
                assertThat(a.name()).isEqualTo("Ada Lovelace");
                assertThat(a.emails()).containsExactly("Ada@Example.com");
                assertThat(a.tags()).containsExactly("VIP");
                assertThat(a.organizations()).containsExactly(org);
                assertThat(acme.contacts().get(grace).emails()).containsExactly("grace@example.com");
                assertThat(acme.organizations().get(org).name()).isEqualTo("Analytical Engines");
                Ticket t = acme.tickets().get(ticket);
                assertThat(t.number()).isEqualTo(1);
                assertThat(t.subject()).isEqualTo("Invoice");
                assertThat(acme.tickets().messages(ticket)).extracting(m -> m.body()).containsExactly("Where is my invoice?");
                if (previousHasNotes) {
                    assertThat(acme.notes().get(note).body()).isEqualTo("Prefers email.");
                }

                // the store works on the upgraded database: filters, unique emails, new tickets' numbers, notes
                assertThat(acme.contacts().count(FilterParser.parse("tags is \"vip\""))).isEqualTo(1);
                assertThat(acme.contacts().count(FilterParser.parse("emails is \"ada@example.com\""))).isEqualTo(1);
                assertThat(acme.contacts().upsertByEmail("ADA@example.com", AttributeChanges.builder().set("city", "London").build())
                        .contact().id()).isEqualTo(ada);
                assertThatThrownBy(() -> acme.contacts().update(grace, AttributeChanges.builder().set("emails", List.of("ada@example.com"))
                        .build())).isInstanceOf(ConflictException.class);
                assertThat(acme.tickets().reply(ticket, NewMessage.fromContact("Found it, thanks.")).body()).isEqualTo("Found it, thanks.");
                Note added = acme.notes().add(a.entityId(), "agent-1", "Called back.");
                assertThat(acme.notes().list(a.entityId(), 10, null).items()).extracting(Note::id).contains(added.id());
            }
            try (JpaStore validated = JpaStore.create(emf, SchemaMode.VALIDATE)) {
                assertThat(validated.properties().list()).extracting(p -> p.id().value()).containsExactly(P);
            }
        } finally {
            TestDatabase.closeThenDrop(db, emf);
        }
    }

    /** The rows the previous release wrote, with the columns of the versions that created their tables. */
    private void writePreviousReleaseData(Transactions tx, boolean withNotes) {
        tx.run("write the previous release's data", db -> {
            db.update(db.sql("INSERT INTO property (id, name, zone) VALUES (").value(P).append(", ").value("ACME").append(", ").value("UTC")
                    .append(")"));
            db.update(db.sql("INSERT INTO ticket_counter (property_id, last_number) VALUES (").value(P).append(", ").value(1L).append(")"));
            db.update(db.sql("INSERT INTO organization (property_id, id, version, name, name_fold, contact_count, created, updated) VALUES (")
                    .value(P).append(", ").value(org.value()).append(", ").value(1L).append(", ").value("Analytical Engines").append(", ")
                    .value(Values.fold("Analytical Engines")).append(", ").value(1L).append(", ").value(AT).append(", ").value(AT).append(")"));
            insertContact(db, ada, "Ada Lovelace", "Ada@Example.com");
            insertContact(db, grace, "Grace Hopper", "grace@example.com");
            db.update(db.sql("INSERT INTO contact_tag (property_id, contact_id, position, display, fold) VALUES (").value(P).append(", ")
                    .value(ada.value()).append(", ").value(0).append(", ").value("VIP").append(", ").value(Values.fold("VIP")).append(")"));
            db.update(db.sql("INSERT INTO contact_organization (property_id, contact_id, organization_id, position) VALUES (").value(P)
                    .append(", ").value(ada.value()).append(", ").value(org.value()).append(", ").value(0).append(")"));
            db.update(db.sql("INSERT INTO ticket (property_id, id, version, ticket_number, contact_id, to_address, subject, priority, status, "
                    + "created, updated) VALUES (").value(P).append(", ").value(ticket.value()).append(", ").value(1L).append(", ").value(1L)
                    .append(", ").value(ada.value()).append(", ").value("support@acme.example").append(", ").value("Invoice").append(", ")
                    .value("MEDIUM").append(", ").value("OPEN").append(", ").value(AT).append(", ").value(AT).append(")"));
            db.update(db.sql("INSERT INTO ticket_message (property_id, id, ticket_id, contact_id, seq, sender, contact_address, subject, "
                    + "body, message_id, created) VALUES (").value(P).append(", ").value(TicketMessageId.generate().value()).append(", ")
                    .value(ticket.value()).append(", ").value(ada.value()).append(", ").value(1L).append(", ").value("CONTACT").append(", ")
                    .value("Ada@Example.com").append(", ").value("Invoice").append(", ").value("Where is my invoice?").append(", ")
                    .value("<m1@example.com>").append(", ").value(AT).append(")"));
            if (withNotes) {
                db.update(db.sql("INSERT INTO note (property_id, id, contact_id, version, author, body, created) VALUES (").value(P)
                        .append(", ").value(note.value()).append(", ").value(ada.value()).append(", ").value(1L).append(", ")
                        .value("agent-1").append(", ").value("Prefers email.").append(", ").value(AT).append(")"));
            }
            return null;
        });
    }

    private static void insertContact(Db db, ContactId id, String name, String email) throws java.sql.SQLException {
        db.update(db.sql("INSERT INTO contact (property_id, id, version, name, name_fold, primary_email, primary_email_fold, created, updated) "
                + "VALUES (").value(P).append(", ").value(id.value()).append(", ").value(1L).append(", ").value(name).append(", ")
                .value(Values.fold(name)).append(", ").value(email).append(", ").value(Values.fold(email)).append(", ").value(AT).append(", ")
                .value(AT).append(")"));
        db.update(db.sql("INSERT INTO contact_email (property_id, contact_id, position, display, fold) VALUES (").value(P).append(", ")
                .value(id.value()).append(", ").value(0).append(", ").value(email).append(", ").value(Values.fold(email)).append(")"));
    }
}

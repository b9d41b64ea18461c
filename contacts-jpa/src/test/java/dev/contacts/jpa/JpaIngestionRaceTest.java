package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The path of an ingestion that the contact's lock does not serialise: a delivery of the same
 * event for another contact commits while this one waits on the unique key {@code
 * (property_id, kind, external_id)}. The insert waits for that transaction, inserts nothing once
 * it commits, and the call reports a duplicate without touching its contact.
 */
class JpaIngestionRaceTest {
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void aDuplicateCommittedWhileTheInsertWaitsIsReportedAndChangesNothing() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (JpaStore store = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE)) {
            store.properties().create(Property.of("p1", "One", ZoneOffset.UTC));
            PropertyContacts p1 = Contacts.builder().store(store).build().property("p1");
            Contact ada = p1.contacts().create(AttributeChanges.of(Map.of("name", "Ada")));
            Contact bob = p1.contacts().create(AttributeChanges.of(Map.of("name", "Bob")));
            Dialect dialect = Dialect.ofJdbcUrl(db.url());
            try (Connection other = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                other.setAutoCommit(false);
                try (PreparedStatement ps = other.prepareStatement("INSERT INTO activity_event (property_id, id, kind, external_id, "
                        + "contact_id, start_at, pages_viewed, time_spent) VALUES ('p1', ?, 'WEB', 'sess-race', ?, ?, 0, 0)")) {
                    dialect.setId(ps, 1, UUID.randomUUID());
                    dialect.setId(ps, 2, ada.id().value());
                    dialect.setInstant(ps, 3, T);
                    ps.executeUpdate();
                }
                CompletableFuture<Boolean> ingestion = CompletableFuture.supplyAsync(() -> store.activity()
                        .recordWebSession(PropertyId.of("p1"), WebSession.builder("sess-race", bob.id(), T).pagesViewed(3).build()));
                Thread.sleep(500);
                assertThat(ingestion).as("the insert waits for the other transaction's key").isNotDone();
                other.commit();
                assertThat(ingestion.get(30, TimeUnit.SECONDS)).as("a duplicate").isFalse();
            }
            Contact bobAfter = p1.contacts().get(bob.id());
            assertThat(bobAfter.totalWebSessions()).as("the duplicate changed nothing").isNull();
            assertThat(bobAfter.pagesViewed()).isNull();
            assertThat(bobAfter.version()).isEqualTo(bob.version());
            assertThat(store.activity().listWebSessions(PropertyId.of("p1"), bob.id(), null, null, 10)).isEmpty();
        } finally {
            db.drop();
        }
    }
}

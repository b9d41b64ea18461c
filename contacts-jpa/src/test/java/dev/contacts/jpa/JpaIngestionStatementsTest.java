package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.Contacts;
import dev.contacts.NotFoundException;
import dev.contacts.PropertyContacts;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.IngestResult;
import dev.contacts.model.LiveChat;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statements one ingestion costs, counted by {@link CountingDataSource} on the database of
 * {@link TestDatabase}: a web session is the event's insert and the statistics update that
 * proves its contact exists (one statement on PostgreSQL, a data-modifying {@code WITH}); a
 * chat adds its transcript (one batch); a duplicate is the insert that inserted nothing and
 * the query that tells why. Counted, not timed.
 */
class JpaIngestionStatementsTest {
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private TestDatabase.Fresh db;
    private CountingDataSource dataSource;
    private EntityManagerFactory emf;
    private JpaStore store;
    private Contacts sdk;
    private PropertyContacts p1;
    private Contact ada;

    @BeforeEach
    void open() {
        db = TestDatabase.fresh();
        dataSource = new CountingDataSource(db, 4);
        emf = dataSource.hostUnit();
        store = JpaStore.create(emf, SchemaMode.CREATE);
        sdk = Contacts.builder().store(store).build();
        sdk.createProperty(Property.of("p1", "One", ZoneOffset.UTC));
        p1 = sdk.property("p1");
        ada = p1.contacts().create(AttributeChanges.of(Map.of("name", "Ada")));
    }

    @AfterEach
    void close() throws Exception {
        TestDatabase.closeThenDrop(db, sdk, store, emf);
    }

    /** @return the statements {@code call} ran, after checking it ran on one connection and returned {@code expected} */
    private <R> int statements(Supplier<R> call, R expected) {
        dataSource.reset();
        assertThat(call.get()).isEqualTo(expected);
        assertThat(dataSource.connectionsTaken.get()).as("one connection").isEqualTo(1);
        return dataSource.statements.get();
    }

    @Test
    void anEventIsItsInsertAndTheStatisticsUpdateAndAChatAddsItsTranscript() {
        WebSession session = WebSession.builder("s-1", ada.id(), T).pagesViewed(3).country("FR").city("Paris").build();
        int insertAndUpdate = TestDatabase.postgres() ? 1 : 2;
        assertThat(statements(() -> p1.activity().ingest(session), IngestResult.APPLIED)).as("a web session").isEqualTo(insertAndUpdate);
        LiveChat chat = LiveChat.of("c-1", ada.id(), T, List.of(ChatMessage.visitor("hello", T), ChatMessage.agent("alice", "hi", T)));
        assertThat(statements(() -> p1.activity().ingest(chat), IngestResult.APPLIED)).as("a chat with a transcript")
                .isEqualTo(insertAndUpdate + 1);
        LiveChat empty = LiveChat.of("c-2", ada.id(), T, List.of());
        assertThat(statements(() -> p1.activity().ingest(empty), IngestResult.APPLIED)).as("a chat without messages").isEqualTo(insertAndUpdate);

        assertThat(statements(() -> p1.activity().ingest(session), IngestResult.DUPLICATE)).as("a duplicate session").isEqualTo(2);
        assertThat(statements(() -> p1.activity().ingest(chat), IngestResult.DUPLICATE)).as("a duplicate chat").isEqualTo(2);

        Contact after = p1.contacts().get(ada.id());
        assertThat(after.totalWebSessions()).isEqualByComparingTo("1");
        assertThat(after.totalLiveChats()).isEqualByComparingTo("2");
        assertThat(after.pagesViewed()).isEqualByComparingTo("3");
        assertThat(after.city()).isEqualTo("Paris");
        assertThat(after.version()).isEqualTo(ada.version() + 3);
        assertThat(p1.activity().chats(ada.id(), 10, null).items()).containsExactlyInAnyOrder(chat, empty);
    }

    @Test
    void anUnknownContactLeavesNoEventBehind() {
        ContactId nobody = ContactId.generate();
        dataSource.reset();
        assertThatThrownBy(() -> p1.activity().ingest(WebSession.builder("s-x", nobody, T).build())).isInstanceOf(NotFoundException.class);
        assertThat(dataSource.statements.get()).as("the insert, the update that matched nothing (one statement on PostgreSQL), the insert undone")
                .isEqualTo(TestDatabase.postgres() ? 2 : 3);
        assertThat(store.activity().listWebSessions(PropertyId.of("p1"), nobody, null, null, 10)).isEmpty();
        assertThat(p1.activity().ingest(WebSession.builder("s-x", ada.id(), T).build())).as("its external id is still free")
                .isEqualTo(IngestResult.APPLIED);
    }
}

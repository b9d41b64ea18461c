package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.ContactService;
import dev.contacts.Contacts;
import dev.contacts.filter.Filter;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.LiveChat;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.query.Direction;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import dev.contacts.sample.SampleData;
import dev.contacts.sample.SampleSpec;
import dev.contacts.spi.BulkResult;
import dev.contacts.spi.ContactUpdate;
import dev.contacts.spi.SeekOrder;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 store reads the values of a page of contacts, a set of contacts by id and
 * the contacts of a set of addresses through its indexes: each statement reads from each
 * table about the rows it returns, never the whole property. H2 seeks an index with
 * {@code IN} or {@code = ANY} only on its first column (property_id here), so such reads
 * must join a table of the ids instead. Measured by H2's own row counts ({@code EXPLAIN
 * ANALYZE} of the statements the store issued, see {@link H2ScanCount}), not by timing.
 * Runs on an in-memory H2 database of its own whatever {@code contacts.jpa.database} says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2IndexPlanTest {
    private static final Logger LOG = LoggerFactory.getLogger(H2IndexPlanTest.class);
    private static final int CONTACTS = 4_000;
    /** Most rows a statement about a page of 20 contacts may read from one table (the whole property is 4,000 and more). */
    private static final long MOST_ROWS_READ = 600;

    private H2ScanCount source;
    private EntityManagerFactory unit;
    private JpaStore store;
    private PropertyId property;
    private SampleData data;

    @BeforeAll
    void loadAProperty() {
        source = new H2ScanCount("jdbc:h2:mem:h2_index_plan_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        unit = source.unit();
        store = JpaStore.create(unit, SchemaMode.CREATE);
        data = SampleData.generate(SampleSpec.realistic(20261207L, CONTACTS));
        property = SampleLoad.firstProperty(store, data);
        assertThat(store.contacts().count(property, Filter.all())).isEqualTo(CONTACTS);
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
        if (unit != null) {
            unit.close();
        }
    }

    @BeforeEach
    void record() {
        source.explained.clear();
        source.plans.clear();
        source.recording = true;
    }

    @Test
    void aPageOfContactsReadsTheValuesOfItsContactsOnly() {
        List<Contact> page = store.contacts().find(property, Filter.all(), new SeekOrder(null, Direction.ASC), 20);
        assertThat(page).hasSize(20);
        assertSeeks("find(all, by id, 20)");
    }

    @Test
    void theNextPageInTheOrderOfAnIndexReadsThatIndexInOrder() {
        // through the SDK, as a listing or an export pages: the pages after the first seek past the previous page's last row
        source.recording = false;
        ContactService contacts = Contacts.builder().store(store).build().property(property.value()).contacts();
        Page<Contact> first = contacts.find(Query.all().withSort(Sort.asc("name")).withPageSize(20));
        source.recording = true;
        Page<Contact> second = contacts.find(Query.all().withSort(Sort.asc("name")).withPageSize(20).withCursor(first.nextCursor()));
        assertThat(second.items()).hasSize(20).doesNotContainAnyElementsOf(first.items());
        assertSeeks("the second page by name");
    }

    @Test
    void contactsByIdAreSoughtOneByOne() {
        List<ContactId> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(data.contact(property, i * 150).id());
        }
        assertThat(store.contacts().getAll(property, ids)).extracting(Contact::id).containsExactlyInAnyOrderElementsOf(ids);
        assertSeeks("getAll(20 ids)");
    }

    @Test
    void contactsByAddressAreSoughtOneByOne() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; emails.size() < 10 && i < CONTACTS; i += 37) {
            data.contact(property, i).emails().stream().findFirst().ifPresent(emails::add);
        }
        assertThat(emails).hasSize(10);
        Map<String, Contact> found = store.contacts().findByEmails(property, emails);
        assertThat(found).isNotEmpty();
        assertSeeks("findByEmails(10)");
    }

    @Test
    void aBatchInsertChecksItsIdsOneByOne() {
        List<Contact> batch = new ArrayList<>();
        source.recording = false;
        for (int i = 0; i < 20; i++) {
            Contact c = store.contacts().get(property, data.contact(property, 7 + i * 190).id()).orElseThrow();
            assertThat(store.contacts().delete(property, c.id())).isTrue();
            batch.add(c);
        }
        source.recording = true;
        store.contacts().insertAll(property, batch);
        assertSeeks("insertAll(20 contacts)");
    }

    @Test
    void aBatchUpdateLocksReadsAndReplacesItsContactsOnly() {
        source.recording = false;
        List<OrganizationId> organizations = data.organizations(property).stream().limit(2).map(Organization::id).toList();
        // a new job title, other organizations (the links are replaced) and other tags (the set rows are replaced)
        List<ContactUpdate> updates = twentyUpdates(11, (c, i) -> c.toBuilder().set("jobTitle", "Engineer " + i)
                .set("organization", organizations.subList(0, i % 3 == 0 ? 0 : 1 + i % 2)).set("tags", List.of("batch-" + i)));
        source.recording = true;
        store.contacts().updateAll(property, updates);
        assertSeeks("updateAll(20 contacts)");
    }

    @Test
    void removingATagLocksAndChangesTheTaggedContactsOnly() {
        source.recording = false;
        store.contacts().updateAll(property, twentyUpdates(13, (c, i) -> {
            List<String> tags = new ArrayList<>(c.tags());
            tags.add("tagged-for-removal");
            return c.toBuilder().set("tags", tags);
        }));
        source.recording = true;
        BulkResult removed = store.contacts().removeTags(property, Filter.attr("tags").is("tagged-for-removal"),
                List.of("tagged-for-removal"), Instant.now());
        assertThat(removed.changed()).isEqualTo(20);
        // the filter's own query (which contacts carry the tag) is not this test's subject
        source.explained.removeIf(e -> e.getKey().contains(" FROM contact t"));
        assertSeeks("removeTags(20 contacts)");
    }

    @Test
    void aContactsChatsReadTheirOwnTranscriptsOnly() {
        source.recording = false;
        Instant start = Instant.parse("2026-11-01T10:00:00Z");
        ContactId reader = data.contact(property, 17).id();
        // 40 chats of 20 messages, 2 of them the reader's: a read of every transcript reads 800 rows
        for (int i = 0; i < 40; i++) {
            ContactId contact = i < 2 ? reader : data.contact(property, 300 + i).id();
            List<ChatMessage> messages = new ArrayList<>();
            for (int m = 0; m < 20; m++) {
                messages.add(new ChatMessage(ChatMessage.Author.VISITOR, null, "message " + m, start.plusSeconds(i * 100L + m)));
            }
            store.activity().recordLiveChat(property, LiveChat.of("plan-chat-" + i, contact, start.plusSeconds(i * 100L), messages));
        }
        source.recording = true;
        List<LiveChat> chats = store.activity().listChats(property, reader, null, null, 10);
        assertThat(chats).hasSize(2).allSatisfy(c -> assertThat(c.messages()).hasSize(20));
        assertSeeks("listChats(a contact with 2 chats)");
    }

    /** @return updates of 20 stored contacts spread over the property (every 190th from {@code first}), each changed by {@code change} */
    private List<ContactUpdate> twentyUpdates(int first, BiFunction<Contact, Integer, Contact.Builder> change) {
        List<ContactUpdate> updates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Contact c = store.contacts().get(property, data.contact(property, first + i * 190).id()).orElseThrow();
            updates.add(new ContactUpdate(change.apply(c, i).version(c.version() + 1).build(), c.version()));
        }
        return updates;
    }

    private void assertSeeks(String call) {
        source.recording = false;
        List<Map.Entry<String, Long>> explained = List.copyOf(source.explained);
        assertThat(explained).as("statements explained for " + call).isNotEmpty();
        for (Map.Entry<String, Long> e : explained) {
            LOG.info("{}: {} rows read at most from one table by {}", call, e.getValue(), e.getKey());
            assertThat(e.getValue()).as("rows read from one table by %s (%s); plan:%n%s", e.getKey(), call, source.plans.get(e.getKey()))
                    .isLessThanOrEqualTo(MOST_ROWS_READ);
        }
    }
}

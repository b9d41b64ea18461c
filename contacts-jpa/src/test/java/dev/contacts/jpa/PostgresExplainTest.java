package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Operator;
import dev.contacts.internal.KeysetPlanner;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.query.Sort;
import dev.contacts.sample.SampleData;
import dev.contacts.sample.SampleSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plans PostgreSQL makes for the store's page queries on a property of 200,000 realistic
 * contacts (contacts-sample-data): a selective filter's first page and deep keyset pages
 * read the contact table through its indexes, never by a sequential scan. The data is loaded
 * with the store's own row encoders in JDBC batches of {@value #BATCH} contacts, one
 * transaction each ({@code reWriteBatchedInserts}), and analysed like a database in service;
 * each plan ({@code EXPLAIN ANALYZE}) is logged. Runs only on PostgreSQL
 * ({@code -Dcontacts.jpa.database=postgresql}) and says so when skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresExplainTest {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresExplainTest.class);
    private static final int CONTACTS = 200_000;
    private static final int BATCH = 1_000;
    /** A sequential scan of the contact table itself (aliased {@code t}), not of another table. */
    private static final Pattern CONTACT_SEQ_SCAN = Pattern.compile("Seq Scan on contact t\\b");
    private static final Pattern CONTACT_INDEX = Pattern.compile("Index (Only )?Scan( Backward)? using \\w+ on contact t\\b"
            + "|Bitmap Heap Scan on contact t\\b");

    private TestDatabase.Fresh db;
    private JpaStore store;
    private Connection connection;
    private SampleData data;
    private PropertyId property;

    @BeforeAll
    void loadAProperty() throws SQLException {
        if (!TestDatabase.postgres()) {
            LOG.warn("PostgresExplainTest SKIPPED: the EXPLAIN test runs only on PostgreSQL; this run is on {} "
                    + "(run it with -Dcontacts.jpa.database=postgresql)", TestDatabase.NAME);
        }
        Assumptions.assumeTrue(TestDatabase.postgres(), "the EXPLAIN test runs only on PostgreSQL (-Dcontacts.jpa.database=postgresql)");
        db = TestDatabase.fresh();
        store = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE);
        connection = DriverManager.getConnection(db.url() + "&reWriteBatchedInserts=true", db.user(), db.password());
        connection.setAutoCommit(false);
        data = SampleData.generate(SampleSpec.realistic(20261125L, CONTACTS));
        Property p = data.properties().get(0);
        property = p.id();
        store.properties().create(p);
        data.attributes(property).forEach(d -> store.attributes().create(property, d));
        long start = System.nanoTime();
        Db jdbc = new Db(connection, Dialect.POSTGRESQL, null);
        EntityRows organizations = new EntityRows(EntityTable.ORGANIZATIONS);
        List<Organization> orgs = data.organizations(property);
        for (int from = 0; from < orgs.size(); from += BATCH) {
            List<Organization> batch = orgs.subList(from, Math.min(orgs.size(), from + BATCH));
            organizations.insertMains(jdbc, property.value(), batch);
            if (from == 0) {
                connection.commit();
                store.updateStatistics(); // statistics before the foreign keys of the values are checked: see below
            }
            organizations.insertValues(jdbc, property.value(), batch);
            connection.commit();
        }
        store.updateStatistics();
        EntityRows contacts = new EntityRows(EntityTable.CONTACTS);
        Iterator<Contact> all = data.contactsStream(property).iterator();
        List<Contact> batch = new ArrayList<>(BATCH);
        int loaded = 0;
        int nextAnalyze = BATCH;
        while (all.hasNext()) {
            batch.add(all.next());
            if (batch.size() == BATCH || !all.hasNext()) {
                contacts.insertMains(jdbc, property.value(), batch);
                contacts.insertValues(jdbc, property.value(), batch);
                List<List<Sql.Binder>> links = new ArrayList<>();
                for (Contact c : batch) {
                    JpaContacts.addLinkRows(Dialect.POSTGRESQL, property.value(), c.id(), c.organizations(), links);
                }
                jdbc.batch(JpaContacts.INSERT_LINK, links);
                connection.commit();
                loaded += batch.size();
                batch.clear();
                if (loaded >= nextAnalyze) {
                    // as autovacuum would, sooner: without statistics PostgreSQL may check the foreign keys of the
                    // next batches through any index starting with property_id, scanning the whole property each time
                    store.updateStatistics();
                    nextAnalyze *= 4;
                }
            }
        }
        jdbc.update(jdbc.sql("UPDATE organization o SET contact_count = (SELECT COUNT(*) FROM contact_organization l WHERE "
                + "l.property_id = o.property_id AND l.organization_id = o.id) WHERE o.property_id = ").value(property.value()));
        connection.commit();
        LOG.info("loaded {} contacts and {} organizations in {} s (JDBC batches of {}, one transaction each)", CONTACTS, orgs.size(),
                (System.nanoTime() - start) / 1_000_000_000.0, BATCH);
        store.updateStatistics();
        assertThat(store.contacts().count(property, Filter.all())).isEqualTo(CONTACTS);
    }

    @AfterAll
    void dropTheProperty() throws Exception {
        TestDatabase.closeThenDrop(db, connection, store);
    }

    @Test
    void aSelectiveFiltersFirstPageUsesIndexes() throws SQLException {
        String email = data.contact(property, 123_457).emails().get(0);
        assertPlanUsesIndexes("first page of emails is \"" + email + "\"", Condition.of("emails", Operator.IS, email), null);
        assertPlanUsesIndexes("first page of tags is \"survey-sent\"", Condition.of("tags", Operator.IS, "survey-sent"), null);
    }

    @Test
    void aDeepKeysetPageUsesTheSortIndex() throws SQLException {
        assertPlanUsesIndexes("page after the 150,000th contact by lastSeen desc", Filter.all(), positionAfter("", 150_000));
    }

    @Test
    void aDeepKeysetPageOfAFilterUsesIndexes() throws SQLException {
        assertPlanUsesIndexes("page after the 5,000th contact of country is \"DE\" by lastSeen desc", Condition.of("country", Operator.IS, "DE"),
                positionAfter(" AND country_fold = 'de'", 5_000));
    }

    /** Where the previous page of a deep walk by lastSeen desc ended: the (lastSeen, id) of the row after {@code skipped} rows. */
    private KeysetPlanner.Position positionAfter(String condition, int skipped) throws SQLException {
        Db jdbc = new Db(connection, Dialect.POSTGRESQL, null);
        KeysetPlanner.Position at = jdbc.first(jdbc.sql("SELECT last_seen, id FROM contact WHERE property_id = ").value(property.value())
                .append(" AND last_seen IS NOT NULL" + condition + " ORDER BY last_seen DESC, id DESC OFFSET " + skipped + " LIMIT 1"),
                rs -> new KeysetPlanner.Position(jdbc.instant(rs, "last_seen"), new ContactId(jdbc.id(rs, "id")))).orElseThrow();
        connection.rollback();
        return at;
    }

    /**
     * Plans the page query the store runs for the first phase of a page (the core's keyset plan
     * of the default sort, {@code lastSeen desc}), prints it, and checks the contact table is
     * read through an index.
     */
    private void assertPlanUsesIndexes(String what, Filter filter, KeysetPlanner.Position after) throws SQLException {
        KeysetPlanner.Phase phase = KeysetPlanner.plan(Sort.CONTACT_DEFAULT, after).get(0);
        Db jdbc = new Db(connection, Dialect.POSTGRESQL, null);
        Sql page = ((JpaContacts) store.contacts()).findSql(jdbc, property.value(), Filter.and(filter, phase.predicate()), phase.order(), 51);
        List<String> lines = jdbc.list(jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) ").append(page), rs -> rs.getString(1));
        connection.rollback();
        String plan = String.join("\n", lines);
        LOG.info("plan of the {} ({} contacts):\n{}\n{}", what, CONTACTS, page.text(), plan);
        assertThat(CONTACT_SEQ_SCAN.matcher(plan).find()).as("a sequential scan of the contact table in the plan of the " + what + ":\n" + plan)
                .isFalse();
        assertThat(CONTACT_INDEX.matcher(plan).find()).as("an index read of the contact table in the plan of the " + what + ":\n" + plan)
                .isTrue();
    }
}

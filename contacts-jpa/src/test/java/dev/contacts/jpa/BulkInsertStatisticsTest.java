package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.model.Contact;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.sample.SampleData;
import dev.contacts.sample.SampleSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL, bulk inserts refresh the contact tables' planner statistics, so that the
 * foreign-key checks of the next batches seek the primary key instead of scanning the
 * property through another index (see {@link BulkInsertStatistics}).
 */
class BulkInsertStatisticsTest {
    private static final Logger LOG = LoggerFactory.getLogger(BulkInsertStatisticsTest.class);

    private TestDatabase.Fresh db;
    private JpaStore store;

    @AfterEach
    void drop() throws Exception {
        TestDatabase.closeThenDrop(db, store);
    }

    @Test
    void bulkInsertsRefreshThePlannerStatisticsEachTimeTheTableDoubled() throws SQLException {
        SampleData data = SampleData.generate(SampleSpec.realistic(7L, 3_500));
        PropertyId property = freshPropertyOnPostgres(data);
        data.organizations(property).forEach(o -> store.organizations().insert(property, o));
        List<Contact> contacts = data.contactsStream(property).toList();

        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            store.contacts().insertAll(property, contacts.subList(0, 500));
            assertThat(plannerRows(c)).as("no refresh before %d inserted rows", BulkInsertStatistics.FIRST_REFRESH)
                    .isLessThan(1_000);

            store.contacts().insertAll(property, contacts.subList(500, 1_000));
            assertThat(plannerRows(c)).as("refreshed at 1,000 inserted rows").isEqualTo(1_000);
            assertThat(foreignKeyPlan(c, property, contacts.get(0))).as("the foreign-key lookup seeks the primary key").contains("pk_contact");

            store.contacts().insertAll(property, contacts.subList(1_000, 1_900));
            assertThat(plannerRows(c)).as("not yet doubled").isEqualTo(1_000);
            store.contacts().insertAll(property, contacts.subList(1_900, 3_500));
            assertThat(plannerRows(c)).as("refreshed when the inserts doubled the table").isEqualTo(3_500);
        }
    }

    /**
     * Organizations are created one at a time; the store counts them and refreshes their
     * statistics as for contacts, because the name check's generic plan, fixed while the table
     * was nearly empty and never analysed, may otherwise stay a slow one for good.
     */
    @Test
    void organizationInsertsRefreshThePlannerStatisticsEachTimeTheTableDoubled() throws SQLException {
        SampleData data = SampleData.generate(SampleSpec.realistic(7L, 0).withOrganizationsPerProperty(2_100));
        PropertyId property = freshPropertyOnPostgres(data);
        List<dev.contacts.model.Organization> organizations = data.organizations(property);

        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            organizations.subList(0, 999).forEach(o -> store.organizations().insert(property, o));
            assertThat(plannerRows(c, "organization")).as("no refresh before %d inserted rows", BulkInsertStatistics.FIRST_REFRESH)
                    .isLessThan(999);
            store.organizations().insert(property, organizations.get(999));
            assertThat(plannerRows(c, "organization")).as("refreshed at 1,000 inserted organizations").isEqualTo(1_000);
            organizations.subList(1_000, 1_999).forEach(o -> store.organizations().insert(property, o));
            assertThat(plannerRows(c, "organization")).as("not yet doubled").isEqualTo(1_000);
            store.organizations().insert(property, organizations.get(1_999));
            assertThat(plannerRows(c, "organization")).as("refreshed when the inserts doubled the table").isEqualTo(2_000);
        }
    }

    /**
     * Skips the test, saying why, unless the run is on PostgreSQL; else opens a store on a
     * fresh database with the data's first property and its attributes.
     */
    private PropertyId freshPropertyOnPostgres(SampleData data) {
        if (!TestDatabase.postgres()) {
            LOG.warn("BulkInsertStatisticsTest SKIPPED: PostgreSQL's planner statistics only; this run is on {} "
                    + "(run it with -Dcontacts.jpa.database=postgresql)", TestDatabase.NAME);
        }
        Assumptions.assumeTrue(TestDatabase.postgres(), "PostgreSQL only (-Dcontacts.jpa.database=postgresql)");
        db = TestDatabase.fresh();
        store = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE);
        Property p = data.properties().get(0);
        store.properties().create(p);
        data.attributes(p.id()).forEach(d -> store.attributes().create(p.id(), d));
        return p.id();
    }

    private static long plannerRows(Connection c) throws SQLException {
        return plannerRows(c, "contact");
    }

    private static long plannerRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT reltuples FROM pg_class WHERE oid = to_regclass('" + table + "')")) {
            r.next();
            return (long) r.getFloat(1);
        }
    }

    private static String foreignKeyPlan(Connection c, PropertyId property, Contact contact) throws SQLException {
        try (var ps = c.prepareStatement("EXPLAIN SELECT 1 FROM contact WHERE property_id = ? AND id = ?")) {
            ps.setString(1, property.value());
            ps.setObject(2, contact.id().value());
            StringBuilder plan = new StringBuilder();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}

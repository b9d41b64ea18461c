package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.query.Segment;
import dev.contacts.query.Sort;
import dev.contacts.spi.WorkMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looking up an organization or a segment by its folded name (an import naming an
 * organization, a rename, a segment save) seeks an index on every database. On MariaDB the
 * unique keys on those folds are hash keys, which MariaDB enforces but never seeks: until
 * schema version 6 every such lookup read all the organizations of the property (found by
 * the 1,000,000-contact benchmark load: 64 organizations per second). Checked with the
 * database's own {@code EXPLAIN} of the store's statements, on a property of 400
 * organizations and 400 segments.
 */
class NameLookupPlanTest {
    private static final Logger LOG = LoggerFactory.getLogger(NameLookupPlanTest.class);
    private static final PropertyId P = PropertyId.of("acme");
    private static final Instant SAVED = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void organizationAndSegmentNamesAreLookedUpThroughAnIndex() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        JpaStore store = null;
        try {
            store = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE);
            store.properties().create(Property.of(P.value(), "ACME", ZoneOffset.UTC));
            JpaStore s = store;
            s.unitOfWork(P, WorkMode.WRITE, () -> {
                for (int i = 0; i < 400; i++) {
                    s.organizations().insert(P, Organization.builder(OrganizationId.generate()).set("name", "Organization " + i).build());
                    s.segments().insert(P, new Segment(SegmentId.generate(), Target.CONTACT, "Segment " + i, "tags is \"t" + i + "\"",
                            List.of("name"), Sort.CONTACT_DEFAULT, 1, SAVED, SAVED));
                }
                return null;
            });
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                analyze(c);
                String organization = plan(c, "SELECT id FROM organization WHERE property_id = ? AND name_fold = ?", "organization 7");
                String segment = plan(c, "SELECT id FROM segment WHERE property_id = ? AND target = 'CONTACT' AND name_fold = ?", "segment 7");
                LOG.info("name lookups on {}:\n  organization: {}\n  segment: {}", TestDatabase.NAME, organization, segment);
                assertThat(organization).as("the organization lookup's plan").containsAnyOf(expectedIndexes("organization"));
                assertThat(segment).as("the segment lookup's plan").containsAnyOf(expectedIndexes("segment"));
            }
        } finally {
            TestDatabase.closeThenDrop(db, store);
        }
    }

    /** The indexes that serve the lookup on this database, lower case. */
    private static String[] expectedIndexes(String table) {
        return TestDatabase.NAME.equals("mariadb")
                ? new String[] {"key=ix_" + table + "_name_lookup"} // the key chosen, not one of possible_keys
                : new String[] {"uq_" + table + "_name"};
    }

    private static void analyze(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            switch (TestDatabase.NAME) {
                case "postgresql":
                    s.execute("ANALYZE organization");
                    s.execute("ANALYZE segment");
                    s.execute("SET enable_seqscan = off"); // 400 rows fit in a few pages: a scan could win on cost alone
                    break;
                case "mariadb":
                    s.execute("ANALYZE TABLE organization, segment");
                    break;
                default:
                    s.execute("ANALYZE");
            }
        }
    }

    /** @return the database's plan of the statement, as one lower-case line */
    private static String plan(Connection c, String sql, String fold) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
            s.setString(1, P.value());
            s.setString(2, fold);
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        cells.add(r.getMetaData().getColumnLabel(i) + "=" + r.getString(i));
                    }
                    lines.add(String.join(" ", cells));
                }
            }
        }
        return String.join(" | ", lines).toLowerCase(Locale.ROOT);
    }
}

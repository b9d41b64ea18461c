package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ContactStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Citus routing check itself (its checker and its recorder; {@link CitusRoutingExtension}
 * applies it to every test class of this module): a statement without an equality on
 * {@code property_id} is caught, the store's statements are seen, and every primary and
 * unique key of the created schema starts with the distribution column.
 */
class CitusRoutingTest {
    private final CitusRouting checker = CitusRouting.ofSchema();

    private CitusRouting.Kind kind(String sql) {
        return checker.check(sql).kind();
    }

    @Test
    void statementsWithoutAnEqualityOnPropertyIdAreViolations() {
        for (String sql : List.of(
                "SELECT id FROM contact WHERE id = ?",
                "SELECT id FROM contact",
                "DELETE FROM contact_tag WHERE contact_id = ?",
                "UPDATE contact SET version = version + 1 WHERE id = ?",
                "SELECT t.id FROM contact t WHERE t.property_id = ? OR t.id = ?",
                "SELECT t.id FROM contact t WHERE (t.id = ? OR t.property_id = ?) AND t.version = 1",
                "SELECT t.id FROM contact t WHERE t.property_id IN (?, ?)",
                "SELECT t.id FROM contact t WHERE t.property_id <> ?",
                "SELECT t.id FROM contact t WHERE NOT (t.property_id = ?)",
                "SELECT t.id FROM contact t WHERE COALESCE(t.property_id = ?, TRUE)",
                // the joined table is not pinned
                "SELECT t.id FROM contact t JOIN contact_tag g ON g.contact_id = t.id WHERE t.property_id = ?",
                // the subquery's table is not pinned, though the outer one is
                "SELECT t.id FROM contact t WHERE t.property_id = ? AND EXISTS (SELECT 1 FROM contact_tag g WHERE g.contact_id = t.id)",
                // each branch of a union needs its own
                "SELECT id FROM contact WHERE property_id = ? UNION ALL SELECT id FROM organization WHERE name_fold = ?",
                // an equality on another table's property_id (ambiguous bare column)
                "SELECT t.id FROM contact t, contact_tag g WHERE property_id = ?",
                "INSERT INTO contact_tag (contact_id, position, display, fold) VALUES (?, ?, ?, ?)",
                "INSERT INTO contact_tag (property_id, contact_id, position, display, fold) SELECT property_id, id, 0, 'a', 'a' FROM contact",
                "SELECT * FROM some_new_table WHERE property_id = ?",
                "EXPLAIN (ANALYZE, BUFFERS) SELECT t.id FROM contact t ORDER BY t.id",
                "SET STATEMENT max_sort_length = 8192 FOR SELECT t.id FROM contact t ORDER BY t.id",
                "SELECT * FROM (contact t JOIN contact_tag g ON g.property_id = t.property_id) WHERE t.property_id = ?",
                // a data-modifying WITH: each of its statements needs its own
                "WITH e AS (INSERT INTO activity_event (property_id, id) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING 1), "
                        + "u AS (UPDATE contact SET version = version + 1 WHERE id = ? AND EXISTS (SELECT 1 FROM e) RETURNING 1) "
                        + "SELECT (SELECT COUNT(*) FROM e), (SELECT COUNT(*) FROM u)",
                // H2's id-set delete: the ON condition must pin the target
                "MERGE INTO contact_tag USING UNNEST(CAST(? AS UUID ARRAY)) set_(v) ON contact_tag.contact_id = set_.v WHEN MATCHED THEN DELETE",
                "MERGE INTO contact USING UNNEST(?) set_(v) ON contact.property_id = ? OR contact.id = set_.v WHEN MATCHED THEN DELETE",
                "TRUNCATE contact",
                "SELECT 1; DELETE FROM contact",
                // a derived table's alias relays an equality but does not make one: the correlated subquery is not pinned
                "SELECT t.id FROM (SELECT * FROM contact t WHERE t.property_id = ? ORDER BY t.id LIMIT 100) t WHERE EXISTS "
                        + "(SELECT 1 FROM contact_tag x WHERE x.property_id = t.property_id AND x.contact_id = t.id)")) {
            assertThat(kind(sql)).as(sql).isEqualTo(CitusRouting.Kind.VIOLATION);
        }
    }

    @Test
    void routerQueriesPass() {
        for (String sql : List.of(
                "SELECT id FROM contact WHERE property_id = ? AND id = ?",
                "select c1_0.id from contact c1_0 where c1_0.property_id=? and c1_0.id=?",
                "select c1_0.id from contact c1_0 where (c1_0.property_id,c1_0.id)=(?,?)",
                "select c1_0.id from contact c1_0 where (c1_0.property_id,c1_0.id) in ((?,?))",
                "SELECT t.id FROM contact t WHERE t.property_id = 'p1' AND (t.id = ? OR t.version = ?)",
                "SELECT t.id FROM contact t JOIN contact_tag g ON g.property_id = t.property_id AND g.contact_id = t.id WHERE t.property_id = ?",
                "SELECT t.id FROM contact t WHERE t.property_id = ? AND EXISTS (SELECT 1 FROM contact_tag g WHERE g.property_id = t.property_id "
                        + "AND g.contact_id = t.id AND (g.fold = ? OR g.fold = ?))",
                "SELECT t.*, (SELECT catalog_version FROM property WHERE id = ?) AS cv FROM contact t WHERE t.property_id = ? FOR UPDATE",
                "(SELECT id FROM contact WHERE property_id = ? ORDER BY id LIMIT 3) UNION (SELECT id FROM contact WHERE property_id = ? ORDER BY id LIMIT 3)",
                "INSERT INTO contact_tag (property_id, contact_id, position, display, fold) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)",
                "INSERT INTO attribute_definition (property_id, target, name, label, type, position) SELECT ?, ?, ?, ?, ?, "
                        + "COALESCE(MAX(position), 0) + 1 FROM attribute_definition WHERE property_id = ? AND target = ?",
                "UPDATE contact SET version = version + 1 WHERE property_id = ? AND id = ANY(?)",
                "EXPLAIN (ANALYZE, BUFFERS) SELECT t.id FROM contact t WHERE t.property_id = ? ORDER BY t.id",
                "SET STATEMENT max_sort_length = 8192 FOR SELECT t.*, (SELECT catalog_version FROM property WHERE id = ?) AS v FROM contact t "
                        + "WHERE t.property_id = ? ORDER BY t.id DESC LIMIT 2",
                "DELETE FROM contact_tag WHERE property_id = ? AND contact_id IN (?, ?)",
                "WITH e AS (INSERT INTO activity_event (property_id, id) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING 1), "
                        + "u AS (UPDATE contact SET version = version + 1 WHERE property_id = ? AND id = ? AND EXISTS (SELECT 1 FROM e) RETURNING 1) "
                        + "SELECT (SELECT COUNT(*) FROM e), (SELECT COUNT(*) FROM u)",
                "MERGE INTO contact_tag USING UNNEST(CAST(? AS UUID ARRAY)) set_(v) ON contact_tag.property_id = ? AND contact_tag.contact_id = set_.v "
                        + "WHEN MATCHED AND fold IN (?) THEN DELETE",
                "MERGE INTO contact USING UNNEST(CAST(? AS UUID ARRAY)) set_(v) ON contact.property_id = ? AND contact.id = set_.v "
                        + "WHEN MATCHED THEN UPDATE SET version = version + 1, updated = ?",
                // the bounded walk of an or: the outer level states the property for the correlated subqueries
                "SELECT t.id FROM (SELECT * FROM contact t WHERE t.property_id = ? ORDER BY t.id LIMIT 100) t WHERE t.property_id = ? "
                        + "AND (EXISTS (SELECT 1 FROM contact_tag x WHERE x.property_id = t.property_id AND x.contact_id = t.id) "
                        + "OR t.id = ?) ORDER BY t.id LIMIT 2")) {
            assertThat(checker.check(sql)).as(sql).extracting(CitusRouting.Verdict::kind).isEqualTo(CitusRouting.Kind.ROUTER);
        }
        assertThat(kind("SELECT id, name, zone FROM property ORDER BY id")).isEqualTo(CitusRouting.Kind.EXEMPT);
        assertThat(kind("SELECT id, name, zone FROM property")).isEqualTo(CitusRouting.Kind.EXEMPT);
        assertThat(kind("SELECT id, name, zone FROM property WHERE zone = ?")).isEqualTo(CitusRouting.Kind.VIOLATION);
        assertThat(kind("SELECT id, name, zone FROM property WHERE id = ?")).isEqualTo(CitusRouting.Kind.ROUTER);
        assertThat(kind("UPDATE property SET catalog_version = catalog_version + 1 WHERE zone = ?")).isEqualTo(CitusRouting.Kind.VIOLATION);
        assertThat(kind("SELECT COALESCE(MAX(version), 0) FROM contacts_schema_version")).isEqualTo(CitusRouting.Kind.REFERENCE_ONLY);
        assertThat(kind("ANALYZE contact")).isEqualTo(CitusRouting.Kind.EXEMPT);
        assertThat(kind("SET LOCAL lock_timeout = '10s'")).isEqualTo(CitusRouting.Kind.NO_TABLE);
    }

    @Test
    void theRecorderSeesTheStoresStatementsAndNotTheTestsOwn() throws Exception {
        RoutingRecorder.install();
        RoutingRecorder.Totals before = RoutingRecorder.totals();
        ContactStore store = TestDatabase.newStore();
        try {
            store.properties().create(Property.of("acme", "Acme", ZoneId.of("UTC")));
            assertThat(store.contacts().findByEmail(PropertyId.of("acme"), "ada@example.com")).isEmpty();
        } finally {
            store.close();
        }
        RoutingRecorder.Totals after = RoutingRecorder.totals();
        assertThat(after.byKind().getOrDefault(CitusRouting.Kind.ROUTER, 0L)).isGreaterThan(before.byKind().getOrDefault(CitusRouting.Kind.ROUTER, 0L));
        assertThat(after.byKind().getOrDefault(CitusRouting.Kind.EXEMPT, 0L)).as("the schema DDL")
                .isGreaterThan(before.byKind().getOrDefault(CitusRouting.Kind.EXEMPT, 0L));
        assertThat(after.violations()).isEqualTo(before.violations());

        // a statement of the test itself is counted apart; the same statement from the store's code would be a violation
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            long own = RoutingRecorder.totals().testsOwn();
            try (PreparedStatement ps = c.prepareStatement("SELECT 1")) {
                ps.executeQuery().close();
            }
            assertThat(RoutingRecorder.totals().testsOwn()).isEqualTo(own + 1);
        } finally {
            db.drop();
        }
        assertThat(RoutingRecorder.issuedByStore()).as("a test's own frame").isFalse();
    }

    @Test
    void everyPrimaryAndUniqueKeyStartsWithPropertyId() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        JpaStore store = null;
        try {
            store = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE);
            Set<String> distributed = CitusRouting.distributedTables();
            List<String> keys = new ArrayList<>();
            Set<String> tablesWithPrimaryKey = new TreeSet<>();
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                String schema = TestDatabase.NAME.equals("mariadb") ? c.getCatalog() : c.getSchema();
                try (PreparedStatement ps = c.prepareStatement("SELECT tc.table_name, tc.constraint_name, tc.constraint_type, k.column_name "
                        + "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k "
                        + "ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name "
                        + "WHERE tc.table_schema = ? AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE') AND k.ordinal_position = 1")) {
                    ps.setString(1, schema);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String table = rs.getString(1).toLowerCase(java.util.Locale.ROOT);
                            if (!distributed.contains(table)) {
                                continue;
                            }
                            String type = rs.getString(3);
                            String first = rs.getString(4).toLowerCase(java.util.Locale.ROOT);
                            keys.add(table + "." + rs.getString(2) + " (" + type + ") starts with "
                                    + (first.equals(CitusRouting.distributionColumn(table)) ? "the distribution column" : first));
                            if (type.equals("PRIMARY KEY")) {
                                tablesWithPrimaryKey.add(table);
                            }
                        }
                    }
                }
            }
            assertThat(tablesWithPrimaryKey).as("every distributed table has a primary key").containsExactlyInAnyOrderElementsOf(distributed);
            assertThat(keys).as("unique keys are found too").anyMatch(k -> k.contains("(UNIQUE)"));
            assertThat(keys).allMatch(k -> k.endsWith("starts with the distribution column"), "starts with property_id (id for property)");
        } finally {
            TestDatabase.closeThenDrop(db, store);
        }
    }

    @Test
    void theUserDocsDistributeEveryTableOfTheSchema() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "scaling-out.md"));
        Set<String> distributed = new TreeSet<>();
        Matcher m = Pattern.compile("create_distributed_table\\('(\\w+)', '(\\w+)'(?:, colocate_with => 'property')?\\)").matcher(page);
        while (m.find()) {
            assertThat(m.group(2)).as(m.group()).isEqualTo(CitusRouting.distributionColumn(m.group(1)));
            distributed.add(m.group(1));
        }
        Set<String> reference = new TreeSet<>();
        Matcher r = Pattern.compile("create_reference_table\\('(\\w+)'\\)").matcher(page);
        while (r.find()) {
            reference.add(r.group(1));
        }
        assertThat(distributed).containsExactlyInAnyOrderElementsOf(CitusRouting.distributedTables());
        assertThat(reference).containsExactlyInAnyOrderElementsOf(CitusRouting.REFERENCE_TABLES);
        List<String> inOrder = new ArrayList<>(CitusRouting.distributedTables());
        List<String> documented = new ArrayList<>();
        Matcher o = Pattern.compile("create_distributed_table\\('(\\w+)'").matcher(page);
        while (o.find()) {
            documented.add(o.group(1));
        }
        assertThat(documented).as("in the order the schema files create them (parents first)").isEqualTo(inOrder);
    }
}

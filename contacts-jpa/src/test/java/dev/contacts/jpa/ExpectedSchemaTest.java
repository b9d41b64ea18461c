package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What {@link ExpectedSchema} reads from the SQL files of each dialect: the named keys and
 * indexes after every version (a constraint a later version drops is no longer expected),
 * and the collations the files give text columns.
 */
class ExpectedSchemaTest {

    @Test
    void everyDialectExpectsTheKeysAndIndexesOfAllVersionsMinusTheDroppedOnes() {
        for (Dialect dialect : Dialect.values()) {
            Set<String> names = names(ExpectedSchema.of(dialect, SchemaInstaller.VERSIONS));
            assertThat(names).as(dialect.name()).contains("contact_email/uq_contact_email_fold", "contact/ix_contact_name",
                    "contact_email/fk_contact_email_owner", "note/ck_note_parent", "ticket/fk_ticket_property", "contact/primary key");
            assertThat(names).as(dialect + ": V3 drops it").doesNotContain("ticket/fk_ticket_contact");
        }
    }

    @Test
    void anEarlierVersionExpectsWhatItHad() {
        for (Dialect dialect : Dialect.values()) {
            Set<String> names = names(ExpectedSchema.of(dialect, SchemaInstaller.VERSIONS.subList(0, 1)));
            assertThat(names).as(dialect.name()).contains("ticket/fk_ticket_contact").doesNotContain("note/ix_note_contact",
                    "segment/uq_segment_name");
        }
    }

    @Test
    void theDialectsCreateTheSameNamedKeysAndIndexes() {
        Map<Dialect, Set<String>> byDialect = new EnumMap<>(Dialect.class);
        for (Dialect dialect : Dialect.values()) {
            byDialect.put(dialect, names(ExpectedSchema.of(dialect, SchemaInstaller.VERSIONS)));
        }
        // a key or index one dialect's files forget is a bug of that dialect; one meant for a single dialect needs an exception here
        // V6: MariaDB's B-tree lookups beside its hash unique keys on name folds (the other dialects seek the unique keys)
        Set<String> mariadbOnly = Set.of("organization/ix_organization_name_lookup", "segment/ix_segment_name_lookup");
        assertThat(byDialect.get(Dialect.MARIADB)).containsAll(mariadbOnly);
        Set<String> mariadb = new TreeSet<>(byDialect.get(Dialect.MARIADB));
        mariadb.removeAll(mariadbOnly);
        assertThat(byDialect.get(Dialect.POSTGRESQL)).as("PostgreSQL and MariaDB").isEqualTo(mariadb);
        assertThat(byDialect.get(Dialect.POSTGRESQL)).as("PostgreSQL and H2").isEqualTo(byDialect.get(Dialect.H2));
    }

    @Test
    void theFoldsHaveTheCollationOfTheirDialect() {
        assertThat(collations(Dialect.POSTGRESQL)).containsEntry("contact.name_fold", "C").containsEntry("contact_email.fold", "C")
                .containsEntry("property.id", "C").doesNotContainKey("contact.name");
        assertThat(collations(Dialect.MARIADB)).containsEntry("contact.name_fold", "utf8mb4_nopad_bin")
                .containsEntry("contact.name", "utf8mb4_nopad_bin").containsEntry("property.id", "ascii_bin")
                .doesNotContainKey("contact.created");
        assertThat(collations(Dialect.H2)).containsEntry("contact.name_fold", "OFF").doesNotContainKey("contact.created");
    }

    @Test
    void laterVersionsCanAddDropRenameAndChangeWhatEarlierOnesCreated() {
        ExpectedSchema pg = ExpectedSchema.ofStatements(Dialect.POSTGRESQL, List.of(
                "CREATE TABLE t (property_id VARCHAR(63) COLLATE \"C\" NOT NULL, a NUMERIC(24, 6), b VARCHAR(10), "
                        + "CONSTRAINT pk_t PRIMARY KEY (property_id), CONSTRAINT ck_t CHECK (a IN (1, 2)))",
                "CREATE UNIQUE INDEX ux_t_b ON t (property_id, b)",
                "CREATE INDEX ix_t_a ON t (property_id, a)",
                "CREATE INDEX IF NOT EXISTS ix_t_old ON t (property_id, a)",
                "ALTER TABLE t ADD COLUMN c_fold VARCHAR(2000) COLLATE \"C\", ADD CONSTRAINT uq_t_c UNIQUE (property_id, c_fold)",
                "ALTER TABLE t ALTER COLUMN b TYPE VARCHAR(20) COLLATE \"C\"",
                "ALTER INDEX ix_t_a RENAME TO ix_t_a2",
                "ALTER TABLE t RENAME CONSTRAINT ck_t TO ck_t2",
                "DROP INDEX IF EXISTS ix_t_old",
                "UPDATE t SET b = 'x'",
                "CREATE TABLE gone (id INT, CONSTRAINT pk_gone PRIMARY KEY (id))",
                "CREATE INDEX ix_gone ON gone (id)",
                "DROP TABLE gone"));
        assertThat(names(pg)).containsExactlyInAnyOrder("t/primary key", "t/ck_t2", "t/ux_t_b", "t/ix_t_a2", "t/uq_t_c");
        assertThat(pg.collations()).extracting(c -> c.table() + "." + c.column() + "=" + c.collation())
                .containsExactlyInAnyOrder("t.property_id=C", "t.c_fold=C", "t.b=C");

        ExpectedSchema maria = ExpectedSchema.ofStatements(Dialect.MARIADB, List.of(
                "CREATE TABLE t (id VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, x TEXT, n BIGINT, "
                        + "PRIMARY KEY (id), UNIQUE KEY uk_t_x (x(100)), CONSTRAINT fk_t FOREIGN KEY (id) REFERENCES p (id)) "
                        + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin",
                "ALTER TABLE t DROP FOREIGN KEY fk_t, ADD INDEX ix_t_n (n), MODIFY x VARCHAR(100) COLLATE utf8mb4_bin, DROP COLUMN n"));
        assertThat(names(maria)).containsExactlyInAnyOrder("t/primary key", "t/uk_t_x", "t/ix_t_n");
        assertThat(maria.collations()).extracting(c -> c.table() + "." + c.column() + "=" + c.collation())
                .containsExactlyInAnyOrder("t.id=ascii_bin", "t.x=utf8mb4_bin");
    }

    private static Set<String> names(ExpectedSchema schema) {
        return schema.objects().stream().map(o -> o.table() + "/" + (o.kind() == ExpectedSchema.Kind.PRIMARY_KEY ? "primary key" : o.name()))
                .collect(Collectors.toSet());
    }

    private static Map<String, String> collations(Dialect dialect) {
        return ExpectedSchema.of(dialect, SchemaInstaller.VERSIONS).collations().stream()
                .collect(Collectors.toMap(c -> c.table() + "." + c.column(), ExpectedSchema.ColumnCollation::collation));
    }
}

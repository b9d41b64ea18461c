package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.contacts.StoreException;
import dev.contacts.model.Property;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned schema files and the entity mapping agree on the database of this run:
 * a database created by {@link SchemaMode#CREATE} passes validation, creating again applies
 * nothing, and a damaged schema (a column, key, index, collation or recorded version
 * missing) fails validation with a {@link StoreException} that names what is missing.
 */
class SchemaValidationTest {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaValidationTest.class);

    @Test
    void aCreatedSchemaValidatesAndIsNotAppliedTwice() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (JpaStore created = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE)) {
            created.properties().create(Property.of("p1", "One", ZoneOffset.UTC));
            try (JpaStore validated = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.VALIDATE);
                 JpaStore again = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE)) {
                assertThat(validated.properties().list()).extracting(p -> p.id().value()).containsExactly("p1");
                assertThat(again.properties().list()).hasSize(1);
            }
        } finally {
            db.drop();
        }
    }

    @Test
    void aDamagedSchemaFailsValidation() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (JpaStore created = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE)) {
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE contact DROP COLUMN ip");
            }
            assertThatThrownBy(() -> JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.VALIDATE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("[ip]");
        } finally {
            db.drop();
        }
    }

    @Test
    void aDroppedUniqueKeyOrIndexFailsValidationNamingIt() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (JpaStore created = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE)) {
            boolean mariadb = TestDatabase.NAME.equals("mariadb");
            execute(db, mariadb ? "DROP INDEX ix_contact_name ON contact" : "DROP INDEX ix_contact_name",
                    "ALTER TABLE contact_email DROP " + (mariadb ? "INDEX" : "CONSTRAINT") + " uq_contact_email_fold");
            assertThatThrownBy(() -> JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.VALIDATE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("table contact lacks index ix_contact_name")
                    .hasMessageContaining("table contact_email lacks unique key uq_contact_email_fold")
                    .hasMessageContaining("changed after the SDK's files were applied");
        } finally {
            db.drop();
        }
    }

    @Test
    void aVersionMissingFromTheVersionTableFailsValidationNamingIt() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (JpaStore created = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE)) {
            int last = SchemaInstaller.VERSIONS.size();
            execute(db, "DELETE FROM contacts_schema_version WHERE version = " + last);
            assertThatThrownBy(() -> JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.VALIDATE))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("contacts_schema_version lacks version " + last + " (" + SchemaInstaller.VERSIONS.get(last - 1) + ")")
                    .hasMessageContaining("SchemaMode.CREATE");
        } finally {
            db.drop();
        }
    }

    @Test
    void aFoldInAnotherCollationFailsValidation() throws Exception {
        String h2 = "H2 has one collation per database, set only while it is empty: no column to damage";
        if (TestDatabase.NAME.equals("h2")) {
            LOG.info("aFoldInAnotherCollationFailsValidation skipped: {}", h2);
        }
        assumeFalse(TestDatabase.NAME.equals("h2"), h2);
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (JpaStore created = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE)) {
            execute(db, TestDatabase.postgres() ? "ALTER TABLE contact ALTER COLUMN name_fold TYPE VARCHAR(2000) COLLATE \"default\""
                    : "ALTER TABLE contact MODIFY name_fold TEXT COLLATE utf8mb4_unicode_ci");
            assertThatThrownBy(() -> JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.VALIDATE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("the text column contact.name_fold has")
                    .hasMessageContaining(TestDatabase.postgres() ? "instead of collation \"C\"" : "instead of collation \"utf8mb4_nopad_bin\"");
        } finally {
            db.drop();
        }
    }

    /**
     * The files applied by a tool that records them elsewhere (the host's own Flyway history):
     * validation and creation say so and give the statements that record the versions, which
     * then make validation pass.
     */
    @Test
    void filesAppliedWithoutTheVersionTableAreToldHowToRecordThem() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (JpaStore created = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE)) {
            execute(db, "DROP TABLE contacts_schema_version");
            assertThatThrownBy(() -> JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("keys and indexes are all there")
                    .hasMessageNotContaining("already exists").hasMessageNotContaining("created by Hibernate");
            Throwable refused = catchThrowable(() -> JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.VALIDATE));
            assertThat(refused).isInstanceOf(StoreException.class).hasMessageContaining("keys and indexes are all there");
            String message = refused.getMessage();
            String marker = "applies only newer versions: ";
            String statements = message.substring(message.indexOf(marker) + marker.length(), message.indexOf(" (one row per version"));
            execute(db, statements.split("; "));
            try (JpaStore validated = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.VALIDATE)) {
                assertThat(validated.properties().list()).isEmpty();
            }
        } finally {
            db.drop();
        }
    }

    /** Flyway run with {@code table("contacts_schema_version")} keeps its history there: validation reads it, creation leaves it to Flyway. */
    @Test
    void aFlywayHistoryAsVersionTableIsReadByValidationAndRefusedByCreation() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (JpaStore created = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE)) {
            execute(db, "DROP TABLE contacts_schema_version", "CREATE TABLE contacts_schema_version (installed_rank INT NOT NULL, "
                    + "version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, "
                    + "checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, "
                    + "execution_time INT NOT NULL, success BOOLEAN NOT NULL, PRIMARY KEY (installed_rank))");
            int last = SchemaInstaller.VERSIONS.size();
            for (int v = 1; v <= last; v++) {
                execute(db, "INSERT INTO contacts_schema_version (installed_rank, version, description, type, script, installed_by, "
                        + "execution_time, success) VALUES (" + v + ", '" + v + "', 'contacts', 'SQL', '" + SchemaInstaller.VERSIONS.get(v - 1)
                        + "', 'app', 1, " + (v < last) + ")");
            }
            assertThatThrownBy(() -> JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.VALIDATE))
                    .as("a failed migration is not applied").isInstanceOf(StoreException.class)
                    .hasMessageContaining("contacts_schema_version lacks version " + last);
            assertThatThrownBy(() -> JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.CREATE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("Flyway").hasMessageContaining("SchemaMode.VALIDATE");
            execute(db, "UPDATE contacts_schema_version SET success = " + true);
            // last: closing a store of its own on in-memory H2 drops the database
            try (JpaStore validated = JpaStore.create(db.url(), db.user(), db.password(), SchemaMode.VALIDATE)) {
                assertThat(validated.properties().list()).isEmpty();
            }
        } finally {
            db.drop();
        }
    }

    private static void execute(TestDatabase.Fresh db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}

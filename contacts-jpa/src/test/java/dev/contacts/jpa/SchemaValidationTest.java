package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.StoreException;
import dev.contacts.model.Property;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The versioned schema files and the entity mapping agree on the database of this run:
 * a database created by {@link SchemaMode#CREATE} passes Hibernate's validation, creating
 * again applies nothing, and a damaged schema fails validation with a {@link StoreException}.
 */
class SchemaValidationTest {

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
}

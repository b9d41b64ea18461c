package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.ConflictException;
import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.Property;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lock timeouts are lost races, not failures: a call that waited too long for a row another
 * transaction holds (PostgreSQL 55P03, MariaDB 1205, H2's lock timeout) is rolled back and
 * run again; a rollback that fails on the way is added to the original failure as
 * suppressed and never replaces it, nor stops the retry.
 */
class LockTimeoutTest {
    private TestDatabase.Fresh db;
    private CountingDataSource dataSource;
    private EntityManagerFactory emf;
    private JpaStore store;
    private Contacts sdk;
    private PropertyContacts acme;

    /** The database's URL with a short lock timeout for the store's sessions. */
    private static String withShortLockTimeout(String url) {
        switch (TestDatabase.NAME) {
            case "postgresql":
                return url + (url.contains("?") ? "&" : "?") + "options=-c%20lock_timeout%3D300";
            case "mariadb":
                return url + (url.contains("?") ? "&" : "?") + "sessionVariables=innodb_lock_wait_timeout=1";
            default:
                return url + ";LOCK_TIMEOUT=300";
        }
    }

    private void open() {
        db = TestDatabase.fresh();
        dataSource = new CountingDataSource(withShortLockTimeout(db.url()), db, 10);
        emf = dataSource.hostUnit();
        store = JpaStore.create(emf, SchemaMode.CREATE);
        sdk = Contacts.builder().store(store).build();
        sdk.createProperty(Property.of("acme", "ACME", ZoneOffset.UTC));
        acme = sdk.property("acme");
    }

    @AfterEach
    void close() throws Exception {
        TestDatabase.closeThenDrop(db, sdk, store, emf);
    }

    /** Locks the property's contacts in another transaction and releases them after {@code millis}. */
    private CompletableFuture<Void> holdLocks(long millis) throws SQLException {
        Connection blocker = DriverManager.getConnection(db.url(), db.user(), db.password());
        blocker.setAutoCommit(false);
        try (Statement s = blocker.createStatement()) {
            s.executeQuery("SELECT id FROM contact WHERE property_id = 'acme' FOR UPDATE").close();
        }
        return CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(millis);
                blocker.rollback();
                blocker.close();
            } catch (InterruptedException | SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aLockTimeoutIsRetriedUntilTheLockIsReleased() throws Exception {
        open();
        Contact ada = acme.contacts().create(AttributeChanges.builder().set("emails", List.of("ada@example.com")).build());
        dataSource.failRollbacks = true; // and every rollback of the timed-out attempts fails
        CompletableFuture<Void> released = holdLocks(2500);

        long start = System.nanoTime();
        Contact updated = acme.contacts().update(ada.id(), AttributeChanges.builder().set("city", "London").build());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        released.get(30, TimeUnit.SECONDS);
        dataSource.failRollbacks = false;

        assertThat(updated.value("city")).isEqualTo("London");
        assertThat(acme.contacts().get(ada.id()).value("city")).isEqualTo("London");
        assertThat(waited).as("the update waited for the lock").isGreaterThanOrEqualTo(2000);
        assertThat(dataSource.failedRollbacks.get()).as("attempts that timed out and were rolled back").isPositive();
    }

    @Test
    void aFailedRollbackIsSuppressedNotThrownInsteadOfTheCause() {
        open();
        acme.contacts().create(AttributeChanges.builder().set("emails", List.of("taken@example.com")).build());
        Contact bob = acme.contacts().create(AttributeChanges.builder().set("emails", List.of("bob@example.com")).build());
        dataSource.failRollbacks = true;

        assertThatThrownBy(() -> acme.contacts().update(bob.id(), AttributeChanges.builder()
                .set("emails", List.of("bob@example.com", "taken@example.com")).build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("taken@example.com")
                .satisfies(e -> assertThat(Arrays.stream(e.getSuppressed()).map(Throwable::toString).toList())
                        .anySatisfy(s -> assertThat(s).contains("rollback")));
        dataSource.failRollbacks = false;
        assertThat(acme.contacts().get(bob.id()).emails()).containsExactly("bob@example.com");
    }
}

package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.StoreProvider;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code h2:}, {@code jdbc:postgresql:} and {@code jdbc:mariadb:} store URLs, found through {@link ServiceLoader}. */
class JpaStoreProviderTest {

    private static StoreProvider provider(String url) {
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class)) {
            if (p.supports(url)) {
                return p;
            }
        }
        throw new AssertionError("no provider for " + url);
    }

    @Test
    void supportsItsSchemesOnly() {
        StoreProvider p = new JpaStoreProvider();
        assertThat(p.module()).isEqualTo("contacts-jpa");
        assertThat(p.supports("h2:./x")).isTrue();
        assertThat(p.supports("h2:mem:")).isTrue();
        assertThat(p.supports("jdbc:postgresql://h/db")).isTrue();
        assertThat(p.supports("jdbc:mariadb://h/db")).isTrue();
        assertThat(p.supports("mem:")).isFalse();
        assertThat(p.supports("mongodb://h")).isFalse();
        assertThatThrownBy(() -> p.open("mem:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.open("h2:mem:x?contactsSchema=sometimes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("create, validate, none");
    }

    @Test
    void anH2FileKeepsItsDataAcrossOpenings(@TempDir Path dir) {
        String url = "h2:" + dir.resolve("contacts");
        try (ContactStore store = provider(url).open(url)) {
            store.properties().create(Property.of("acme", "ACME", ZoneOffset.UTC));
        }
        try (ContactStore store = provider(url).open(url + ";contactsSchema=validate")) {
            assertThat(store.properties().get(PropertyId.of("acme"))).isPresent();
        }
        assertThat(dir.resolve("contacts.mv.db")).exists();
    }

    @Test
    void anInMemoryH2DatabaseLivesAsLongAsItsStore() {
        try (ContactStore a = provider("h2:mem:").open("h2:mem:"); ContactStore b = provider("h2:mem:").open("h2:mem:")) {
            a.properties().create(Property.of("acme", "ACME", ZoneOffset.UTC));
            assertThat(b.properties().list()).isEmpty();
        }
    }

    @Test
    void jdbcUrlsOfStoreUrls() {
        assertThat(JpaStoreProvider.jdbcUrl("jdbc:postgresql://h/db?user=u")).isEqualTo("jdbc:postgresql://h/db?user=u");
        assertThat(JpaStoreProvider.jdbcUrl("h2:mem:demo")).isEqualTo("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
        assertThat(JpaStoreProvider.jdbcUrl("h2:/var/contacts")).isEqualTo("jdbc:h2:file:/var/contacts");
    }
}

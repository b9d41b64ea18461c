package dev.contacts.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.Property;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.StoreCapability;
import dev.contacts.spi.StoreProvider;
import dev.contacts.tck.TckDataset;
import dev.contacts.tck.TckSettings;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What is particular to the MongoDB store: opening, the provider, the document layout and its invariants. */
@ExtendWith(MongoTestStores.class)
class MongoStoreTest {

    private static MongoDatabase database(String name) {
        return MongoTestStores.client().getDatabase(name);
    }

    @Test
    void openingIsIdempotentAndLeavesTheHostsClientOpen() {
        String db = MongoTestStores.newDatabaseName();
        try {
            MongoStore first = MongoStore.create(MongoTestStores.client(), db);
            first.properties().create(Property.of("p", "P", ZoneOffset.UTC));
            first.close();
            MongoStore second = MongoStore.create(MongoTestStores.client(), db, Set.of(StoreCapability.UTF16_TEXT_ORDER));
            assertThat(second.properties().list()).extracting(p -> p.id().value()).containsExactly("p");
            assertThat(first.capabilities()).as("a real server needs no declared limitation").isEmpty();
            assertThat(second.capabilities()).containsExactly(StoreCapability.UTF16_TEXT_ORDER);
            List<String> indexes = database(db).getCollection(Schema.CONTACTS).listIndexes().map(d -> d.getString("name"))
                    .into(new java.util.ArrayList<>());
            assertThat(indexes).contains(Schema.CONTACT_EMAILS_UNIQUE, "propertyId_v.lastSeen_id");
        } finally {
            database(db).drop();
        }
    }

    @Test
    void theProviderOpensMongodbUrlsAndNamesWhatIsMissing() {
        StoreProvider provider = ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.module().equals("contacts-mongo")).findFirst().orElseThrow();
        assertThat(provider.supports("mongodb://localhost:27017/helpdesk")).isTrue();
        assertThat(provider.supports("mongodb+srv://cluster.example.com/helpdesk")).isTrue();
        assertThat(provider.supports("mem:")).isFalse();
        assertThatThrownBy(() -> provider.open("mongodb://localhost:27017")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
        assertThatThrownBy(() -> provider.open("mem:x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProviderStoreOwnsItsClient() {
        {
            String db = MongoTestStores.newDatabaseName();
            String uri = MongoTestStores.uri(db);
            try (ContactStore store = new MongoStoreProvider().open(uri)) {
                store.properties().create(Property.of("p", "P", ZoneOffset.UTC));
                assertThat(store.properties().get(dev.contacts.model.PropertyId.of("p"))).isPresent();
            } finally {
                database(db).drop();
            }
        }
    }

    @Test
    void documentsKeepDisplayValuesFoldsAndCustomValuesInASubDocumentAndNeverStoreUnknowns() {
        String db = MongoTestStores.newDatabaseName();
        try {
            ContactStore store = MongoStore.create(MongoTestStores.client(), db, MongoTestStores.capabilities());
            Contacts sdk = Contacts.builder().store(store).build();
            sdk.createProperty(Property.of("p", "P", ZoneOffset.UTC));
            PropertyContacts p = sdk.property("p");
            p.attributes().define(dev.contacts.model.Target.CONTACT, "plan", "Plan", dev.contacts.model.AttributeType.TEXT);
            Map<String, Object> values = new HashMap<>();
            values.put("name", "ΟΔΟΣ Straße");
            values.put("emails", List.of("İlk@Example.com"));
            values.put("tags", List.of("VIP", "Lead"));
            values.put("city", "Paris");
            values.put("custom.plan", "Gold");
            Contact c = p.contacts().create(AttributeChanges.of(values));
            Document doc = database(db).getCollection(Schema.CONTACTS).find(Filters.eq(Fields.ID, c.id().toString())).first();
            assertThat(doc.getString(Fields.PROPERTY)).isEqualTo("p");
            assertThat(doc.get("v", Document.class).getString("name")).isEqualTo("ΟΔΟΣ Straße");
            assertThat(doc.get("f", Document.class).getString("name")).isEqualTo("οδος straße");
            assertThat(doc.get("f", Document.class).getList("tags", String.class)).containsExactly("vip", "lead");
            assertThat(doc.get("f", Document.class).getString("primaryEmail")).isEqualTo("i̇lk@example.com");
            assertThat(doc.get("v", Document.class).get("custom", Document.class).getString("plan")).isEqualTo("Gold");
            assertThat(doc.get("f", Document.class).get("custom", Document.class).getString("plan")).isEqualTo("gold");

            Map<String, Object> cleared = new HashMap<>();
            cleared.put("city", null);
            cleared.put("tags", List.of());
            cleared.put("custom.plan", null);
            p.contacts().update(c.id(), AttributeChanges.of(cleared));
            Document after = database(db).getCollection(Schema.CONTACTS).find(Filters.eq(Fields.ID, c.id().toString())).first();
            assertThat(after.get("v", Document.class)).as("cleared values are absent, not null").doesNotContainKeys("city", "tags");
            assertThat(after.get("f", Document.class)).doesNotContainKeys("city", "tags");
            assertThat(p.contacts().count(Filter.attr("city").isUnknown())).isEqualTo(1);
            assertThat(p.contacts().count(Filter.attr("tags").isNot("vip"))).as("$ne matches the absent field").isEqualTo(1);
            assertThat(StoredInvariants.violations(database(db), true)).isEmpty();
        } finally {
            database(db).drop();
        }
    }

    @Test
    void theTckDatasetIsStoredWithEveryInvariantHolding() {
        String db = MongoTestStores.newDatabaseName();
        try {
            ContactStore store = MongoStore.create(MongoTestStores.client(), db, MongoTestStores.capabilities());
            TckDataset.adversarial(TckSettings.DEFAULT_SEED).load(store);
            // sample contacts carry ticket statistics without tickets, so those are not compared
            assertThat(StoredInvariants.violations(database(db), false)).isEmpty();
        } finally {
            database(db).drop();
        }
    }
}

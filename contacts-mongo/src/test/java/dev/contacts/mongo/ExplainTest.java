package dev.contacts.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ExplainVerbosity;
import com.mongodb.client.MongoCollection;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Operator;
import dev.contacts.internal.KeysetPlanner;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.query.Sort;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a real MongoDB server ({@code CONTACTS_MONGO_URI}), {@code explain} shows that the
 * queries the store sends for a selective filter's first page and for a deep keyset page
 * use an index (IXSCAN, never COLLSCAN) and examine about as many documents as they
 * return. mongo-java-server has no query planner and no secondary indexes, so in-process
 * the tests are skipped and say so.
 */
@ExtendWith(MongoTestStores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainTest {
    private static final Logger LOG = LoggerFactory.getLogger(ExplainTest.class);
    private static final int CONTACTS = 5_000;
    private static final PropertyId P = PropertyId.of("p");
    private String db;
    private MongoStore store;

    @BeforeAll
    void load() {
        if (!MongoTestStores.real()) {
            LOG.warn("ExplainTest NOT run: {} is not set, and explain needs a real MongoDB server (mongo-java-server has no query "
                    + "planner); the in-process IndexCoverageTest checks the declared indexes instead", MongoTestStores.URI_VARIABLE);
            return;
        }
        db = MongoTestStores.newDatabaseName();
        store = MongoStore.create(MongoTestStores.client(), db, MongoTestStores.capabilities());
        for (String property : List.of("p", "noise")) {
            store.properties().create(Property.of(property, property, ZoneOffset.UTC));
            for (int i = 0; i < CONTACTS; i++) {
                Contact c = Contact.builder(ContactId.generate()).set("name", "n" + i).set("emails", List.of(property + i + "@example.com"))
                        .set("tags", i % 100 == 0 ? List.of("rare", "all") : List.of("all"))
                        .set("lastSeen", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 37L % 100_000)).build();
                store.contacts().insert(PropertyId.of(property), c);
            }
        }
    }

    @AfterAll
    void drop() {
        if (db != null) {
            MongoTestStores.client().getDatabase(db).drop();
        }
    }

    private void requireRealServer() {
        Assumptions.assumeTrue(MongoTestStores.real(), "not run: " + MongoTestStores.URI_VARIABLE
                + " is not set; explain needs a real MongoDB server (mongo-java-server has no query planner)");
    }

    private Document explain(Filter storeFilter, KeysetPlanner.Phase phase, int limit) {
        MongoCollection<Document> contacts = store.collection(Schema.CONTACTS);
        Bson query = store.contactRepository().query(P, Filter.and(storeFilter, phase.predicate()));
        return contacts.find(query).sort(FilterTranslator.sort(phase.order(), dev.contacts.model.Target.CONTACT)).limit(limit)
                .explain(ExplainVerbosity.EXECUTION_STATS);
    }

    @Test
    void aSelectiveFiltersFirstPageUsesAnIndex() {
        requireRealServer();
        KeysetPlanner.Phase first = KeysetPlanner.plan(Sort.desc("lastSeen"), null).get(0);
        Document plan = explain(Condition.of("tags", Operator.IS, "rare"), first, 51);
        check("tags is rare, first page", plan, CONTACTS / 100);
    }

    @Test
    void aDeepKeysetPageUsesAnIndexAndReadsOnlyItsRows() {
        requireRealServer();
        List<Contact> sorted = new ArrayList<>(store.contacts().find(P, Condition.of("lastSeen", Operator.HAS_ANY_VALUE),
                new dev.contacts.spi.SeekOrder("lastSeen", dev.contacts.query.Direction.DESC), 1001));
        Contact last = sorted.get(sorted.size() - 1);
        KeysetPlanner.Phase deep = KeysetPlanner.plan(Sort.desc("lastSeen"), new KeysetPlanner.Position(last.lastSeen(), last.id())).get(0);
        Document plan = explain(Filter.all(), deep, 51);
        check("all, page after 1001 rows", plan, 51);
    }

    /** IXSCAN and no COLLSCAN in the winning plan; documents examined at most a few times what is returned. */
    private static void check(String what, Document explain, int returned) {
        Document planner = explain.get("queryPlanner", Document.class);
        String winning = planner.get("winningPlan", Document.class).toJson();
        Document stats = explain.get("executionStats", Document.class);
        long examined = ((Number) stats.get("totalDocsExamined")).longValue();
        LOG.info("{}: winning plan {}, {} documents examined, {} returned", what, winning, examined, stats.get("nReturned"));
        assertThat(winning).as(what + ": winning plan").contains("IXSCAN").doesNotContain("COLLSCAN");
        assertThat(examined).as(what + ": documents examined").isLessThanOrEqualTo(3L * Math.max(returned, 51));
    }
}

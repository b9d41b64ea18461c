package dev.contacts.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ContactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sharded-MongoDB routing check itself ({@link ShardRoutingExtension} applies it to every
 * test class of this module): a command without an equality on {@code propertyId} is caught,
 * and the store's commands are seen.
 */
@ExtendWith(MongoTestStores.class)
class ShardRoutingTest {
    private static ShardRouting.Kind kind(String json) {
        return ShardRouting.check(BsonDocument.parse(json)).kind();
    }

    @Test
    void commandsWithoutAnEqualityOnPropertyIdAreViolations() {
        for (String json : List.of(
                "{find: 'contacts', filter: {_id: 'c1'}}",
                "{find: 'contacts', filter: {}}",
                "{find: 'contacts', filter: {propertyId: {$in: ['a', 'b']}}}",
                "{find: 'contacts', filter: {propertyId: {$ne: 'a'}}}",
                "{find: 'contacts', filter: {$or: [{propertyId: 'a'}, {_id: 'c1'}]}}",
                "{count: 'tickets', query: {_id: 't1'}}",
                "{aggregate: 'tickets', pipeline: [{$sort: {number: 1}}, {$match: {propertyId: 'a'}}], cursor: {}}",
                "{aggregate: 'contacts', pipeline: [{$match: {propertyId: 'a'}}, {$lookup: {from: 'tickets', localField: '_id', "
                        + "foreignField: 'contact', as: 't'}}], cursor: {}}",
                "{update: 'contacts', updates: [{q: {propertyId: 'a', _id: 'c1'}, u: {$set: {x: 1}}}, {q: {_id: 'c2'}, u: {$set: {x: 1}}}]}",
                "{delete: 'notes', deletes: [{q: {parent: 'c1'}, limit: 0}]}",
                "{findAndModify: 'counters', query: {_id: 'a:tickets'}, update: {$inc: {value: 1}}}",
                "{insert: 'contacts', documents: [{_id: 'c1', propertyId: 'a'}, {_id: 'c2'}]}",
                "{find: 'someNewCollection', filter: {propertyId: 'a'}}",
                "{find: 'blobs', filter: {data: {$exists: true}}}",
                "{mapReduce: 'contacts', map: 'x', reduce: 'y'}")) {
            assertThat(kind(json)).as(json).isEqualTo(ShardRouting.Kind.VIOLATION);
        }
    }

    @Test
    void singleShardCommandsPass() {
        for (String json : List.of(
                "{find: 'contacts', filter: {propertyId: 'a', _id: 'c1'}}",
                "{find: 'contacts', filter: {$and: [{propertyId: {$eq: 'a'}}, {$or: [{x: 1}, {y: 2}]}]}}",
                "{count: 'tickets', query: {propertyId: 'a'}}",
                "{aggregate: 'tickets', pipeline: [{$match: {propertyId: 'a'}}, {$unwind: '$messages'}], cursor: {}}",
                "{update: 'contacts', updates: [{q: {propertyId: 'a', _id: 'c1'}, u: {$set: {x: 1}}, upsert: true}]}",
                "{delete: 'notes', deletes: [{q: {propertyId: 'a', parent: 'c1'}, limit: 0}]}",
                "{findAndModify: 'counters', query: {propertyId: 'a', _id: 'a:tickets'}, update: {$inc: {value: 1}}}",
                "{insert: 'contacts', documents: [{_id: 'c1', propertyId: 'a'}, {_id: 'c2', propertyId: 'a'}]}")) {
            assertThat(kind(json)).as(json).isEqualTo(ShardRouting.Kind.SINGLE_SHARD);
        }
        assertThat(kind("{find: 'properties', filter: {}}")).isEqualTo(ShardRouting.Kind.UNSHARDED);
        assertThat(kind("{find: 'blobs', filter: {_id: {$gte: 'tickets/a/', $lt: 'tickets/a/\uffff'}}}")).isEqualTo(ShardRouting.Kind.KEYED);
        assertThat(kind("{find: 'blobs', filter: {$and: [{_id: {$gte: 'tickets/a/'}}, {_id: {$lt: 'tickets/a/\uffff'}}]}}"))
                .isEqualTo(ShardRouting.Kind.KEYED);
        assertThat(kind("{find: 'attachments.chunks', filter: {n: 0}}")).isEqualTo(ShardRouting.Kind.VIOLATION);
        assertThat(kind("{createIndexes: 'contacts', indexes: []}")).isEqualTo(ShardRouting.Kind.EXEMPT);
        assertThat(kind("{hello: 1}")).isEqualTo(ShardRouting.Kind.NO_COLLECTION);
    }

    @Test
    void theListenerSeesTheStoresCommandsAndNotTheTestsOwn() {
        ShardRouting.Totals before = ShardRouting.totals();
        ContactStore store = MongoTestStores.newStore();
        try {
            store.properties().create(Property.of("acme", "Acme", ZoneId.of("UTC")));
            assertThat(store.contacts().findByEmail(PropertyId.of("acme"), "ada@example.com")).isEmpty();
        } finally {
            store.close();
        }
        ShardRouting.Totals after = ShardRouting.totals();
        assertThat(after.byKind().getOrDefault(ShardRouting.Kind.SINGLE_SHARD, 0L))
                .isGreaterThan(before.byKind().getOrDefault(ShardRouting.Kind.SINGLE_SHARD, 0L));
        assertThat(after.byKind().getOrDefault(ShardRouting.Kind.EXEMPT, 0L)).as("index creation")
                .isGreaterThan(before.byKind().getOrDefault(ShardRouting.Kind.EXEMPT, 0L));
        assertThat(after.violations()).isEqualTo(before.violations());
        long own = after.testsOwn();
        MongoTestStores.client().getDatabase(MongoTestStores.newDatabaseName()).getCollection("contacts").find().first();
        assertThat(ShardRouting.totals().testsOwn()).as("a test's own command is counted apart").isGreaterThan(own);
        assertThat(ShardRouting.issuedByStore()).isFalse();
    }

    @Test
    void theUserDocsShardEveryPropertyDataCollectionOnPropertyId() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "scaling-out.md"));
        Set<String> sharded = new TreeSet<>();
        Matcher m = Pattern.compile("sh\\.shardCollection\\(\"helpdesk\\.(\\w+)\", \\{ propertyId: 1 \\}\\)").matcher(page);
        while (m.find()) {
            sharded.add(m.group(1));
        }
        assertThat(sharded).containsExactlyInAnyOrderElementsOf(Schema.PROPERTY_DATA);
        assertThat(Schema.COLLECTIONS).as("every other collection is the unsharded properties").hasSize(Schema.PROPERTY_DATA.size() + 1)
                .contains(Schema.PROPERTIES);
        for (String keyed : ShardRouting.KEYED_COLLECTIONS.keySet()) {
            assertThat(page).as(keyed).contains("`" + keyed + "`");
        }
        for (String unsharded : ShardRouting.UNSHARDED_COLLECTIONS.keySet()) {
            assertThat(page).as(unsharded).containsPattern("`" + Pattern.quote(unsharded) + "`[^|]*\\| none \\(unsharded");
        }
    }
}

package dev.contacts.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.contacts.model.PropertyId;
import org.bson.Document;

/**
 * Per-property counters in the {@code counters} collection ({@code _id} =
 * {@code <propertyId>:<name>}, {@code propertyId} beside it): the next value is one
 * {@code findOneAndUpdate} with {@code $inc} and upsert, so values are unique and increasing
 * under any concurrency, and a value taken by a write that then fails is a gap, nothing else.
 */
final class Counters {
    private Counters() {
    }

    /**
     * @param store    the store
     * @param property the property
     * @param name     the counter
     * @return its next value, from 1
     */
    static long next(MongoStore store, PropertyId property, String name) {
        String id = property.value() + ":" + name;
        // the document before the update: mongo-java-server answers "after" with its live document, which a concurrent
        // increment may change before the reply is written; "before" is a copy on every server
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
        for (int attempt = 0; ; attempt++) {
            try {
                Document before = store.collection(Schema.COUNTERS).findOneAndUpdate(
                        Filters.and(Filters.eq(Fields.PROPERTY, property.value()), Filters.eq(Fields.ID, id)), // the upsert sets both
                        Updates.inc("value", 1L), options);
                return before == null ? 1 : ((Number) before.get("value")).longValue() + 1;
            } catch (MongoException e) {
                // two first upserts of one counter may race on _id; the loser simply increments the winner's document
                if (attempt > 0 || !StoreCalls.isDuplicateKey(e, "_id_")) {
                    throw e;
                }
            }
        }
    }

    /**
     * @param store    the store
     * @param property the property
     * @param name     the counter
     * @return its current value (0 when it was never taken)
     */
    static long current(MongoStore store, PropertyId property, String name) {
        Document d = store.collection(Schema.COUNTERS).find(Filters.and(Filters.eq(Fields.PROPERTY, property.value()),
                Filters.eq(Fields.ID, property.value() + ":" + name))).first();
        return d == null ? 0 : ((Number) d.get("value")).longValue();
    }
}

package dev.contacts.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.model.PropertyId;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Optimistic locking of one document by its {@code version} field: the expected version is
 * part of the update's filter, so a stale write matches nothing and changes nothing; this
 * class reads the document and reports why (gone, or changed by someone else).
 */
final class Versions {
    private Versions() {
    }

    /**
     * @param doc a document with a version
     * @return its version
     */
    static long of(Document doc) {
        return ((Number) doc.get(Fields.VERSION)).longValue();
    }

    /**
     * Reads a document and checks its version before a change is computed from it.
     *
     * @param collection the collection
     * @param property   the property
     * @param id         the document id
     * @param noun       what it is, for messages
     * @param expected   the version the change is based on
     * @return the document
     * @throws NotFoundException if it is not in the property
     * @throws ConflictException if its version is not {@code expected}
     */
    static Document current(MongoCollection<Document> collection, PropertyId property, Object id, String noun, long expected) {
        Document doc = collection.find(Fields.one(property, id)).first();
        if (doc == null) {
            throw missing(noun, id, property);
        }
        if (of(doc) != expected) {
            throw stale(noun, id, of(doc), expected);
        }
        return doc;
    }

    /**
     * Applies an update if the stored version is still {@code expected}.
     *
     * @param collection the collection
     * @param property   the property
     * @param id         the document id
     * @param noun       what it is, for messages
     * @param expected   the version the change was based on
     * @param update     the update (which sets the next version)
     * @throws NotFoundException if it is not in the property any more
     * @throws ConflictException if another write changed it first
     */
    static void update(MongoCollection<Document> collection, PropertyId property, Object id, String noun, long expected, Bson update) {
        if (collection.updateOne(Filters.and(Fields.one(property, id), Filters.eq(Fields.VERSION, expected)), update).getMatchedCount() == 0) {
            Document now = collection.find(Fields.one(property, id)).projection(Projections.include(Fields.VERSION)).first();
            if (now == null) {
                throw missing(noun, id, property);
            }
            throw stale(noun, id, of(now), expected);
        }
    }

    static NotFoundException missing(String noun, Object id, PropertyId property) {
        return new NotFoundException(noun + " " + id + " does not exist in property " + property);
    }

    static ConflictException stale(String noun, Object id, long stored, long expected) {
        return new ConflictException(noun + " " + id + " is at version " + stored + ", not " + expected
                + "; reload it and apply the change again");
    }
}

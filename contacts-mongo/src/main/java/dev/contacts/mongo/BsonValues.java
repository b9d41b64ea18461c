package dev.contacts.mongo;

import dev.contacts.model.EntityId;
import dev.contacts.model.Values;
import dev.contacts.query.Direction;
import dev.contacts.query.Sort;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Conversions between normalised attribute values and what the documents hold: text as
 * strings, TEXT_SET as arrays of strings, NUMBER as Decimal128 (18 integer and 6 fraction
 * digits fit its 34), DATE as BSON dates (milliseconds, which is the normal form), BOOLEAN
 * as booleans, ids as their canonical text.
 */
final class BsonValues {
    private BsonValues() {
    }

    /**
     * @param value a normalised value (String, list of strings or ids, BigDecimal, Instant, Boolean, EntityId) or null
     * @return what a document stores, or null for null
     */
    static Object toBson(Object value) {
        if (value instanceof BigDecimal) {
            return new Decimal128((BigDecimal) value);
        }
        if (value instanceof Instant) {
            return Date.from((Instant) value);
        }
        if (value instanceof EntityId) {
            return value.toString();
        }
        if (value instanceof List) {
            List<Object> list = new ArrayList<>(((List<?>) value).size());
            for (Object element : (List<?>) value) {
                list.add(toBson(element));
            }
            return list;
        }
        return value;
    }

    /**
     * @param stored a value read from a document
     * @return the Java value (BigDecimal, Instant, list of strings, String, Boolean), or null
     */
    static Object fromBson(Object stored) {
        if (stored instanceof Decimal128) {
            return ((Decimal128) stored).bigDecimalValue();
        }
        if (stored instanceof Date) {
            return ((Date) stored).toInstant();
        }
        if (stored instanceof List) {
            List<Object> list = new ArrayList<>(((List<?>) stored).size());
            for (Object element : (List<?>) stored) {
                list.add(fromBson(element));
            }
            return list;
        }
        return stored;
    }

    /**
     * The comparison key of a value: its fold for text, the folds of a text set, the stored
     * value otherwise.
     *
     * @param value a normalised value
     * @return the key, or null for null
     */
    static Object key(Object value) {
        if (value instanceof String) {
            return Values.fold((String) value);
        }
        if (value instanceof List) {
            List<Object> folds = new ArrayList<>(((List<?>) value).size());
            for (Object element : (List<?>) value) {
                folds.add(element instanceof String ? Values.fold((String) element) : toBson(element));
            }
            return folds;
        }
        return toBson(value);
    }

    /**
     * @param sort a sort
     * @return its stored form {@code {attribute, direction}}
     */
    static Document sort(Sort sort) {
        return new Document("attribute", sort.attribute()).append("direction", sort.direction().name());
    }

    /**
     * @param stored a stored sort
     * @return the sort
     */
    static Sort sort(Document stored) {
        return new Sort(stored.getString("attribute"), Direction.valueOf(stored.getString("direction")));
    }

    /**
     * @param stored a Decimal128 or another BSON number, or null
     * @return it as a long (0 for null)
     */
    static long toLong(Object stored) {
        if (stored instanceof Decimal128) {
            return ((Decimal128) stored).bigDecimalValue().longValueExact();
        }
        return stored == null ? 0 : ((Number) stored).longValue();
    }
}

package dev.contacts.mongo;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.Date;
import org.bson.conversions.Bson;

/**
 * The keyset seek of the newest-first lists (timeline sources: notes, ticket messages,
 * web sessions, chats): strictly past a position in the order (time descending, then id
 * descending as unsigned numbers, which is the order of the ids' text).
 */
final class NewestFirst {
    private NewestFirst() {
    }

    /**
     * @param timeField the time field
     * @param time      the time at the position
     * @param id        the id at the position (an id whose text orders as the ids)
     * @return the condition: older than the position, or as old with a smaller id
     */
    static Bson before(String timeField, Instant time, Object id) {
        return before(timeField, Fields.ID, time, id);
    }

    /**
     * @param timeField the time field
     * @param idField   the id field
     * @param time      the time at the position
     * @param id        the id at the position
     * @return the condition: older than the position, or as old with a smaller id
     */
    static Bson before(String timeField, String idField, Instant time, Object id) {
        Date at = Date.from(time);
        return Filters.or(Filters.lt(timeField, at), Filters.and(Filters.eq(timeField, at), Filters.lt(idField, id.toString())));
    }
}

package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import java.sql.SQLException;
import java.util.function.ToLongFunction;

/**
 * The first step of an optimistic update (notes, segments, tickets): the stored row is read
 * and locked ({@code SELECT … FOR UPDATE}), a missing one is not found, one at another
 * version than the change was based on is a conflict. The caller then checks the new state
 * against the stored one and writes it conditionally on the version.
 */
final class OptimisticLock {
    private OptimisticLock() {
    }

    /**
     * @param db              the transaction
     * @param select          the query of the one row, without {@code FOR UPDATE}
     * @param mapper          maps the row
     * @param version         the stored version of a mapped row
     * @param what            what it is, for messages ("note 0190…")
     * @param property        the property, for messages
     * @param expectedVersion the version the change was based on
     * @param <R>             row type
     * @return the stored row, locked until the end of the transaction
     * @throws NotFoundException if there is no such row
     * @throws ConflictException if it is at another version
     */
    static <R> R lock(Db db, Sql select, Db.RowMapper<R> mapper, ToLongFunction<R> version, String what, String property,
                      long expectedVersion) throws SQLException {
        R stored = db.first(select.append(" FOR UPDATE"), mapper)
                .orElseThrow(() -> new NotFoundException(what + " does not exist in property " + property));
        long at = version.applyAsLong(stored);
        if (at != expectedVersion) {
            throw new ConflictException(what + " is at version " + at + ", not " + expectedVersion + "; reload it and apply the change again");
        }
        return stored;
    }
}

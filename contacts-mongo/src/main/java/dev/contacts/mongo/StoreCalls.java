package dev.contacts.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import dev.contacts.StoreException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The boundary between the SPI and the driver: runs one repository call, logs it at DEBUG
 * with its duration, and turns driver failures into {@link StoreException} naming the
 * operation. The SDK's own exceptions pass through unchanged.
 */
final class StoreCalls {
    private static final Logger LOG = LoggerFactory.getLogger("dev.contacts.mongo");

    private StoreCalls() {
    }

    /**
     * @param operation what is done, e.g. {@code contacts.find}
     * @param property  the property, for the log line (may be null)
     * @param body      the call
     * @param <R>       result type
     * @return the call's result
     * @throws StoreException if the driver fails
     */
    static <R> R run(String operation, Object property, Supplier<R> body) {
        long start = System.nanoTime();
        try {
            return body.get();
        } catch (MongoException e) {
            throw new StoreException("mongodb " + operation, e);
        } finally {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} in {} µs", property, operation, (System.nanoTime() - start) / 1000);
            }
        }
    }

    /**
     * @param operation what is done
     * @param property  the property, for the log line
     * @param body      the call
     * @throws StoreException if the driver fails
     */
    static void runVoid(String operation, Object property, Runnable body) {
        run(operation, property, () -> {
            body.run();
            return null;
        });
    }

    /**
     * @param e     a driver exception
     * @param index the name of a unique index
     * @return whether it is a duplicate key error of that index
     */
    static boolean isDuplicateKey(MongoException e, String index) {
        boolean duplicate;
        if (e instanceof MongoWriteException) {
            duplicate = ((MongoWriteException) e).getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        } else if (e instanceof MongoBulkWriteException) {
            duplicate = ((MongoBulkWriteException) e).getWriteErrors().stream()
                    .anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
        } else if (e instanceof MongoCommandException) {
            duplicate = ErrorCategory.fromErrorCode(((MongoCommandException) e).getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
        } else {
            duplicate = false;
        }
        String message = String.valueOf(e.getMessage());
        return duplicate && message.contains("index: " + index + " ");
    }
}

package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.time.Instant;

/** Checks shared by the activity event records. */
final class ActivityTimes {
    private ActivityTimes() {
    }

    /**
     * @param start an event's start as given
     * @return it in DATE normal form
     * @throws InvalidValueException if it is missing or out of the DATE range
     */
    static Instant start(Instant start) {
        if (start == null) {
            throw new InvalidValueException("start", "an activity event needs its start time");
        }
        return Values.date("start", start);
    }

    /**
     * @param field the field, for the error message
     * @param value a count or a number of seconds
     * @param max   the largest allowed
     * @throws InvalidValueException if it is negative or above max
     */
    static void range(String field, long value, long max) {
        if (value < 0 || value > max) {
            throw new InvalidValueException(field, value + " is outside 0.." + max);
        }
    }
}

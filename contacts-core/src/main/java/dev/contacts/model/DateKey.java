package dev.contacts.model;

import java.time.Instant;

/**
 * The key of a date attribute (type {@link AttributeType#DATE}, values {@code Instant}): see {@link AttrKey}.
 * Built-in ones are constants of {@link Attr}; {@link #custom(String)} names a custom one.
 */
public final class DateKey extends AttrKey<Instant> {
    DateKey(String name) {
        super(name, AttributeType.DATE);
    }

    /**
     * @param key the custom attribute's key, without {@code custom.} (it must be defined in the property as a date attribute)
     * @return the key of {@code custom.<key>}
     * @throws dev.contacts.InvalidValueException if the key does not match {@code [a-z][a-z0-9_]{0,39}}
     */
    public static DateKey custom(String key) {
        return new DateKey(customName(key));
    }
}

package dev.contacts.model;

import java.math.BigDecimal;

/**
 * The key of a number attribute (type {@link AttributeType#NUMBER}, values {@code BigDecimal}): see {@link AttrKey}.
 * Built-in ones are constants of {@link Attr}; {@link #custom(String)} names a custom one.
 */
public final class NumberKey extends AttrKey<BigDecimal> {
    NumberKey(String name) {
        super(name, AttributeType.NUMBER);
    }

    /**
     * @param key the custom attribute's key, without {@code custom.} (it must be defined in the property as a number attribute)
     * @return the key of {@code custom.<key>}
     * @throws dev.contacts.InvalidValueException if the key does not match {@code [a-z][a-z0-9_]{0,39}}
     */
    public static NumberKey custom(String key) {
        return new NumberKey(customName(key));
    }
}
